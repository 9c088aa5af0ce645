import { describe, expect, it } from 'vitest';
import { AdaptiveLimit } from '../../../../electron/core/assess/adaptive-limit';

describe('AdaptiveLimit', () => {
  it('starts at the initial bound and grows by one per success up to the maximum', () => {
    const limit = new AdaptiveLimit({ initial: 8, max: 12 });
    expect(limit.limit).toBe(8);
    for (let i = 0; i < 10; i += 1) limit.onSuccess();
    expect(limit.limit).toBe(12);
  });

  it('halves on throttling, once per window of calls, never below the minimum', () => {
    const limit = new AdaptiveLimit({ initial: 16, max: 64 });
    expect(limit.onThrottle()).toBe(true);
    expect(limit.limit).toBe(8);
    // More throttles from the same window do not cut again.
    expect(limit.onThrottle()).toBe(false);
    expect(limit.limit).toBe(8);
    const floor = new AdaptiveLimit({ initial: 1, min: 1 });
    for (let i = 0; i < 5; i += 1) floor.onThrottle();
    expect(floor.limit).toBe(1);
  });

  it('grows back slowly (one per full window) after a cut', () => {
    const limit = new AdaptiveLimit({ initial: 16, max: 64 });
    limit.onThrottle();
    expect(limit.limit).toBe(8);
    for (let i = 0; i < 8; i += 1) limit.onSuccess();
    // The guard window absorbs the first successes; the bound has not jumped back.
    expect(limit.limit).toBeLessThanOrEqual(9);
    for (let i = 0; i < 40; i += 1) limit.onSuccess();
    expect(limit.limit).toBeGreaterThan(8);
    expect(limit.limit).toBeLessThan(16);
  });
});
