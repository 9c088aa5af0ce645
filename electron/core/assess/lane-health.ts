/** The health of one service in one region as the scan sees it. */
export interface LaneHealthState {
  status: 'healthy' | 'degraded' | 'down';
  /** Failed calls in a row (connection refused, timeout, 5xx). */
  consecutiveFailures: number;
  reason: string | null;
}

/** What one call told about a lane. */
export type LaneObservation =
  | { kind: 'success'; slow: boolean; elapsedMs: number }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'other-error' };

/** A lane that has not answered yet. */
export const initialLaneHealth: LaneHealthState = { status: 'healthy', consecutiveFailures: 0, reason: null };

/**
 * The next health of a lane after one call (pure). One unreachable or slow call makes it
 * `degraded` (later calls get the short timeout); `downAfter` unreachable calls in a row make it
 * `down` (later calls are not sent). A success after that brings it back to `degraded`. Errors
 * that say nothing about reachability (access denied, not found) change nothing.
 */
export function nextLaneHealth(
  state: LaneHealthState,
  observation: LaneObservation,
  downAfter = 2,
): LaneHealthState {
  switch (observation.kind) {
    case 'success':
      if (state.status === 'healthy' && !observation.slow) return state;
      if (state.status === 'healthy') {
        return {
          status: 'degraded',
          consecutiveFailures: 0,
          reason: `answers slowly (${Math.round(observation.elapsedMs)} ms for one call)`,
        };
      }
      return { status: 'degraded', consecutiveFailures: 0, reason: state.reason };
    case 'unreachable': {
      const failures = state.consecutiveFailures + 1;
      return {
        status: failures >= downAfter ? 'down' : 'degraded',
        consecutiveFailures: failures,
        reason: observation.reason,
      };
    }
    case 'other-error':
      return state;
  }
}
