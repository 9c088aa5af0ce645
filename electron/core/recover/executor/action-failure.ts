import { describeAwsError } from '../../aws/describe-aws-error';
import { actionFailure } from '../failure';
import type { ActionFailure, PlanAction, PlanChain } from '../types';
import { MissingOutputError, TargetConflictError } from './runner-context';

/**
 * After an explicit retry (attempt n > 0) a ClientToken gets an `-r<n>` suffix, so AWS does not
 * answer with the failed earlier result, and an AMI copy gets a new name (names are unique).
 */
export function retryParams(
  params: Record<string, unknown>,
  operation: string,
  attempt: number,
): Record<string, unknown> {
  if (attempt === 0) return params;
  const out = { ...params };
  if (typeof out.ClientToken === 'string') out.ClientToken = `${out.ClientToken}-r${attempt}`;
  if (operation === 'CopyImage' && typeof out.Name === 'string') out.Name = `${out.Name}-r${attempt}`;
  return out;
}

/** The target reached a failed state, or the wait gave up. */
export class TargetFailedError extends Error {
  override readonly name = 'TargetFailedError';
}

/** An action's failure value: what AWS said, the hint, the likely fix, and whether a retry may help. */
export function failureOf(
  error: unknown,
  action: PlanAction,
  chain: PlanChain,
  region: string,
): ActionFailure {
  if (error instanceof TargetConflictError)
    return actionFailure(error.message, { hint: 'conflict', retryable: false });
  if (error instanceof TargetFailedError) return actionFailure(error.message, { hint: 'target-failed' });
  if (error instanceof MissingOutputError)
    return actionFailure(`${action.title}: ${error.message}`, { hint: 'other' });
  const first = action.calls[0];
  const d = describeAwsError(error, {
    service: first?.service ?? '',
    operation: first?.operation ?? '',
    resource: chain.targetName,
    region,
  });
  const detail = d.detail ?? {};
  return actionFailure(d.message, {
    awsCode: typeof detail.awsCode === 'string' ? detail.awsCode : null,
    requestId: typeof detail.requestId === 'string' ? detail.requestId : null,
    hint:
      typeof detail.hint === 'string'
        ? detail.hint
        : d.code === 'OPERATION_NOT_ALLOWED'
          ? 'access-denied'
          : null,
    retryable: detail.retryable !== false,
  });
}
