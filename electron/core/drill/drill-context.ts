import type { AwsClients } from '../aws/clients';
import type { DrillResource, DrillServiceName } from '../api/calls/drill';
import { nextInterval, sleep, type PollTiming } from '../recover/executor/backoff';

/** What every service's drill test needs. */
export interface DrillContext {
  /** The drill id: the `dr-war-room:incident` tag of everything it creates. */
  id: string;
  /** Guarded clients that may only read and create (a test never deletes). */
  clients: AwsClients;
  /** Guarded clients that may only read and delete what a drill created (`cleanup-own`). */
  cleanupClients: AwsClients;
  regions: { primary: string; secondary: string };
  /** The AWS-side clock (the simulated account's in tabletop): restore durations and backup ages. */
  now(): Date;
  poll: PollTiming;
  signal?: AbortSignal;
  /** Who created it, for the `dr-war-room:created-by` tag. */
  createdBy: string;
  /** The DB subnet group for test restores (an isolated one), when chosen. */
  rdsSubnetGroup?: string;
  /** Why endpoint reachability checks are skipped, or null to run them. */
  networkSkip: string | null;
  /** Report progress of one service. */
  progress(service: DrillServiceName, phase: string, message: string): void;
  /** Register a resource as soon as AWS names it, so clean-up finds it whatever happens next. */
  created(resource: DrillResource): void;
}

/** The answer of one poll: done (with a value), or the state to show while waiting. */
export type PollAnswer<T> = { done: true; value: T } | { done: false; state: string };

/**
 * Poll until `probe` says done (re-polling sooner when the state changes), or throw when the
 * drill is aborted or the wait outlives `poll.timeoutMs` (measured on the real clock).
 */
export async function waitFor<T>(
  ctx: Pick<DrillContext, 'poll' | 'signal'>,
  what: string,
  probe: () => Promise<PollAnswer<T>>,
  onState: (state: string) => void = () => undefined,
): Promise<T> {
  const started = Date.now();
  let interval = ctx.poll.initialMs;
  let last: string | null = null;
  for (;;) {
    const answer = await probe();
    if (answer.done) return answer.value;
    const changed = answer.state !== last;
    if (changed) onState(answer.state);
    last = answer.state;
    if (Date.now() - started > ctx.poll.timeoutMs) {
      throw new Error(
        `Gave up waiting for ${what} after ${Math.round(ctx.poll.timeoutMs / 60_000)} min (last state: ${answer.state}).`,
      );
    }
    interval = nextInterval(ctx.poll, interval, changed);
    if (!(await sleep(interval, ctx.signal)))
      throw new Error(`The drill was stopped while waiting for ${what}.`);
  }
}

/** Minutes (one decimal) between two times, never negative. */
export function minutesSince(from: Date | string, to: Date): number {
  const a = typeof from === 'string' ? Date.parse(from) : from.getTime();
  return Math.max(0, Math.round((to.getTime() - a) / 6_000) / 10);
}
