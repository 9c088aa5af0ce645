import type { ErrorValue } from '../../../../electron/core/api/result';

/** What the error panel shows besides the message (pure). */
export interface ErrorAdvice {
  /** The AWS side: code, HTTP status, request id, where; null when AWS was not involved. */
  aws: {
    code: string;
    status: number | null;
    requestId: string | null;
    where: string | null;
  } | null;
  /** The next step, in one sentence. */
  whatToDo: string;
  /** False when retrying the same thing cannot help (bad input, access denied …). */
  retryable: boolean;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

const byHint: Record<string, string> = {
  'session-expired':
    'Log in again (the Log in button in the header, or `aws sso login`); work resumes after.',
  'restore-window': 'Pick a restore time inside the restorable window shown, or the latest restorable time.',
  'name-taken':
    'A resource with that name exists: adopt it if this incident made it, or choose another name.',
  'pitr-off':
    'Point-in-time recovery is off for this table: restore from the latest on-demand backup instead.',
  quota:
    'A service quota was reached: ask for an increase in Service Quotas, or restore fewer resources at once.',
  'kms-key':
    'The KMS key is missing or not usable in the target region: use a replica key there, or grant access.',
  'not-archived': 'The object is not archived: read it directly, no restore needed.',
  capacity: 'AWS has no capacity for that type now: retry later, or pick another instance type or zone.',
  throttled: 'AWS is throttling requests: the app already slowed down; retry in a minute.',
  'access-denied':
    "The role lacks a permission: compare it with the app's IAM policy (build/iam-policy.json).",
  'not-found': 'The resource was not found: re-run the assessment to refresh what exists.',
  unavailable: 'The region does not answer: work in the other region goes on; retry when it recovers.',
  credentials: 'No usable credentials: choose a profile in the header, or log in.',
  cancelled: 'It was cancelled: run it again when ready.',
};

const byCode: Record<string, string> = {
  INVALID_INPUT: 'Correct the fields listed and try again.',
  SESSION_EXPIRED: byHint['session-expired']!,
  CREDENTIALS: byHint.credentials!,
  UNAVAILABLE: byHint.unavailable!,
  NOT_FOUND: 'It no longer exists: refresh the screen.',
};

/** The AWS facts, the next step and whether a retry makes sense, from an error value (pure). */
export function errorAdvice(error: ErrorValue): ErrorAdvice {
  const d = error.detail ?? {};
  const awsCode = str(d.awsCode);
  const where = [
    str(d.service),
    str(d.operation),
    str(d.resource),
    str(d.region) ? `in ${str(d.region)}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  const hint = str(d.hint);
  const whatToDo =
    str(d.whatToDo) ??
    (hint ? byHint[hint] : undefined) ??
    byCode[error.code] ??
    'Read the message above; if it persists, note it in the incident timeline and use the runbook by hand.';
  return {
    aws: awsCode
      ? {
          code: awsCode,
          status: typeof d.httpStatus === 'number' ? d.httpStatus : null,
          requestId: str(d.requestId),
          where: where || null,
        }
      : null,
    whatToDo,
    retryable: d.retryable !== false && error.code !== 'INVALID_INPUT',
  };
}
