/**
 * An AWS service error raised by a simulated operation. The protocol layer turns it into the
 * wire shape of its service (awsQuery `<ErrorResponse>`, EC2 `<Response><Errors>`, JSON 1.0
 * `__type`), so handlers only say what went wrong.
 */
export class SimServiceError extends Error {
  /** The AWS error code (`DBInstanceNotFound`, `InvalidAMIID.NotFound`, `ResourceNotFoundException`). */
  readonly code: string;
  /** HTTP status of the response. */
  readonly status: number;

  constructor(code: string, message: string, status = 400) {
    super(message);
    this.name = 'SimServiceError';
    this.code = code;
    this.status = status;
  }
}

/** The error shape every protocol encoder accepts (also used for injected faults). */
export interface SimErrorShape {
  code: string;
  message: string;
  status: number;
}

/** Build a {@link SimServiceError} (shorthand for handlers: `throw simError('X', 'msg')`). */
export function simError(code: string, message: string, status = 400): SimServiceError {
  return new SimServiceError(code, message, status);
}

/** True for a {@link SimServiceError}. */
export function isSimServiceError(value: unknown): value is SimServiceError {
  return value instanceof SimServiceError;
}
