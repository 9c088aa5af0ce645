import { describe, expect, it } from 'vitest';
import { abortableSleep } from '../../../../electron/core/assess/abortable-sleep';
import { pushToList } from '../../../../electron/core/assess/push-to-list';
import {
  acquireSlot,
  cancelledCallError,
  laneSnapshot,
  laneTotals,
  newLane,
  notAskedCallError,
  releaseSlot,
} from '../../../../electron/core/assess/scan-lane';

describe('scan lanes', () => {
  it('start healthy and empty, at the initial bound', () => {
    const lane = newLane('rds', 'us-east-1', { initial: 2, max: 8 });
    expect(laneSnapshot(lane)).toEqual({
      progress: { service: 'rds', region: 'us-east-1', done: 0, total: 0, failed: 0 },
      health: {
        service: 'rds',
        region: 'us-east-1',
        status: 'healthy',
        calls: 0,
        failures: 0,
        skipped: 0,
        throttled: 0,
        reason: null,
      },
      concurrency: 2,
    });
  });

  it('hand out slots up to the bound and wake waiting calls in order as slots come back', async () => {
    const lane = newLane('s3', 'us-east-1', { initial: 2, max: 8 });
    await acquireSlot(lane);
    await acquireSlot(lane);
    const woken: string[] = [];
    const third = acquireSlot(lane).then(() => woken.push('third'));
    const fourth = acquireSlot(lane).then(() => woken.push('fourth'));
    expect(lane.active).toBe(2);
    expect(lane.waiting).toHaveLength(2);
    releaseSlot(lane);
    await third;
    expect(woken).toEqual(['third']);
    expect(lane.active).toBe(2);
    releaseSlot(lane);
    await fourth;
    expect(woken).toEqual(['third', 'fourth']);
    releaseSlot(lane);
    releaseSlot(lane);
    expect(lane.active).toBe(0);
    expect(lane.waiting).toHaveLength(0);
  });

  it('count calls not sent as skipped, not as failures, in the totals', () => {
    const a = newLane('ec2', 'us-east-1', { initial: 8, max: 64 });
    const b = newLane('ec2', 'us-west-2', { initial: 8, max: 64 });
    a.calls = 3;
    a.failed = 2;
    const notAsked = notAskedCallError(a, 'DescribeImages');
    a.failed += 1;
    b.calls = 5;
    b.throttled = 2;
    expect(notAsked).toMatchObject({ hint: 'unavailable', awsCode: 'NotAttempted', skipped: true });
    expect(notAsked.message).toBe('not asked: ec2 in us-east-1 does not answer (unreachable)');
    expect(laneTotals([a, b])).toEqual({ total: 8, failed: 2, throttled: 2, skipped: 1 });
    expect(cancelledCallError(b, 'DescribeVolumes')).toMatchObject({
      hint: 'cancelled',
      skipped: true,
      region: 'us-west-2',
      operation: 'DescribeVolumes',
    });
  });
});

describe('abortableSleep', () => {
  it('rejects at once when already cancelled, and as soon as the signal aborts', async () => {
    const done = new AbortController();
    done.abort();
    await expect(abortableSleep(60_000, done.signal)).rejects.toThrow('cancelled');
    const later = new AbortController();
    const waiting = abortableSleep(60_000, later.signal);
    later.abort();
    await expect(waiting).rejects.toThrow('cancelled');
    await expect(abortableSleep(0, undefined)).resolves.toBeUndefined();
  });
});

describe('pushToList', () => {
  it('starts a list for a new key and appends to an existing one', () => {
    const map = new Map<string, number[]>();
    pushToList(map, 'a', 1);
    pushToList(map, 'a', 2);
    pushToList(map, 'b', 3);
    expect([...map]).toEqual([
      ['a', [1, 2]],
      ['b', [3]],
    ]);
  });
});
