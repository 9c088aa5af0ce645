import { describeAwsError } from '../../aws/describe-aws-error';
import type { PlanAction, RecoverService, WaitKind } from '../types';
import { TargetFailedError } from './action-failure';
import { nextInterval, sleep } from './backoff';
import { journalReady } from './call-journal';
import type { ExecutorContext } from './executor-context';
import { probe } from './probes';

/** The service each wait polls (its requests count against that endpoint's bound). */
const WAIT_SERVICE: Readonly<Record<WaitKind, RecoverService>> = {
  'db-instance-available': 'rds',
  'db-snapshot-available': 'rds',
  'image-available': 'ec2',
  'snapshot-completed': 'ec2',
  'volume-available': 'ec2',
  'volume-in-use': 'ec2',
  'instance-status-ok': 'ec2',
  'table-active': 'dynamodb',
};

/**
 * Poll an action's target with back-off until it is ready (journaling the poll that saw it
 * ready); the status and progress are journaled when they change. Resolves with the output, or
 * null when the executor was detached. Throws when the target failed or the wait timed out.
 */
export async function waitReady(
  ctx: ExecutorContext,
  action: PlanAction,
  initial: Record<string, string>,
): Promise<Record<string, string> | null> {
  const wait = action.wait!;
  const region = ctx.plan.regions.secondary;
  let output = { ...initial };
  let interval = ctx.poll.initialMs;
  let lastStatus = '';
  let lastProgress: number | null = null;
  const started = Date.now();
  for (;;) {
    if (!(await sleep(interval, ctx.signal))) return null;
    let result;
    try {
      result = await ctx.limits.run(WAIT_SERVICE[wait.kind], region, () =>
        probe(wait.kind, ctx.clients, region, output, action),
      );
    } catch (error) {
      const d = describeAwsError(error, {
        service: action.calls[0]?.service ?? '',
        operation: 'poll',
        region,
      });
      if (d.detail?.retryable === true) {
        interval = nextInterval(ctx.poll, interval, false);
        continue;
      }
      throw error;
    }
    output = { ...output, ...(result.output ?? {}) };
    if (result.failed) throw new TargetFailedError(result.failed);
    if (result.done) {
      if (result.call) await journalReady(ctx, action, output, result.call);
      return output;
    }
    const changed =
      result.status !== lastStatus ||
      (result.progress !== null && Math.abs(result.progress - (lastProgress ?? 0)) >= 10);
    if (changed) {
      lastStatus = result.status;
      lastProgress = result.progress;
      await ctx.setState(action.id, 'waiting', {
        status: result.status,
        ...(result.progress !== null ? { progress: result.progress } : {}),
      });
    }
    interval = nextInterval(ctx.poll, interval, changed);
    if (Date.now() - started > ctx.poll.timeoutMs) {
      throw new TargetFailedError(
        `Still ${result.status} after ${Math.round(ctx.poll.timeoutMs / 60_000)} minutes; the target keeps being created in AWS. Retry to keep watching.`,
      );
    }
  }
}
