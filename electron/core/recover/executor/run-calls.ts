import { isAppError } from '../../api/errors';
import { describeAwsError } from '../../aws/describe-aws-error';
import type { PlanAction, PlanChain } from '../types';
import { retryParams } from './action-failure';
import { nextInterval, sleep } from './backoff';
import { journaledCall } from './call-journal';
import type { ExecutorContext } from './executor-context';
import { resolveParams, type ResolvedCall, type RunnerContext } from './runner-context';
import { RUNNERS } from './runners/index';

/** The status an action shows while it waits to try again, by the error's hint. */
function waitingStatus(hint: unknown): string {
  if (hint === 'quota') return 'AWS quota reached: queued, retrying';
  if (hint === 'throttled') return 'throttled: retrying with back-off';
  return 'AWS did not answer: retrying with back-off';
}

/**
 * Run an action's routine (its calls, journaled before and after each) and return its output.
 * Quotas and throttling queue and retry with back-off (never fail on the first), a 5xx gets a
 * few tries; anything else fails the action. A try after the first adopts what an earlier try
 * may have created.
 */
export async function runCalls(
  ctx: ExecutorContext,
  action: PlanAction,
  chain: PlanChain,
  resuming: boolean,
  attempt: number,
): Promise<Record<string, string>> {
  const region = ctx.plan.regions.secondary;
  const outputOf = (id: string) => ctx.run().actions[id]?.output;
  const calls: ResolvedCall[] = action.calls.map((c) => ({
    ...c,
    params: retryParams(resolveParams(c.params, outputOf) as Record<string, unknown>, c.operation, attempt),
  }));
  let counter = 0;
  let delay = ctx.poll.initialMs;
  for (let tries = 0; ; tries += 1) {
    const runner: RunnerContext = {
      clients: ctx.clients,
      incidentId: ctx.incidentId,
      planId: ctx.plan.id,
      chain,
      action,
      calls,
      output: ctx.run().actions[action.id]?.output ?? {},
      resuming: resuming || tries > 0,
      attempt,
      send: (call, targetId) =>
        journaledCall(ctx, {
          action,
          attempt,
          n: (counter += 1),
          service: call.service,
          region: call.region || region,
          operation: call.operation,
          params: call.params,
          targetId,
        }),
      lookup: (service, operation, params, targetId, lookupRegion) =>
        journaledCall(ctx, {
          action,
          attempt,
          n: (counter += 1),
          service,
          region: lookupRegion || region,
          operation,
          params,
          targetId,
        }),
    };
    try {
      return await RUNNERS[action.kind](runner);
    } catch (error) {
      const described = isAppError(error)
        ? error
        : describeAwsError(error, {
            service: action.calls[0]?.service ?? '',
            operation: action.calls[0]?.operation ?? '',
          });
      const hint = described.detail?.hint;
      const limit = ctx.maxBackoffRetries;
      const again =
        ((hint === 'quota' || hint === 'throttled') && tries < limit) ||
        (hint === 'unavailable' && tries < Math.min(5, limit));
      if (!again || ctx.signal.aborted) throw error;
      await ctx.setState(action.id, 'queued', { status: waitingStatus(hint), attempt });
      await sleep(delay, ctx.signal);
      delay = nextInterval(ctx.poll, delay, false);
      await ctx.setState(action.id, 'running', { attempt });
    }
  }
}
