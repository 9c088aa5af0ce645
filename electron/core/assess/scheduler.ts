import type { AssessServiceName, LaneHealth, LaneProgress } from '../api/calls/assess';
import { describeAwsError } from '../aws/describe-aws-error';
import { AdaptiveLimit } from './adaptive-limit';
import { initialLaneHealth, nextLaneHealth, type LaneHealthState } from './lane-health';
import { ScanCallError } from './scan-call-error';

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

/** A lane's progress and health at one moment. */
export interface LaneSnapshot {
  progress: LaneProgress;
  health: LaneHealth;
  concurrency: number;
}

interface Lane {
  service: AssessServiceName;
  region: string;
  limit: AdaptiveLimit;
  active: number;
  waiting: Array<() => void>;
  health: LaneHealthState;
  done: number;
  total: number;
  failed: number;
  calls: number;
  skipped: number;
  throttled: number;
  /** When a call of this lane last succeeded (the scheduler's clock), or -Infinity. */
  lastSuccessAt: number;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('cancelled'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error('cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Read through a function so TypeScript does not keep a narrowing across an await. */
function isDown(lane: Lane): boolean {
  return lane.health.status === 'down';
}

function attemptsOf(value: unknown): number {
  if (!value || typeof value !== 'object') return 1;
  const metadata = (value as { $metadata?: { attempts?: unknown } }).$metadata;
  return typeof metadata?.attempts === 'number' ? metadata.attempts : 1;
}

/** A stable JSON text of a call's input (keys sorted), for the memo key. */
export function stableKey(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableKey(record[k])}`).join(',')}}`;
}

/**
 * Runs the scan's AWS calls: a bounded, adaptive concurrency per service and region, every call
 * made at most once (memoised by service, region, operation and input), throttled calls retried
 * with back-off while the bound halves, a short timeout for every call to a region that has
 * failed or answered slowly, and no calls at all to a lane that is down. Cancellable.
 */
export class ScanScheduler {
  private readonly lanes = new Map<string, Lane>();
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
    return [...this.lanes.values()].map((lane) => this.snapshot(lane));
  }

  /** Calls sent, failed, throttled and skipped, over every lane. */
  totals(): { total: number; failed: number; throttled: number; skipped: number } {
    let total = 0;
    let failed = 0;
    let throttled = 0;
    let skipped = 0;
    for (const lane of this.lanes.values()) {
      total += lane.calls;
      failed += lane.failed - lane.skipped;
      throttled += lane.throttled;
      skipped += lane.skipped;
    }
    return { total, failed, throttled, skipped };
  }

  /** Make sure a lane exists (so it shows in progress and health even before its first call). */
  lane(service: AssessServiceName, region: string): Lane {
    const key = `${service}/${region}`;
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = {
        service,
        region,
        limit: new AdaptiveLimit({ initial: this.opts.initialConcurrency, max: this.opts.maxConcurrency }),
        active: 0,
        waiting: [],
        health: initialLaneHealth,
        done: 0,
        total: 0,
        failed: 0,
        calls: 0,
        skipped: 0,
        throttled: 0,
        lastSuccessAt: Number.NEGATIVE_INFINITY,
      };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private snapshot(lane: Lane): LaneSnapshot {
    return {
      progress: {
        service: lane.service,
        region: lane.region,
        done: lane.done,
        total: lane.total,
        failed: lane.failed,
      },
      health: {
        service: lane.service,
        region: lane.region,
        status: lane.health.status,
        calls: lane.calls,
        failures: lane.failed,
        skipped: lane.skipped,
        throttled: lane.throttled,
        reason: lane.health.reason,
      },
      concurrency: lane.limit.limit,
    };
  }

  private changed(lane: Lane): void {
    this.opts.onLaneChange?.(this.snapshot(lane));
  }

  private cancelledError(lane: Lane, operation: string): ScanCallError {
    return new ScanCallError({
      service: lane.service,
      region: lane.region,
      operation,
      hint: 'cancelled',
      awsCode: 'Cancelled',
      message: 'The scan was cancelled.',
      skipped: true,
    });
  }

  private skippedError(lane: Lane, operation: string): ScanCallError {
    lane.skipped += 1;
    return new ScanCallError({
      service: lane.service,
      region: lane.region,
      operation,
      hint: 'unavailable',
      awsCode: 'NotAttempted',
      message: `not asked: ${lane.service} in ${lane.region} does not answer (${lane.health.reason ?? 'unreachable'})`,
      skipped: true,
    });
  }

  private async acquire(lane: Lane): Promise<void> {
    if (lane.active < lane.limit.limit) {
      lane.active += 1;
      return;
    }
    // The releasing call counts this one as active before waking it.
    await new Promise<void>((resolve) => lane.waiting.push(resolve));
  }

  private release(lane: Lane): void {
    lane.active -= 1;
    while (lane.waiting.length > 0 && lane.active < lane.limit.limit) {
      const next = lane.waiting.shift();
      if (!next) break;
      lane.active += 1;
      next();
    }
  }

  private async run<T>(lane: Lane, operation: string, send: (slot: CallSlot) => Promise<T>): Promise<T> {
    const scanSignal = this.opts.signal;
    for (let attempt = 0; ; attempt += 1) {
      if (scanSignal?.aborted) throw this.cancelledError(lane, operation);
      if (lane.health.status === 'down') throw this.skippedError(lane, operation);
      await this.acquire(lane);
      if (scanSignal?.aborted) {
        this.release(lane);
        throw this.cancelledError(lane, operation);
      }
      if (isDown(lane)) {
        this.release(lane);
        throw this.skippedError(lane, operation);
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
        this.release(lane);
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
        if (scanSignal?.aborted) throw this.cancelledError(lane, operation);
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
            await sleep(this.opts.backoffBaseMs * 2 ** attempt, scanSignal);
          } catch {
            throw this.cancelledError(lane, operation);
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
            await sleep(backoff / 2 + Math.random() * (backoff / 2), scanSignal);
          } catch {
            throw this.cancelledError(lane, operation);
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

  private observe(lane: Lane, observation: Parameters<typeof nextLaneHealth>[1]): void {
    const before = lane.health.status;
    lane.health = nextLaneHealth(lane.health, observation, this.opts.downAfter);
    if (lane.health.status !== 'healthy' && !this.degradedRegions.has(lane.region)) {
      this.degradedRegions.set(lane.region, lane.health.reason ?? 'degraded');
    }
    if (before !== lane.health.status) this.changed(lane);
  }
}
