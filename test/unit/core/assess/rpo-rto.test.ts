import { describe, expect, it } from 'vitest';
import {
  S3_REPLICATION_BOUND_MINUTES,
  formatMinutes,
  minutesSince,
  rpoFromAge,
  rpoFromWindow,
  s3ReplicaRpo,
} from '../../../../electron/core/assess/rpo';
import { estimateRto, gib } from '../../../../electron/core/assess/rto-estimate';

const now = new Date('2026-11-26T10:00:00Z');
const sample = (statuses: Record<string, number>, oldestPendingAt: string | null = null, empty = false) => ({
  sampled: Object.values(statuses).reduce((a, b) => a + b, 0),
  statuses,
  oldestPendingAt,
  empty,
});

describe('RPO', () => {
  it('measures whole minutes since a time, never negative', () => {
    expect(minutesSince('2026-11-26T09:40:00Z', now)).toBe(20);
    expect(minutesSince('2026-11-26T09:59:30Z', now)).toBe(0);
    expect(minutesSince('2026-11-26T11:00:00Z', now)).toBe(0);
    expect(minutesSince(null, now)).toBeNull();
    expect(minutesSince('not a time', now)).toBeNull();
  });

  it('says durations as people do', () => {
    expect(formatMinutes(1)).toBe('1 minute');
    expect(formatMinutes(45)).toBe('45 minutes');
    expect(formatMinutes(26 * 60)).toBe('26 hours');
    expect(formatMinutes(3 * 1440)).toBe('3 days');
  });

  it('takes a restore window and a copy age as the RPO', () => {
    expect(rpoFromWindow('2026-11-26T09:40:00Z', now)).toEqual({
      minutes: 20,
      reason: 'latest restorable time 2026-11-26T09:40:00Z (20 minutes ago)',
    });
    expect(rpoFromWindow(null, now).minutes).toBeNull();
    expect(rpoFromAge('2026-11-25T08:00:00Z', now, 'snapshot s1')).toEqual({
      minutes: 26 * 60,
      reason: 'snapshot s1 taken 2026-11-25T08:00:00Z (26 hours ago)',
    });
  });

  it('bounds healthy S3 replication at 15 minutes and pending objects by their age', () => {
    expect(s3ReplicaRpo(sample({ COMPLETED: 3 }), null, now).minutes).toBe(S3_REPLICATION_BOUND_MINUTES);
    const pending = s3ReplicaRpo(sample({ COMPLETED: 1, PENDING: 2 }, '2026-11-26T09:00:00Z'), null, now);
    expect(pending.minutes).toBe(60);
    expect(pending.reason).toMatch(/2 of 3 newest objects are still PENDING/);
    expect(s3ReplicaRpo(sample({ COMPLETED: 2, FAILED: 1 }), null, now).minutes).toBeNull();
    expect(s3ReplicaRpo(sample({ NONE: 3 }), null, now).minutes).toBeNull();
  });

  it('from the replica side alone, REPLICA copies prove a usable copy', () => {
    const fromReplica = s3ReplicaRpo(null, sample({ REPLICA: 3 }), now);
    expect(fromReplica.minutes).toBe(S3_REPLICATION_BOUND_MINUTES);
    expect(fromReplica.reason).toMatch(/source side could not be read/);
    expect(s3ReplicaRpo(null, sample({}, null, true), now).minutes).toBeNull();
    expect(s3ReplicaRpo(sample({}, null, true), sample({}, null, true), now).minutes).toBe(0);
  });
});

describe('RTO estimate', () => {
  it('adds minutes per GiB where the restore moves data, and says so', () => {
    const pitr = estimateRto('table-pitr', 10);
    expect(pitr.minutes).toBe(30);
    expect(pitr.reason).toMatch(/20 min \+ 1 min\/GiB × 10 GiB/);
    expect(estimateRto('table-pitr', null).reason).toMatch(/data size unknown/);
    expect(estimateRto('replica-bucket', 5_000).minutes).toBe(15);
    expect(estimateRto('in-place', null).minutes).toBe(0);
    expect(gib(1024 ** 3 * 2)).toBe(2);
  });
});
