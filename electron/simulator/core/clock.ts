import type { SimClock } from './types';

/** The smallest and largest exercise speed. */
export const MIN_SPEED = 1;
/** The largest exercise speed (600x: ten simulated minutes per real second). */
export const MAX_SPEED = 600;

/**
 * A clock's saved form: the simulated time at the moment of saving, its speed, and the real
 * (wall-clock) time of that moment, so a resumed clock can catch up the time it was down.
 */
export interface ClockState {
  /** Simulated time, ISO 8601 UTC. */
  now: string;
  speed: number;
  /** Real time of the save, ISO 8601 UTC (absent in files saved before it was recorded). */
  wallTime?: string;
}

/** A {@link SimClock} that can be saved, and tells when it was moved by hand. */
export interface SavableClock extends SimClock {
  save(): ClockState;
  /**
   * Listen to speed changes and forward jumps (`setSpeed`, `advance`): the moments its saved
   * form stops describing it. Returns the unsubscribe function.
   */
  onChange(listener: () => void): () => void;
}

/** Options for {@link createClock}. */
export interface ClockOptions {
  /** Simulated time at creation (default: the real time). */
  start?: Date;
  /** Speed factor, 1 to 600 (default 1). */
  speed?: number;
  /** The real time source in ms (tests inject one). */
  realNow?: () => number;
  /** The real time (ms) at which the simulated time was `start` (default: the moment of creation). */
  startReal?: number;
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
  let anchorReal = options.startReal ?? realNow();
  let anchorSim = (options.start ?? new Date(anchorReal)).getTime();
  if (!Number.isFinite(anchorSim)) throw new Error('Clock start is not a valid date');
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const listener of listeners) listener();
  };
  const simAt = (real: number): number => anchorSim + (real - anchorReal) * speed;
  return {
    now: () => new Date(Math.floor(simAt(realNow()))),
    speed: () => speed,
    setSpeed(next: number): void {
      checkSpeed(next);
      const real = realNow();
      anchorSim = simAt(real);
      anchorReal = real;
      speed = next;
      changed();
    },
    advance(ms: number): void {
      if (!Number.isFinite(ms) || ms < 0)
        throw new Error(`clock.advance needs a non-negative number of ms, got ${ms}`);
      anchorSim += ms;
      changed();
    },
    save: () => {
      const real = realNow();
      return {
        now: new Date(Math.floor(simAt(real))).toISOString(),
        speed,
        wallTime: new Date(Math.floor(real)).toISOString(),
      };
    },
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The simulated time a saved clock has reached by real time `realNowMs`: the saved simulated time
 * plus the real time since the save × the saved speed, as a real account kept running while the
 * simulator was down. Never earlier than the saved time (a wall clock set back counts as no time
 * passed); a state without `wallTime` (older files) resumes at the saved time.
 */
export function caughtUpTime(state: ClockState, realNowMs: number): Date {
  const saved = new Date(state.now);
  if (Number.isNaN(saved.getTime())) throw new Error(`Saved clock time is not a valid date: ${state.now}`);
  if (state.wallTime === undefined) return saved;
  const wall = Date.parse(state.wallTime);
  if (Number.isNaN(wall)) throw new Error(`Saved clock wall time is not a valid date: ${state.wallTime}`);
  const caughtUp = new Date(saved.getTime() + Math.max(0, realNowMs - wall) * checkSpeed(state.speed));
  if (Number.isNaN(caughtUp.getTime())) {
    throw new Error(
      `Saved clock cannot catch up from ${state.wallTime} at ${state.speed}x: the simulated time would be past the year 275760`,
    );
  }
  return caughtUp;
}

/**
 * Recreate a clock from its saved state at its saved speed. It continues from the time the
 * saved account has reached now ({@link caughtUpTime}), so simulated time never goes backwards
 * across a restart and restores started before it have progressed.
 */
export function restoreClock(state: ClockState, realNow?: () => number): SavableClock {
  const source = realNow ?? Date.now;
  const startReal = source();
  return createClock({
    start: caughtUpTime(state, startReal),
    startReal,
    speed: state.speed,
    realNow: source,
  });
}
