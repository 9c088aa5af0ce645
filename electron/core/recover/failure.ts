import type { ActionFailure } from './types';

/** The likely fix for each error hint (shown beside what AWS said, with the retry button). */
const FIXES: Record<string, string> = {
  'restore-window':
    'Pick a restore time inside the restorable window (or the latest restorable time), rebuild the plan, and run it.',
  'name-taken':
    'Set another target name (targetName) for this resource, or remove the existing resource in the AWS console if it is a leftover, then retry.',
  'pitr-off': 'Choose the on-demand backup strategy for this table in the plan builder.',
  quota: 'The action waits for a quota slot; ask AWS Support for a higher quota if the queue is long.',
  'kms-key':
    'Set an enabled KMS key of the secondary region (kmsKeyId) in recovery-mapping.yaml, then retry.',
  'not-archived': 'The object is not archived: use version rollback (CopyObject) instead of RestoreObject.',
  capacity:
    'Choose another Availability Zone (subnet) or instance class in recovery-mapping.yaml, then retry.',
  throttled: 'AWS is throttling: retry in a minute.',
  'session-expired': 'Log in again; the work resumes after the login.',
  'access-denied': 'Ask the AWS administrator to grant the permissions in build/iam-policy.json, then retry.',
  'not-found':
    'Check the source still exists (run the assessment again) and the target settings, then retry.',
  unavailable:
    'The service does not answer; retry when the region recovers, or choose a strategy that does not need it.',
  credentials: 'Log in (or fix the profile), then retry.',
  conflict:
    'A resource of the target name exists and this incident did not create it: set another targetName and rebuild the plan.',
  'target-failed': 'Look at the target in the AWS console (events, logs); retry to try again.',
  other: 'Read what AWS said; fix the cause and retry.',
};

/** The fix sentence for an error hint. */
export function fixForHint(hint: string | null): string {
  return FIXES[hint ?? 'other'] ?? FIXES.other!;
}

/** Build an action failure value. */
export function actionFailure(
  message: string,
  fields: Partial<Omit<ActionFailure, 'message'>> = {},
): ActionFailure {
  const hint = fields.hint ?? null;
  return {
    message,
    awsCode: fields.awsCode ?? null,
    requestId: fields.requestId ?? null,
    hint,
    fix: fields.fix ?? fixForHint(hint),
    retryable: fields.retryable ?? true,
  };
}
