import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../electron/simulator/core/rng';

describe('createRng', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    expect(seqA).toEqual(seqB);
    expect(new Set(seqA).size).toBe(20);
  });

  it('gives different sequences for different seeds', () => {
    expect(createRng(1).next()).not.toBe(createRng(2).next());
  });

  it('continues from a saved state', () => {
    const a = createRng(7);
    a.next();
    a.next();
    const resumed = createRng(7, a.state());
    expect(resumed.next()).toBe(a.next());
  });

  it('keeps int, hex and pick in range', () => {
    const rng = createRng(3);
    for (let i = 0; i < 500; i += 1) {
      const n = rng.int(2, 5);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(5);
      expect(Number.isInteger(n)).toBe(true);
    }
    expect(rng.hex(17)).toMatch(/^[0-9a-f]{17}$/);
    expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
  });

  it('draws one number per hex digit, so saved request-id sequences stay the same', () => {
    const a = createRng(11);
    const b = createRng(11);
    const digits = Array.from({ length: 32 }, () => Math.floor(b.next() * 16).toString(16)).join('');
    expect(a.hex(32)).toBe(digits);
    expect(a.state()).toBe(b.state());
  });

  it('rejects bad arguments with a clear message', () => {
    expect(() => createRng(Number.NaN)).toThrow(/finite number/);
    expect(() => createRng(1).int(5, 2)).toThrow(/min <= max/);
    expect(() => createRng(1).pick([])).toThrow(/at least one/);
  });
});
