import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/core/api/errors';
import { describeAwsError } from '../../../../electron/core/aws/describe-aws-error';

function awsError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: status, requestId: 'req-123' },
  });
}

const ctx = {
  service: 'dynamodb',
  operation: 'RestoreTableToPointInTime',
  resource: 'orders',
  region: 'us-west-2',
};

describe('describeAwsError', () => {
  it.each([
    ['InvalidRestoreTimeException', 'restore-window', 'AWS_ERROR', /outside the restorable window/],
    ['InvalidRestoreFault', 'restore-window', 'AWS_ERROR', /outside the restorable window/],
    [
      'TableAlreadyExistsException',
      'name-taken',
      'AWS_ERROR',
      /target name is already taken.*suffixed.*adopt/,
    ],
    ['DBInstanceAlreadyExists', 'name-taken', 'AWS_ERROR', /already taken/],
    ['PointInTimeRecoveryUnavailableException', 'pitr-off', 'AWS_ERROR', /on-demand backup/],
    ['LimitExceededException', 'quota', 'AWS_ERROR', /quota.*queue/],
    ['SnapshotQuotaExceeded', 'quota', 'AWS_ERROR', /quota/],
    ['ResourceLimitExceeded', 'quota', 'AWS_ERROR', /quota/],
    ['KMSKeyNotAccessibleFault', 'kms-key', 'AWS_ERROR', /KMS key in us-west-2 is missing, disabled/],
    ['InvalidObjectState', 'not-archived', 'AWS_ERROR', /not archived.*CopyObject/],
    ['InsufficientDBInstanceCapacity', 'capacity', 'AWS_ERROR', /another Availability Zone/],
    ['InsufficientInstanceCapacity', 'capacity', 'AWS_ERROR', /another Availability Zone/],
    ['ThrottlingException', 'throttled', 'AWS_ERROR', /throttling.*retried/],
    ['RequestLimitExceeded', 'throttled', 'AWS_ERROR', /throttling/],
    ['SlowDown', 'throttled', 'AWS_ERROR', /throttling/],
    ['ExpiredToken', 'session-expired', 'SESSION_EXPIRED', /session expired.*Log in again.*paused/],
    ['ExpiredTokenException', 'session-expired', 'SESSION_EXPIRED', /session expired/],
    ['UnauthorizedException', 'session-expired', 'SESSION_EXPIRED', /session expired/],
    ['AccessDeniedException', 'access-denied', 'AWS_ERROR', /iam-policy\.json/],
    ['ResourceNotFoundException', 'not-found', 'AWS_ERROR', /cannot find/],
    ['ServiceUnavailable', 'unavailable', 'UNAVAILABLE', /does not answer/],
  ])('%s becomes a clear %s message', (code, hint, appCode, message) => {
    const error = describeAwsError(awsError(code, 'AWS text'), ctx);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe(appCode);
    expect(error.message).toMatch(message);
    expect(error.detail).toMatchObject({
      service: 'dynamodb',
      operation: 'RestoreTableToPointInTime',
      resource: 'orders',
      awsCode: code,
      requestId: 'req-123',
      httpStatus: 400,
      hint,
    });
  });

  it('shows the restorable window when known', () => {
    const error = describeAwsError(awsError('InvalidRestoreTimeException', 'bad time'), {
      ...ctx,
      window: { earliest: '2026-11-20T00:00:00Z', latest: '2026-11-26T03:00:00Z' },
    });
    expect(error.message).toContain('2026-11-20T00:00:00Z to 2026-11-26T03:00:00Z');
  });

  it('treats SSO "session has expired" messages as an expired session', () => {
    const error = describeAwsError(
      Object.assign(
        new Error('The SSO session associated with this profile has expired. Run aws sso login.'),
        {
          name: 'CredentialsProviderError',
        },
      ),
      ctx,
    );
    expect(error.code).toBe('SESSION_EXPIRED');
  });

  it('maps socket failures and 5xx answers to UNAVAILABLE', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(describeAwsError(refused, ctx).code).toBe('UNAVAILABLE');
    expect(describeAwsError(awsError('Weird', 'x', 503), ctx).code).toBe('UNAVAILABLE');
    expect(describeAwsError(Object.assign(new Error('t'), { name: 'TimeoutError' }), ctx).detail?.hint).toBe(
      'unavailable',
    );
  });

  it('passes AppErrors through and scrubs secrets out of AWS messages', () => {
    const own = new AppError('OPERATION_NOT_ALLOWED', 'no');
    expect(describeAwsError(own, ctx)).toBe(own);
    const leaky = describeAwsError(
      awsError('Odd', 'key AKIAABCDEFGHIJKLMNOP with aws_secret_access_key=abc123SECRET'),
      ctx,
    );
    expect(leaky.message).not.toContain('AKIAABCDEFGHIJKLMNOP');
    expect(leaky.message).not.toContain('abc123SECRET');
  });

  it('names an unknown error with its code and AWS text', () => {
    const error = describeAwsError(awsError('SomethingNew', 'details here'), ctx);
    expect(error.code).toBe('AWS_ERROR');
    expect(error.message).toMatch(
      /dynamodb RestoreTableToPointInTime on orders in us-west-2 failed\. AWS said: SomethingNew: details here/,
    );
  });
});
