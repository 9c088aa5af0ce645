import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  betterFor,
  compare,
  median,
  P95_MIN_SAMPLES,
  P99_MIN_SAMPLES,
  percentile,
  summarize,
} from '../../bench/support/stats';

describe('median', () => {
  it('is the middle sample of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([42])).toBe(42);
  });

  it('is the mean of the two middle samples of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 20])).toBe(15);
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses no samples and non-finite samples with a clear error', () => {
    expect(() => median([])).toThrow(/No samples/);
    expect(() => median([1, Number.NaN])).toThrow(/not a finite number/);
    expect(() => median([1, Number.POSITIVE_INFINITY])).toThrow(/not a finite number/);
  });
});

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('gives the smallest sample with p % at or below it', () => {
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0.5)).toBe(1);
  });

  it('rounds the rank up on small sets', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([10, 20, 30], 50)).toBe(20);
  });

  it('refuses a percentile outside (0, 100]', () => {
    expect(() => percentile([1], 0)).toThrow(/above 0 and at most 100/);
    expect(() => percentile([1], 101)).toThrow(/above 0 and at most 100/);
  });

  it('is always one of the samples and between min and max (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), { minLength: 1 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (samples, p) => {
          const value = percentile(samples, p);
          expect(samples).toContain(value);
          expect(value).toBeGreaterThanOrEqual(Math.min(...samples));
          expect(value).toBeLessThanOrEqual(Math.max(...samples));
        },
      ),
    );
  });
});

describe('summarize', () => {
  it('gives median, mean and the spread', () => {
    expect(summarize([3, 1, 2, 10])).toEqual({
      n: 4,
      median: 2.5,
      mean: 4,
      min: 1,
      max: 10,
      p95: null,
      p99: null,
    });
  });

  it(`gives p95 from ${P95_MIN_SAMPLES} samples and p99 from ${P99_MIN_SAMPLES}`, () => {
    const ten = Array.from({ length: P95_MIN_SAMPLES }, (_, i) => i + 1);
    expect(summarize(ten.slice(1)).p95).toBeNull();
    expect(summarize(ten).p95).toBe(10);
    const fifty = Array.from({ length: P99_MIN_SAMPLES }, (_, i) => i + 1);
    expect(summarize(fifty.slice(1)).p99).toBeNull();
    expect(summarize(fifty)).toMatchObject({ p95: 48, p99: 50 });
  });

  it('keeps min ≤ median ≤ max and min ≤ p95 ≤ max (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 300 }),
        (samples) => {
          const stats = summarize(samples);
          expect(stats.n).toBe(samples.length);
          expect(stats.min).toBeLessThanOrEqual(stats.median);
          expect(stats.median).toBeLessThanOrEqual(stats.max);
          if (stats.p95 !== null) {
            expect(stats.p95).toBeGreaterThanOrEqual(stats.median);
            expect(stats.p95).toBeLessThanOrEqual(stats.max);
          }
        },
      ),
    );
  });
});

describe('betterFor', () => {
  it.each(['calls/s', 'ops/s', 'events / s', 'calls/sec', 'calls per second', 'frames per s'])(
    '%s: higher is better',
    (unit) => {
      expect(betterFor(unit)).toBe('higher');
    },
  );

  it.each(['ms', 'MiB', 'MB', 's', 'µs', 'calls', 'ms/frame'])('%s: lower is better', (unit) => {
    expect(betterFor(unit)).toBe('lower');
  });
});

describe('compare (ratio against a baseline)', () => {
  it('for times, a case twice as fast as its baseline is 2× better (ratio 0.5)', () => {
    expect(compare(50, 100, 'ms')).toEqual({ ratio: 0.5, speedup: 2, better: 'lower' });
  });

  it('for rates, a case with twice the rate is 2× better (ratio 2)', () => {
    expect(compare(6000, 3000, 'calls/s')).toEqual({ ratio: 2, speedup: 2, better: 'higher' });
  });

  it('says when the case is worse than its baseline', () => {
    expect(compare(200, 100, 'ms')?.speedup).toBe(0.5);
    expect(compare(1000, 4000, 'calls/s')?.speedup).toBe(0.25);
  });

  it('gives no ratio when a median is zero', () => {
    expect(compare(0, 100, 'ms')).toBeNull();
    expect(compare(100, 0, 'ms')).toBeNull();
  });
});
