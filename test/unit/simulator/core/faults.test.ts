import { describe, expect, it } from 'vitest';
import { decideFault, FaultController } from '../../../../electron/simulator/core/faults';
import { emptyFaultState } from '../../../../electron/simulator/core/fault-state';
import { createRng } from '../../../../electron/simulator/core/rng';

describe('decideFault', () => {
  const rng = createRng(1);

  it('lets requests through with no faults', () => {
    expect(decideFault(emptyFaultState(), 'us-east-1', 's3', rng)).toEqual({ kind: 'none' });
  });

  it('applies a region outage in each mode, only to its region', () => {
    for (const mode of ['refused', 'timeout'] as const) {
      const state = { ...emptyFaultState(), regionOutages: [{ region: 'us-east-1', mode }] };
      expect(decideFault(state, 'us-east-1', 'rds', rng).kind).toBe(mode);
      expect(decideFault(state, 'us-west-2', 'rds', rng).kind).toBe('none');
    }
    const state = { ...emptyFaultState(), regionOutages: [{ region: 'us-east-1', mode: '5xx' as const }] };
    expect(decideFault(state, 'us-east-1', 'rds', rng)).toMatchObject({
      kind: 'error',
      error: { code: 'ServiceUnavailable', status: 503 },
    });
  });

  it('limits an outage to the listed services', () => {
    const state = {
      ...emptyFaultState(),
      regionOutages: [{ region: 'us-east-1', mode: 'refused' as const, services: ['s3'] }],
    };
    expect(decideFault(state, 'us-east-1', 's3', rng).kind).toBe('refused');
    expect(decideFault(state, 'us-east-1', 'ec2', rng).kind).toBe('none');
  });

  it('throttles with each protocol’s error code', () => {
    const expected: Record<string, [string, number]> = {
      s3: ['SlowDown', 503],
      ec2: ['RequestLimitExceeded', 503],
      rds: ['Throttling', 400],
      sts: ['Throttling', 400],
      dynamodb: ['ThrottlingException', 400],
    };
    const state = { ...emptyFaultState(), throttling: [{ rate: 1 }] };
    for (const [service, [code, status]] of Object.entries(expected)) {
      expect(decideFault(state, 'us-west-2', service, rng)).toMatchObject({
        kind: 'error',
        error: { code, status },
      });
    }
  });

  it('throttles about the given fraction, deterministically per seed', () => {
    const state = { ...emptyFaultState(), throttling: [{ region: 'us-west-2', rate: 0.25 }] };
    const run = () => {
      const r = createRng(99);
      return Array.from({ length: 2000 }, () => decideFault(state, 'us-west-2', 'ec2', r).kind);
    };
    const kinds = run();
    const throttled = kinds.filter((k) => k === 'error').length;
    expect(throttled).toBeGreaterThan(400);
    expect(throttled).toBeLessThan(600);
    expect(run()).toEqual(kinds);
  });
});

describe('FaultController', () => {
  it('switches faults on and off and saves them', () => {
    const faults = new FaultController();
    faults.regionDown('us-east-1', 'timeout');
    faults.regionDown('us-east-1', '5xx', ['s3']);
    faults.throttle(0.5, { region: 'us-west-2', service: 'ec2' });
    faults.failRestore('orders-restored');
    faults.setQuota('ec2.concurrentSnapshotCopies', 2);
    faults.setReplicationLag('us-east-1', 'us-west-2', 60_000);
    expect(faults.save()).toEqual({
      regionOutages: [{ region: 'us-east-1', mode: '5xx', services: ['s3'] }],
      throttling: [{ region: 'us-west-2', service: 'ec2', rate: 0.5 }],
      failingRestores: ['orders-restored'],
      quotas: { 'ec2.concurrentSnapshotCopies': 2 },
      replicationLag: [{ sourceRegion: 'us-east-1', destinationRegion: 'us-west-2', lagMs: 60_000 }],
    });
    expect(faults.regionAvailable('us-east-1', 's3')).toBe(false);
    expect(faults.regionAvailable('us-east-1', 'rds')).toBe(true);
    expect(faults.quota('ec2.concurrentSnapshotCopies', 5)).toBe(2);
    expect(faults.quota('rds.concurrentSnapshotCopies', 5)).toBe(5);
    expect(faults.restoreShouldFail('orders-restored')).toBe(true);
    expect(faults.replicationLagMs('us-east-1', 'us-west-2')).toBe(60_000);

    const copy = new FaultController(faults.save());
    expect(copy.save()).toEqual(faults.save());

    faults.regionUp('us-east-1');
    faults.throttle(0, { region: 'us-west-2', service: 'ec2' });
    faults.clearRestoreFailure('orders-restored');
    faults.setReplicationLag('us-east-1', 'us-west-2', 0);
    expect(faults.save()).toMatchObject({
      regionOutages: [],
      throttling: [],
      failingRestores: [],
      replicationLag: [],
    });
    faults.clear();
    expect(faults.save().quotas).toEqual({});
  });

  it('rejects bad values clearly', () => {
    const faults = new FaultController();
    expect(() => faults.throttle(2)).toThrow(/between 0 and 1/);
    expect(() => faults.setQuota('x', -1)).toThrow(/non-negative integer/);
    expect(() => faults.setReplicationLag('a', 'b', 1.5)).toThrow(/non-negative integer/);
  });
});
