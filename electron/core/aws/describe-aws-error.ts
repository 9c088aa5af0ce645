import { AppError, isAppError, type ErrorCode } from '../api/errors';
import { redactSecrets } from './redact';
import { isExpiredSessionError } from './expired-session';

/** Where an AWS error happened, for the message and the detail. */
export interface AwsErrorContext {
  service: string;
  operation: string;
  /** The resource the call was about (name, id or ARN). */
  resource?: string;
  region?: string;
  /** The restorable window, when known, for restore-time errors. */
  window?: { earliest?: string; latest?: string };
}

/** A short machine-readable hint the UI uses to offer the right next step. */
export type AwsErrorHint =
  | 'restore-window'
  | 'name-taken'
  | 'pitr-off'
  | 'quota'
  | 'kms-key'
  | 'not-archived'
  | 'capacity'
  | 'throttled'
  | 'session-expired'
  | 'access-denied'
  | 'not-found'
  | 'unavailable'
  | 'credentials'
  | 'cancelled'
  | 'other';

/** The fields pulled out of an SDK error. */
export interface AwsErrorFacts {
  awsCode: string;
  message: string;
  requestId?: string;
  httpStatus?: number;
}

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/** The code, message, request id and HTTP status of anything an SDK call may throw. */
export function awsErrorFacts(error: unknown): AwsErrorFacts {
  const metadata = field(error, '$metadata');
  const requestId = field(metadata, 'requestId');
  const httpStatus = field(metadata, 'httpStatusCode');
  const code = field(error, 'Code') ?? field(error, 'code') ?? field(error, 'name');
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);
  return {
    awsCode: typeof code === 'string' && code !== '' ? code : 'Unknown',
    message: redactSecrets(message || 'no message'),
    ...(typeof requestId === 'string' && requestId !== '' ? { requestId } : {}),
    ...(typeof httpStatus === 'number' ? { httpStatus } : {}),
  };
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'NetworkingError',
]);
const SERVER_CODES = new Set([
  'InternalFailure',
  'InternalError',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'Unavailable',
]);
const THROTTLE_CODES = new Set([
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'SlowDown',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestThrottled',
  'RequestThrottledException',
]);
const ACCESS_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
]);

function where(ctx: AwsErrorContext): string {
  const region = ctx.region ? ` in ${ctx.region}` : '';
  return `${ctx.service} ${ctx.operation}${ctx.resource ? ` on ${ctx.resource}` : ''}${region}`;
}

interface Mapping {
  code: ErrorCode;
  hint: AwsErrorHint;
  retryable: boolean;
  message: string;
}

function classify(facts: AwsErrorFacts, ctx: AwsErrorContext, error: unknown): Mapping {
  const at = where(ctx);
  const c = facts.awsCode;
  const aws = `AWS said: ${c}: ${facts.message}`;
  if (isExpiredSessionError(error)) {
    return {
      code: 'SESSION_EXPIRED',
      hint: 'session-expired',
      retryable: true,
      message: `The AWS session expired during ${at}. Log in again (the Login button, or \`aws sso login\`); work is paused and resumes after the login.`,
    };
  }
  if (c === 'InvalidRestoreTimeException' || c === 'InvalidRestoreFault' || c === 'InvalidRestoreTime') {
    const w = ctx.window;
    const window =
      w && (w.earliest || w.latest)
        ? ` The restorable window is ${w.earliest ?? '(unknown)'} to ${w.latest ?? '(unknown)'}.`
        : ' Check the earliest and latest restorable times shown for this resource.';
    return {
      code: 'AWS_ERROR',
      hint: 'restore-window',
      retryable: false,
      message: `${at}: the restore time is outside the restorable window.${window} Pick a time inside it, or the latest restorable time. (${aws})`,
    };
  }
  if (
    c === 'TableAlreadyExistsException' ||
    c === 'DBInstanceAlreadyExists' ||
    c === 'DBInstanceAlreadyExistsFault' ||
    c === 'DBSnapshotAlreadyExists' ||
    c === 'InvalidAMIName.Duplicate'
  ) {
    return {
      code: 'AWS_ERROR',
      hint: 'name-taken',
      retryable: false,
      message: `${at}: the target name is already taken. Use a suffixed name, or adopt the existing resource if this incident created it (its dr-war-room:incident tag says so). (${aws})`,
    };
  }
  if (c === 'PointInTimeRecoveryUnavailableException') {
    return {
      code: 'AWS_ERROR',
      hint: 'pitr-off',
      retryable: false,
      message: `${at}: point-in-time recovery is off for this table. Restore from an on-demand backup instead. (${aws})`,
    };
  }
  if (
    c === 'LimitExceededException' ||
    c === 'SnapshotQuotaExceeded' ||
    c === 'ResourceLimitExceeded' ||
    c === 'InstanceLimitExceeded' ||
    c === 'SnapshotCopyLimitExceeded'
  ) {
    return {
      code: 'AWS_ERROR',
      hint: 'quota',
      retryable: true,
      message: `${at}: an AWS quota is reached. The action waits in the queue and is retried when a slot frees up. (${aws})`,
    };
  }
  if (c === 'KMSKeyNotAccessibleFault' || c === 'KMSKeyNotAccessible' || c === 'KMSAccessDeniedException') {
    const region = ctx.region ?? 'the target region';
    return {
      code: 'AWS_ERROR',
      hint: 'kms-key',
      retryable: false,
      message: `${at}: the KMS key in ${region} is missing, disabled or not usable by this role. Choose an enabled key in ${region} in the target settings. (${aws})`,
    };
  }
  if (c === 'InvalidObjectState') {
    return {
      code: 'AWS_ERROR',
      hint: 'not-archived',
      retryable: false,
      message: `${at}: the object is not archived, so RestoreObject does not apply. To roll back to an earlier version, use version rollback (CopyObject with the version id). (${aws})`,
    };
  }
  if (c === 'InsufficientDBInstanceCapacity' || c === 'InsufficientInstanceCapacity') {
    return {
      code: 'AWS_ERROR',
      hint: 'capacity',
      retryable: false,
      message: `${at}: that instance class or type is not available in this Availability Zone right now. Choose another Availability Zone or class. (${aws})`,
    };
  }
  if (THROTTLE_CODES.has(c)) {
    return {
      code: 'AWS_ERROR',
      hint: 'throttled',
      retryable: true,
      message: `${at}: AWS is throttling requests even after the SDK's adaptive retries. The action is retried with back-off. (${aws})`,
    };
  }
  if (ACCESS_CODES.has(c)) {
    return {
      code: 'AWS_ERROR',
      hint: 'access-denied',
      retryable: false,
      message: `${at}: the role is not allowed to do this. Ask the AWS administrator to grant the permissions in build/iam-policy.json. (${aws})`,
    };
  }
  if (/NotFound|NoSuch|NotFoundException|NotFoundFault/.test(c)) {
    return {
      code: 'AWS_ERROR',
      hint: 'not-found',
      retryable: false,
      message: `${at}: AWS cannot find it. Check the name or id, and the region. (${aws})`,
    };
  }
  if (c === 'AbortError' || c === 'ABORT_ERR') {
    return {
      code: 'CANCELLED',
      hint: 'cancelled',
      retryable: true,
      message: `${at} was cancelled before AWS answered.`,
    };
  }
  if (
    NETWORK_CODES.has(c) ||
    SERVER_CODES.has(c) ||
    (facts.httpStatus !== undefined && facts.httpStatus >= 500)
  ) {
    return {
      code: 'UNAVAILABLE',
      hint: 'unavailable',
      retryable: true,
      message: `${at}: the service does not answer (${c}). The region may be failing; work in the other region goes on, and this can be retried later.`,
    };
  }
  if (c === 'CredentialsProviderError' || c === 'TokenProviderError') {
    return {
      code: 'CREDENTIALS',
      hint: 'credentials',
      retryable: false,
      message: `${at}: no usable AWS credentials for this profile: ${facts.message} Check the profile in the AWS config file, or log in.`,
    };
  }
  return { code: 'AWS_ERROR', hint: 'other', retryable: false, message: `${at} failed. ${aws}` };
}

/**
 * Turn anything an AWS call threw into an {@link AppError} with a clear message and
 * `{ service, operation, resource, region, awsCode, requestId, httpStatus, hint, retryable }`
 * as detail. An {@link AppError} (e.g. from the guard) passes through unchanged. Secrets are
 * scrubbed from AWS's message.
 */
export function describeAwsError(error: unknown, ctx: AwsErrorContext): AppError {
  if (isAppError(error)) return error;
  const facts = awsErrorFacts(error);
  const mapping = classify(facts, ctx, error);
  return new AppError(mapping.code, mapping.message, {
    service: ctx.service,
    operation: ctx.operation,
    ...(ctx.resource !== undefined ? { resource: ctx.resource } : {}),
    ...(ctx.region !== undefined ? { region: ctx.region } : {}),
    awsCode: facts.awsCode,
    ...(facts.requestId !== undefined ? { requestId: facts.requestId } : {}),
    ...(facts.httpStatus !== undefined ? { httpStatus: facts.httpStatus } : {}),
    hint: mapping.hint,
    retryable: mapping.retryable,
  });
}
