import type { SimErrorShape } from './types';

/**
 * An AWS error a service throws from `handle`; the router encodes it with that service's
 * `encodeError`, so services can bail out from deep inside a handler with one line.
 */
export class SimServiceError extends Error implements SimErrorShape {
  readonly code: string;
  readonly status: number;
  readonly type?: 'Sender' | 'Receiver';
  readonly headers?: Record<string, string>;
  readonly fields?: Record<string, string>;

  constructor(
    code: string,
    message: string,
    status = 400,
    extra: {
      type?: 'Sender' | 'Receiver';
      headers?: Record<string, string>;
      fields?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = 'SimServiceError';
    this.code = code;
    this.status = status;
    if (extra.type) this.type = extra.type;
    if (extra.headers) this.headers = extra.headers;
    if (extra.fields) this.fields = extra.fields;
  }

  /** The plain error shape handed to `encodeError`. */
  toShape(): SimErrorShape {
    return {
      code: this.code,
      message: this.message,
      status: this.status,
      ...(this.type ? { type: this.type } : {}),
      ...(this.headers ? { headers: this.headers } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }
}

/** True when a value is a {@link SimServiceError} (also across module copies). */
export function isSimServiceError(value: unknown): value is SimServiceError {
  return value instanceof SimServiceError || (value instanceof Error && value.name === 'SimServiceError');
}
