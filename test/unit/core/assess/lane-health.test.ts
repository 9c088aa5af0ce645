import { describe, expect, it } from 'vitest';
import { initialLaneHealth, nextLaneHealth } from '../../../../electron/core/assess/lane-health';

describe('nextLaneHealth', () => {
  it('stays healthy on fast successes and on errors that say nothing about reachability', () => {
    expect(nextLaneHealth(initialLaneHealth, { kind: 'success', slow: false, elapsedMs: 40 })).toBe(
      initialLaneHealth,
    );
    expect(nextLaneHealth(initialLaneHealth, { kind: 'other-error' })).toBe(initialLaneHealth);
  });

  it('degrades on one slow answer or one unreachable call, and is down after two in a row', () => {
    const slow = nextLaneHealth(initialLaneHealth, { kind: 'success', slow: true, elapsedMs: 3_456 });
    expect(slow.status).toBe('degraded');
    expect(slow.reason).toMatch(/3456 ms/);
    const once = nextLaneHealth(initialLaneHealth, { kind: 'unreachable', reason: 'ECONNREFUSED' });
    expect(once).toEqual({ status: 'degraded', consecutiveFailures: 1, reason: 'ECONNREFUSED' });
    const twice = nextLaneHealth(once, { kind: 'unreachable', reason: 'ECONNREFUSED' });
    expect(twice.status).toBe('down');
  });

  it('a success in between resets the count but keeps the lane degraded', () => {
    const once = nextLaneHealth(initialLaneHealth, { kind: 'unreachable', reason: 'timeout' });
    const ok = nextLaneHealth(once, { kind: 'success', slow: false, elapsedMs: 10 });
    expect(ok).toEqual({ status: 'degraded', consecutiveFailures: 0, reason: 'timeout' });
    expect(nextLaneHealth(ok, { kind: 'unreachable', reason: 'timeout' }).status).toBe('degraded');
  });
});
