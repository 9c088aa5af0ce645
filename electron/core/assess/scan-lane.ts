/**
 * A lane of the scan: the calls to one service in one region, with their adaptive concurrency
 * bound, queue, counters and health. The lane bookkeeping of the {@link ScanScheduler}.
 */
import type { AssessServiceName, LaneHealth, LaneProgress } from '../api/calls/assess';
import { AdaptiveLimit } from './adaptive-limit';
import { initialLaneHealth, type LaneHealthState } from './lane-health';
import { ScanCallError } from './scan-call-error';

/** One service in one region: its concurrency bound and queue, its counters, and its health. */
export interface ScanLane {
  service: AssessServiceName;
  region: string;
  limit: AdaptiveLimit;
  /** Calls holding a slot now. */
  active: number;
  /** Calls waiting for a slot, in order. */
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

/** A lane's progress and health at one moment. */
export interface LaneSnapshot {
  progress: LaneProgress;
  health: LaneHealth;
  concurrency: number;
}

/** A new, healthy lane with nothing sent yet. */
export function newLane(
  service: AssessServiceName,
  region: string,
  concurrency: { initial: number; max: number },
): ScanLane {
  return {
    service,
    region,
    limit: new AdaptiveLimit(concurrency),
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
}

/** The lane's progress and health as the UI shows them. */
export function laneSnapshot(lane: ScanLane): LaneSnapshot {
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

/** Calls sent, failed (not counting those never sent), throttled and skipped, over lanes. */
export function laneTotals(lanes: Iterable<ScanLane>): {
  total: number;
  failed: number;
  throttled: number;
  skipped: number;
} {
  let total = 0;
  let failed = 0;
  let throttled = 0;
  let skipped = 0;
  for (const lane of lanes) {
    total += lane.calls;
    failed += lane.failed - lane.skipped;
    throttled += lane.throttled;
    skipped += lane.skipped;
  }
  return { total, failed, throttled, skipped };
}

/** Take a slot of the lane, waiting in turn while its bound is reached. */
export async function acquireSlot(lane: ScanLane): Promise<void> {
  if (lane.active < lane.limit.limit) {
    lane.active += 1;
    return;
  }
  // The releasing call counts this one as active before waking it.
  await new Promise<void>((resolve) => lane.waiting.push(resolve));
}

/** Give a slot back and wake as many waiting calls as the bound now allows. */
export function releaseSlot(lane: ScanLane): void {
  lane.active -= 1;
  while (lane.waiting.length > 0 && lane.active < lane.limit.limit) {
    const next = lane.waiting.shift();
    if (!next) break;
    lane.active += 1;
    next();
  }
}

/** The error of a call not sent because the scan was cancelled. */
export function cancelledCallError(lane: ScanLane, operation: string): ScanCallError {
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

/** The error of a call not sent because its lane is down (counted as skipped on the lane). */
export function notAskedCallError(lane: ScanLane, operation: string): ScanCallError {
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
