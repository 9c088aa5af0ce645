/**
 * A transport-level failure the in-process handler raises, shaped like Node's socket errors
 * (`code` `ECONNREFUSED`, `ETIMEDOUT`) or an aborted request (`name` `AbortError`), so the SDK
 * treats it exactly as it would a real network failure (transient, retried, then surfaced).
 */
export class SimConnectionError extends Error {
  readonly code: string;

  constructor(
    code: 'ECONNREFUSED' | 'ETIMEDOUT' | 'ECONNRESET' | 'ABORT_ERR',
    message: string,
    name = 'Error',
  ) {
    super(message);
    this.name = name;
    this.code = code;
  }
}

/** True for a {@link SimConnectionError} with the given code (any code when omitted). */
export function isSimConnectionError(value: unknown, code?: string): value is SimConnectionError {
  return value instanceof SimConnectionError && (code === undefined || value.code === code);
}
