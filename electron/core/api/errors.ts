import { z } from 'zod';
import type { ErrorValue } from './result';

/** Stable error codes shared by the core, the bridge, the CLI and the renderer. */
export const errorCodeSchema = z.enum([
  /** The input failed the call's schema. */
  'INVALID_INPUT',
  /** The call name is not in the contract. */
  'UNKNOWN_CALL',
  /** The sender or request is not allowed (foreign window, missing token). */
  'FORBIDDEN',
  /** A thing named in the input does not exist. */
  'NOT_FOUND',
  /** The request conflicts with current state (name taken, invalid transition). */
  'CONFLICT',
  /** A data file (runbook, procedure, scenario, config) is malformed. */
  'DATA_FILE_INVALID',
  /** Credentials are missing or unusable. */
  'CREDENTIALS',
  /** The SSO session expired: log in again; work is paused, not failed. */
  'SESSION_EXPIRED',
  /** AWS answered with an error. */
  'AWS_ERROR',
  /** The operation is not in the operations registry. */
  'OPERATION_NOT_ALLOWED',
  /** The incident journal was altered; the incident is read-only. */
  'TAMPERED',
  /** A service or region does not answer. */
  'UNAVAILABLE',
  /** The work was cancelled. */
  'CANCELLED',
  /** A bug: the message says what happened. */
  'INTERNAL',
]);

/** One of the stable error codes. */
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/**
 * The one error type the core throws on purpose; `dispatch` turns it into an {@link ErrorValue}.
 * Use it for every expected failure, with a message that says what to do.
 */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** The value form of this error. */
  toValue(): ErrorValue {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}

/** True when a value is an {@link AppError} (also across module copies). */
export function isAppError(value: unknown): value is AppError {
  return (
    value instanceof AppError || (value instanceof Error && value.name === 'AppError' && 'code' in value)
  );
}
