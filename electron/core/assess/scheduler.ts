import type { AssessServiceName } from '../api/calls/assess';
import { describeAwsError } from '../aws/describe-aws-error';
import { abortableSleep } from './abortable-sleep';
import { nextLaneHealth } from './lane-health';
import { ScanCallError } from './scan-call-error';
import {
  acquireSlot,
  cancelledCallError,
  laneSnapshot,
  laneTotals,
  newLane,
  notAskedCallError,
  releaseSlot,
  type LaneSnapshot,
  type ScanLane,
} from './scan-lane';
import { stableKey } from './stable-key';

/** Settings of a {@link ScanScheduler}. */
export interface SchedulerOptions {
  /** Cancels every queued and running call. */
  signal?: AbortSignal;
  /** Concurrent calls per service and region at the start (default 8). */
  initialConcurrency?: number;
  /** Upper bound per service and region (default 64). */
  maxConcurrency?: number;
  /** Per-call timeout while a region answers normally (default 5,000 ms). */
  callTimeoutMs?: number;
  /** Per-call timeout once a region is degraded (default 1,500 ms). */
  degradedTimeoutMs?: number;
  /** A successful call slower than this marks its lane degraded (default 3,000 ms). */
  slowCallMs?: number;
  /** Unreachable calls in a row after which a lane is down and no longer called (default 2). */
  downAfter?: number;
  /** Retries of a throttled call after the SDK's own (default 6). */
  maxThrottleRetries?: number;
  /** Base of the exponential back-off after throttling, in ms (default 100). */
  backoffBaseMs?: number;
  /** Called whenever a lane's progress or health changes. */
  onLaneChange?: (lane: LaneSnapshot) => void;
  /** Clock for elapsed times (default `performance.now`). */
  now?: () => number;
}

/** What a caller gets to send one call: the abort signal to pass to the SDK, and whether the region is degraded. */
export interface CallSlot {
  signal: AbortSignal;
  /** True when the call should go through the fast-fail clients. */
  degraded: boolean;
}

/** Read through a function so TypeScript does not keep a narrowing across an await. */
function isDown(lane: ScanLane): boolean {
  return lane.health.status === 'down';
}

function attemptsOf(value: unknown): number {
  if (!value || typeof value !== 'object') return 1;
  const metadata = (value as { $metadata?: { attempts?: unknown } }).$metadata;
  return typeof metadata?.attempts === 'number' ? metadata.attempts : 1;
}

/**
 * Runs the scan's AWS calls: a bounded, adaptive concurrency per service and region, every call
 * made at most once (memoised by service, region, operation and input), throttled calls retried
 * with back-off while the bound halves, a short timeout for every call to a region that has
 * failed or answered slowly, and no calls at all to a lane that is down. Cancellable.
 */
export class ScanScheduler {
  private readonly lanes = new Map<string, ScanLane>();
  private readonly memo = new Map<string, Promise<unknown>>();
  private readonly degradedRegions = new Map<string, string>();
  private readonly opts: Required<Omit<SchedulerOptions, 'signal' | 'onLaneChange'>> &
    Pick<SchedulerOptions, 'signal' | 'onLaneChange'>;

  constructor(options: SchedulerOptions = {}) {
    this.opts = {
      initialConcurrency: options.initialConcurrency ?? 8,
      maxConcurrency: options.maxConcurrency ?? 64,
      callTimeoutMs: options.callTimeoutMs ?? 5_000,
      degradedTimeoutMs: options.degradedTimeoutMs ?? 1_500,
      slowCallMs: options.slowCallMs ?? 3_000,
      downAfter: options.downAfter ?? 2,
      maxThrottleRetries: options.maxThrottleRetries ?? 6,
      backoffBaseMs: options.backoffBaseMs ?? 100,
      now: options.now ?? (() => performance.now()),
      signal: options.signal,
      onLaneChange: options.onLaneChange,
    };
  }

  /**
   * Run one call (or join the identical call already made). `send` receives the abort signal to
   * hand to the SDK and whether to use the fast-fail clients; it may be invoked again after a
   * throttling error. Rejects with a {@link ScanCallError}.
   */
  call<T>(
    service: AssessServiceName,
    region: string,
    operation: string,
    input: unknown,
    send: (slot: CallSlot) => Promise<T>,
  ): Promise<T> {
    const key = `${service}/${region}/${operation}/${stableKey(input)}`;
    const existing = this.memo.get(key);
    if (existing) return existing as Promise<T>;
    const lane = this.lane(service, region);
    lane.total += 1;
    this.changed(lane);
    const promise = this.run(lane, operation, send).then(
      (value) => {
        lane.done += 1;
        this.changed(lane);
        return value;
      },
      (error: unknown) => {
        lane.done += 1;
        // "No such configuration" is an answer (no tags, no lifecycle), not a failure.
        if (!(error instanceof ScanCallError && error.hint === 'not-found')) lane.failed += 1;
        this.changed(lane);
        throw error;
      },
    );
    this.memo.set(key, promise);
    return promise;
  }

  /** True when a region has failed or answered slowly during this scan. */
  isDegraded(region: string): boolean {
    return this.degradedRegions.has(region);
  }

  /** Every lane's progress and health. */
  snapshots(): LaneSnapshot[] {
    return [...this.lanes.values()].map((lane) => laneSnapshot(lane));
  }

  /** Calls sent, failed, throttled and skipped, over every lane. */
  totals(): { total: number; failed: number; throttled: number; skipped: number } {
    return laneTotals(this.lanes.values());
  }

  /** Make sure a lane exists (so it shows in progress and health even before its first call). */
  lane(service: AssessServiceName, region: string): ScanLane {
    const key = `${service}/${region}`;
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = newLane(service, region, {
        initial: this.opts.initialConcurrency,
        max: this.opts.maxConcurrency,
      });
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private changed(lane: ScanLane): void {
    this.opts.onLaneChange?.(laneSnapshot(lane));
  }

  private async run<T>(lane: ScanLane, operation: string, send: (slot: CallSlot) => Promise<T>): Promise<T> {
    const scanSignal = this.opts.signal;
    for (let attempt = 0; ; attempt += 1) {
      if (scanSignal?.aborted) throw cancelledCallError(lane, operation);
      if (lane.health.status === 'down') throw notAskedCallError(lane, operation);
      await acquireSlot(lane);
      if (scanSignal?.aborted) {
        releaseSlot(lane);
        throw cancelledCallError(lane, operation);
      }
      if (isDown(lane)) {
        releaseSlot(lane);
        throw notAskedCallError(lane, operation);
      }
      const degraded = this.degradedRegions.has(lane.region) || lane.health.status !== 'healthy';
      const timeoutMs = degraded ? this.opts.degradedTimeoutMs : this.opts.callTimeoutMs;
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      const onScanAbort = (): void => controller.abort();
      scanSignal?.addEventListener('abort', onScanAbort, { once: true });
      const started = this.opts.now();
      lane.calls += 1;
      let released = false;
      const releaseOnce = (): void => {
        if (released) return;
        released = true;
        releaseSlot(lane);
      };
      try {
        const value = await send({ signal: controller.signal, degraded });
        const elapsed = this.opts.now() - started;
        lane.lastSuccessAt = this.opts.now();
        if (attemptsOf(value) > 1) {
          lane.throttled += 1;
          lane.limit.onThrottle();
        } else {
          lane.limit.onSuccess();
        }
        this.observe(lane, { kind: 'success', slow: elapsed > this.opts.slowCallMs, elapsedMs: elapsed });
        return value;
      } catch (error) {
        if (scanSignal?.aborted) throw cancelledCallError(lane, operation);
        // A lane that answered other calls while this one waited is not down: the wait was the
        // SDK pacing its retries (adaptive mode) or a slow answer, so retry it like throttling.
        const pacedTimeout = timedOut && lane.lastSuccessAt > started;
        if (pacedTimeout && attempt < this.opts.maxThrottleRetries) {
          lane.throttled += 1;
          lane.limit.onThrottle();
          releaseOnce();
          clearTimeout(timer);
          scanSignal?.removeEventListener('abort', onScanAbort);
          try {
            await abortableSleep(this.opts.backoffBaseMs * 2 ** attempt, scanSignal);
          } catch {
            throw cancelledCallError(lane, operation);
          }
          continue;
        }
        if (timedOut) {
          const reason = `no answer to ${operation} within ${timeoutMs} ms`;
          this.observe(lane, { kind: 'unreachable', reason });
          throw new ScanCallError({
            service: lane.service,
            region: lane.region,
            operation,
            hint: 'unavailable',
            awsCode: `no answer within ${timeoutMs} ms`,
            message: `${lane.service} ${operation} in ${lane.region}: ${reason}`,
            skipped: false,
          });
        }
        const described = describeAwsError(error, { service: lane.service, operation, region: lane.region });
        const detail = described.detail ?? {};
        const hint = typeof detail.hint === 'string' ? detail.hint : 'other';
        const awsCode = typeof detail.awsCode === 'string' ? detail.awsCode : 'Unknown';
        if (hint === 'throttled' && attempt < this.opts.maxThrottleRetries) {
          lane.throttled += 1;
          lane.limit.onThrottle();
          releaseOnce();
          clearTimeout(timer);
          scanSignal?.removeEventListener('abort', onScanAbort);
          const backoff = this.opts.backoffBaseMs * 2 ** attempt;
          try {
            await abortableSleep(backoff / 2 + Math.random() * (backoff / 2), scanSignal);
          } catch {
            throw cancelledCallError(lane, operation);
          }
          continue;
        }
        if (hint === 'unavailable') {
          this.observe(lane, { kind: 'unreachable', reason: `${awsCode} on ${operation}` });
        } else {
          this.observe(lane, { kind: 'other-error' });
        }
        throw new ScanCallError({
          service: lane.service,
          region: lane.region,
          operation,
          hint,
          awsCode,
          message: described.message,
          skipped: false,
        });
      } finally {
        clearTimeout(timer);
        scanSignal?.removeEventListener('abort', onScanAbort);
        releaseOnce();
      }
    }
  }

  private observe(lane: ScanLane, observation: Parameters<typeof nextLaneHealth>[1]): void {
    const before = lane.health.status;
    lane.health = nextLaneHealth(lane.health, observation, this.opts.downAfter);
    if (lane.health.status !== 'healthy' && !this.degradedRegions.has(lane.region)) {
      this.degradedRegions.set(lane.region, lane.health.reason ?? 'degraded');
    }
    if (before !== lane.health.status) this.changed(lane);
  }
}
