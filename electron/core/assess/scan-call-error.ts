import type { AssessServiceName } from '../api/calls/assess';

/** What went wrong with one scan call. */
export interface ScanCallErrorInit {
  service: AssessServiceName;
  region: string;
  operation: string;
  /** The hint of `describeAwsError` (`unavailable`, `throttled`, `access-denied`, `not-found`, …) or `cancelled`. */
  hint: string;
  /** The AWS error code (`NoSuchTagSet`, `ECONNREFUSED`, `TimeoutError`, `NotAttempted` …). */
  awsCode: string;
  message: string;
  /** True when the call was not sent (the lane was down, or the scan was cancelled). */
  skipped: boolean;
}

/** The error every scheduled scan call rejects with: the call, a clear message, and the AWS code. */
export class ScanCallError extends Error {
  override readonly name = 'ScanCallError';
  readonly service: AssessServiceName;
  readonly region: string;
  readonly operation: string;
  readonly hint: string;
  readonly awsCode: string;
  readonly skipped: boolean;

  constructor(init: ScanCallErrorInit) {
    super(init.message);
    this.service = init.service;
    this.region = init.region;
    this.operation = init.operation;
    this.hint = init.hint;
    this.awsCode = init.awsCode;
    this.skipped = init.skipped;
  }
}

/** True for a {@link ScanCallError}. */
export function isScanCallError(error: unknown): error is ScanCallError {
  return error instanceof ScanCallError;
}

/** A short reason for an unknown fact, from anything a scan call threw. */
export function reasonOf(error: unknown): string {
  if (isScanCallError(error)) {
    if (error.hint === 'unavailable') {
      return error.skipped
        ? `${error.region} does not answer (${error.service} there is down; not asked again)`
        : `${error.region} does not answer (${error.awsCode} on ${error.operation})`;
    }
    if (error.hint === 'access-denied')
      return `access denied to ${error.service} ${error.operation} in ${error.region}`;
    if (error.hint === 'cancelled') return 'the scan was cancelled';
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** True when an error is a scan call that AWS answered with one of these codes (an answer, not a failure). */
export function hasAwsCode(error: unknown, ...codes: string[]): boolean {
  return isScanCallError(error) && codes.includes(error.awsCode);
}
