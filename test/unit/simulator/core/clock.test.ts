import { describe, expect, it } from 'vitest';
import { createClock, restoreClock } from '../../../../electron/simulator/core/clock';

function fakeReal(start = 1_000_000) {
  let now = start;
  return { now: () => now, tick: (ms: number) => (now += ms) };
}

describe('createClock', () => {
  const start = new Date('2026-01-01T00:00:00.000Z');

  it('runs at real speed by default', () => {
    const real = fakeReal();
    const clock = createClock({ start, realNow: real.now });
    real.tick(1500);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.500Z');
  });

  it('multiplies real elapsed time by the speed', () => {
    const real = fakeReal();
    const clock = createClock({ start, speed: 600, realNow: real.now });
    real.tick(1000);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:10:00.000Z');
  });

  it('re-anchors on a speed change so time never jumps back', () => {
    const real = fakeReal();
    const clock = createClock({ start, speed: 60, realNow: real.now });
    real.tick(1000); // +1 min
    clock.setSpeed(1);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:01:00.000Z');
    real.tick(1000);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:01:01.000Z');
    expect(clock.speed()).toBe(1);
  });

  it('jumps forward with advance', () => {
    const real = fakeReal();
    const clock = createClock({ start, realNow: real.now });
    clock.advance(3_600_000);
    expect(clock.now().toISOString()).toBe('2026-01-01T01:00:00.000Z');
  });

  it('rejects speeds outside 1..600 and negative advances', () => {
    expect(() => createClock({ speed: 0 })).toThrow(/between 1 and 600/);
    expect(() => createClock({ speed: 601 })).toThrow(/between 1 and 600/);
    expect(() => createClock().advance(-1)).toThrow(/non-negative/);
  });

  it('saves the simulated time, speed and real time; a state without the real time resumes where it was', () => {
    const real = fakeReal();
    const clock = createClock({ start, speed: 10, realNow: real.now });
    real.tick(6000);
    const saved = clock.save();
    expect(saved).toEqual({
      now: '2026-01-01T00:01:00.000Z',
      speed: 10,
      wallTime: new Date(1_006_000).toISOString(),
    });
    const later = fakeReal(5_000_000);
    const restored = restoreClock({ now: saved.now, speed: saved.speed }, later.now);
    later.tick(1000);
    expect(restored.now().toISOString()).toBe('2026-01-01T00:01:10.000Z');
  });
});
