import type { SimClock } from './types';

/** The smallest and largest exercise speed. */
export const MIN_SPEED = 1;
/** The largest exercise speed (600x: ten simulated minutes per real second). */
export const MAX_SPEED = 600;

/** A clock's saved form: the simulated time at the moment of saving, and its speed. */
export interface ClockState {
  /** ISO 8601 UTC. */
  now: string;
  speed: number;
}

/** A {@link SimClock} that can be saved. */
export interface SavableClock extends SimClock {
  save(): ClockState;
}

/** Options for {@link createClock}. */
export interface ClockOptions {
  /** Simulated time at creation (default: the real time). */
  start?: Date;
  /** Speed factor, 1 to 600 (default 1). */
  speed?: number;
  /** The real time source in ms (tests inject one). */
  realNow?: () => number;
}

function checkSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) {
    throw new Error(`Clock speed must be between ${MIN_SPEED} and ${MAX_SPEED}, got ${String(speed)}`);
  }
  return speed;
}

/**
 * The simulated clock: simulated now = start + real elapsed × speed. Changing the speed
 * re-anchors, so time never jumps backwards; `advance(ms)` jumps forward.
 */
export function createClock(options: ClockOptions = {}): SavableClock {
  const realNow = options.realNow ?? Date.now;
  let speed = checkSpeed(options.speed ?? 1);
  let anchorSim = (options.start ?? new Date(realNow())).getTime();
  if (!Number.isFinite(anchorSim)) throw new Error('Clock start is not a valid date');
  let anchorReal = realNow();
  const nowMs = (): number => anchorSim + (realNow() - anchorReal) * speed;
  return {
    now: () => new Date(Math.floor(nowMs())),
    speed: () => speed,
    setSpeed(next: number): void {
      checkSpeed(next);
      anchorSim = nowMs();
      anchorReal = realNow();
      speed = next;
    },
    advance(ms: number): void {
      if (!Number.isFinite(ms) || ms < 0)
        throw new Error(`clock.advance needs a non-negative number of ms, got ${ms}`);
      anchorSim += ms;
    },
    save: () => ({ now: new Date(Math.floor(nowMs())).toISOString(), speed }),
  };
}

/** Recreate a clock from its saved state: it continues from the saved simulated time. */
export function restoreClock(state: ClockState, realNow?: () => number): SavableClock {
  const start = new Date(state.now);
  if (Number.isNaN(start.getTime())) throw new Error(`Saved clock time is not a valid date: ${state.now}`);
  return createClock({ start, speed: state.speed, ...(realNow ? { realNow } : {}) });
}
