import { describe, expect, it } from 'vitest';
import { caughtUpTime, createClock, restoreClock } from '../../../../electron/simulator/core/clock';

/** A real-time source moved by hand. */
function fakeReal(start: number) {
  let now = start;
  return { now: () => now, tick: (ms: number) => (now += ms) };
}

const T0 = Date.parse('2026-05-01T08:00:00.000Z');
const start = new Date('2026-01-01T00:00:00.000Z');

describe('a resumed clock catches up the time it was down', () => {
  it('adds the real time since the save × the saved speed', () => {
    const real = fakeReal(T0);
    const clock = createClock({ start, speed: 60, realNow: real.now });
    real.tick(1000); // one simulated minute
    const saved = clock.save();
    expect(saved).toEqual({
      now: '2026-01-01T00:01:00.000Z',
      speed: 60,
      wallTime: '2026-05-01T08:00:01.000Z',
    });
    const restart = fakeReal(T0 + 1000 + 30_000); // down 30 real seconds = 30 simulated minutes
    const resumed = restoreClock(saved, restart.now);
    expect(resumed.now().toISOString()).toBe('2026-01-01T00:31:00.000Z');
    expect(resumed.speed()).toBe(60);
    restart.tick(1000);
    expect(resumed.now().toISOString()).toBe('2026-01-01T00:32:00.000Z');
  });

  it('never resumes earlier than any time the clock showed before the crash', () => {
    const real = fakeReal(T0);
    const clock = createClock({ start, speed: 600, realNow: real.now });
    const saved = clock.save();
    real.tick(2500); // the clock kept running after the save, unsaved
    const lastSeen = clock.now().getTime();
    const resumed = restoreClock(saved, fakeReal(real.now() + 1).now);
    expect(resumed.now().getTime()).toBeGreaterThanOrEqual(lastSeen);
  });

  it('treats a wall clock set back as no time passed, never as going back', () => {
    const state = { now: '2026-01-01T00:00:00.000Z', speed: 10, wallTime: '2026-05-01T08:00:00.000Z' };
    expect(caughtUpTime(state, T0 - 3_600_000).toISOString()).toBe(state.now);
  });

  it('resumes a state saved before the real time was recorded at its saved time', () => {
    expect(caughtUpTime({ now: '2026-01-01T00:00:00.000Z', speed: 600 }, T0).toISOString()).toBe(
      '2026-01-01T00:00:00.000Z',
    );
  });

  it('applies a new speed only from the restart on (restoring, then setSpeed)', () => {
    const saved = { now: '2026-01-01T00:00:00.000Z', speed: 60, wallTime: '2026-05-01T08:00:00.000Z' };
    const real = fakeReal(T0 + 10_000); // 10 real s down at 60x: 10 simulated minutes
    const resumed = restoreClock(saved, real.now);
    resumed.setSpeed(1);
    expect(resumed.now().toISOString()).toBe('2026-01-01T00:10:00.000Z');
    real.tick(5000);
    expect(resumed.now().toISOString()).toBe('2026-01-01T00:10:05.000Z');
  });

  it('rejects a saved state it cannot place in time, with the field', () => {
    expect(() => caughtUpTime({ now: 'soon', speed: 1 }, T0)).toThrow(
      /Saved clock time is not a valid date: soon/,
    );
    expect(() => caughtUpTime({ now: '2026-01-01T00:00:00Z', speed: 1, wallTime: 'x' }, T0)).toThrow(
      /Saved clock wall time is not a valid date: x/,
    );
    expect(() =>
      caughtUpTime({ now: '2026-01-01T00:00:00Z', speed: 0, wallTime: '2026-01-01T00:00:00Z' }, T0),
    ).toThrow(/between 1 and 600/);
  });
});

describe('clock change notices', () => {
  it('tell listeners about speed changes and jumps, until unsubscribed', () => {
    const clock = createClock({ start, realNow: fakeReal(T0).now });
    let changes = 0;
    const unsubscribe = clock.onChange(() => (changes += 1));
    clock.setSpeed(30);
    clock.advance(60_000);
    clock.now();
    clock.save();
    expect(changes).toBe(2);
    unsubscribe();
    clock.advance(1);
    expect(changes).toBe(2);
  });
});
