import { describe, expect, it } from 'vitest';
import { faultChangeSchema, type FaultChange } from '../../../../electron/core/api/calls/tabletop';
import {
  applyFaultChange,
  checkFaultChange,
  describeFaultChange,
  isKnownQuotaKey,
} from '../../../../electron/core/app/handlers/tabletop-fault-change';
import {
  emptyFaultState,
  faultStateSchema,
  type FaultState,
} from '../../../../electron/simulator/core/fault-state';
import { decideFault } from '../../../../electron/simulator/core/faults';

const scope = { regions: ['us-east-1', 'us-west-2'], services: ['s3', 'rds', 'ec2', 'dynamodb', 'sts'] };

/** A change as the contract parses it (so the tests send what the handler receives). */
function change(input: unknown): FaultChange {
  return faultChangeSchema.parse(input);
}

const neverDraws = {
  next: () => {
    throw new Error('no draw expected');
  },
};

describe('the facilitator’s fault changes', () => {
  it('takes a region down for every service, or only for chosen ones, and brings it back', () => {
    const all = applyFaultChange(
      emptyFaultState(),
      change({ kind: 'regionDown', region: 'us-east-1', mode: 'refused' }),
    );
    expect(all.regionOutages).toEqual([{ region: 'us-east-1', mode: 'refused' }]);
    expect(decideFault(all, 'us-east-1', 'dynamodb', neverDraws as never)).toEqual({
      kind: 'refused',
      region: 'us-east-1',
    });

    const some = applyFaultChange(
      all,
      change({ kind: 'regionDown', region: 'us-east-1', mode: '5xx', services: ['s3'] }),
    );
    expect(some.regionOutages).toEqual([{ region: 'us-east-1', mode: '5xx', services: ['s3'] }]);
    expect(decideFault(some, 'us-east-1', 's3', neverDraws as never).kind).toBe('error');
    expect(decideFault(some, 'us-east-1', 'rds', { next: () => 0.99 } as never).kind).toBe('none');

    const up = applyFaultChange(some, change({ kind: 'regionUp', region: 'us-east-1' }));
    expect(up.regionOutages).toEqual([]);
  });

  it('never modifies the state it is given, and always gives a state the simulator accepts', () => {
    const before = emptyFaultState();
    const frozen = JSON.stringify(before);
    const changes: unknown[] = [
      { kind: 'regionDown', region: 'us-west-2', mode: 'timeout' },
      { kind: 'throttle', ratePercent: 40 },
      { kind: 'failRestore', target: 'orders-db-dr' },
      { kind: 'setQuota', key: 'ec2.capacity.m5.large', value: 0 },
      { kind: 'replicationLag', sourceRegion: 'us-east-1', destinationRegion: 'us-west-2', lagMinutes: 2.5 },
    ];
    let state: FaultState = before;
    for (const c of changes) {
      state = applyFaultChange(state, change(c));
      expect(faultStateSchema.safeParse(state).success).toBe(true);
    }
    expect(JSON.stringify(before)).toBe(frozen);
    expect(state).toEqual({
      regionOutages: [{ region: 'us-west-2', mode: 'timeout' }],
      throttling: [{ rate: 0.4 }],
      failingRestores: ['orders-db-dr'],
      quotas: { 'ec2.capacity.m5.large': 0 },
      replicationLag: [{ sourceRegion: 'us-east-1', destinationRegion: 'us-west-2', lagMs: 150_000 }],
    });
  });

  it('sets throttling per scope as a fraction, and removes a scope’s rule at 0 %', () => {
    let state = applyFaultChange(
      emptyFaultState(),
      change({ kind: 'throttle', region: 'us-west-2', service: 'dynamodb', ratePercent: 100 }),
    );
    state = applyFaultChange(state, change({ kind: 'throttle', region: 'us-west-2', ratePercent: 10 }));
    expect(state.throttling).toEqual([
      { region: 'us-west-2', service: 'dynamodb', rate: 1 },
      { region: 'us-west-2', rate: 0.1 },
    ]);
    const decision = decideFault(state, 'us-west-2', 'dynamodb', { next: () => 0.5 } as never);
    expect(decision).toMatchObject({ kind: 'error', error: { code: 'ThrottlingException' } });
    state = applyFaultChange(
      state,
      change({ kind: 'throttle', region: 'us-west-2', service: 'dynamodb', ratePercent: 0 }),
    );
    expect(state.throttling).toEqual([{ region: 'us-west-2', rate: 0.1 }]);
  });

  it('makes a named restore fail and succeed again, sets and clears quotas, and clears everything', () => {
    let state = applyFaultChange(emptyFaultState(), change({ kind: 'failRestore', target: '  orders-dr ' }));
    expect(state.failingRestores).toEqual(['orders-dr']);
    state = applyFaultChange(state, change({ kind: 'failRestore', target: 'orders-dr' }));
    expect(state.failingRestores).toEqual(['orders-dr']);
    state = applyFaultChange(
      state,
      change({ kind: 'setQuota', key: 'rds.concurrentSnapshotCopies', value: 1 }),
    );
    expect(state.quotas).toEqual({ 'rds.concurrentSnapshotCopies': 1 });
    state = applyFaultChange(state, change({ kind: 'clearRestoreFailure', target: 'orders-dr' }));
    state = applyFaultChange(state, change({ kind: 'clearQuota', key: 'rds.concurrentSnapshotCopies' }));
    expect(state).toEqual(emptyFaultState());
    state = applyFaultChange(state, change({ kind: 'regionDown', region: 'us-east-1', mode: '5xx' }));
    expect(applyFaultChange(state, change({ kind: 'clearAll' }))).toEqual(emptyFaultState());
  });

  it('refuses what the exercise does not have, naming what it has', () => {
    expect(checkFaultChange(change({ kind: 'regionDown', region: 'eu-west-1', mode: '5xx' }), scope)).toBe(
      'Region eu-west-1 is not in this exercise; choose one of us-east-1, us-west-2.',
    );
    expect(
      checkFaultChange(
        change({ kind: 'regionDown', region: 'us-east-1', mode: '5xx', services: ['lambda'] }),
        scope,
      ),
    ).toMatch(/^Service lambda is not simulated; choose one of s3, rds/);
    expect(checkFaultChange(change({ kind: 'throttle', service: 'sqs', ratePercent: 5 }), scope)).toMatch(
      /Service sqs/,
    );
    expect(
      checkFaultChange(change({ kind: 'setQuota', key: 'ec2.concurrentRestores', value: 3 }), scope),
    ).toMatch(
      /not one the simulator enforces; choose one of ec2\.concurrentSnapshotCopies.*ec2\.capacity\.<instance type>/,
    );
    expect(
      checkFaultChange(
        change({
          kind: 'replicationLag',
          sourceRegion: 'us-east-1',
          destinationRegion: 'us-east-1',
          lagMinutes: 5,
        }),
        scope,
      ),
    ).toMatch(/two different regions/);
    for (const ok of [
      { kind: 'regionDown', region: 'us-east-1', mode: 'timeout', services: ['rds'] },
      { kind: 'throttle', ratePercent: 5 },
      { kind: 'setQuota', key: 'ec2.capacity.t3.micro', value: 1 },
      { kind: 'failRestore', target: 'i-0abc' },
      { kind: 'clearAll' },
    ]) {
      expect(checkFaultChange(change(ok), scope)).toBeNull();
    }
  });

  it('knows the quotas the simulated services enforce', () => {
    expect(isKnownQuotaKey('dynamodb.concurrentRestores')).toBe(true);
    expect(isKnownQuotaKey('ec2.concurrentSnapshotCopies')).toBe(true);
    expect(isKnownQuotaKey('ec2.capacity.r5.xlarge')).toBe(true);
    expect(isKnownQuotaKey('ec2.capacity.')).toBe(false);
    expect(isKnownQuotaKey('s3.buckets')).toBe(false);
  });

  it('rejects malformed changes in the contract with a message that says what is expected', () => {
    const bad = [
      [{ kind: 'throttle', ratePercent: 120 }, 'must be 0 to 100'],
      [{ kind: 'regionDown', region: 'us-east-1', mode: 'flaky' }, 'mode'],
      [{ kind: 'regionUp', region: 'US East' }, 'must be a region name such as us-east-1'],
      [{ kind: 'setQuota', key: 'dynamodb.concurrentRestores', value: 2.5 }, 'must be a whole number'],
      [{ kind: 'failRestore', target: '   ' }, 'name the restore target'],
      [
        { kind: 'replicationLag', sourceRegion: 'us-east-1', destinationRegion: 'us-west-2', lagMinutes: -1 },
        '0 or more',
      ],
      [{ kind: 'explode' }, 'kind'],
    ] as const;
    for (const [input, expected] of bad) {
      const parsed = faultChangeSchema.safeParse(input);
      expect(parsed.success, JSON.stringify(input)).toBe(false);
      const text = parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      expect(text).toContain(expected);
    }
  });

  it('confirms each change in one sentence', () => {
    const none = emptyFaultState();
    const down = { ...none, regionOutages: [{ region: 'us-east-1', mode: '5xx' as const }] };
    expect(describeFaultChange(change({ kind: 'regionDown', region: 'us-east-1', mode: '5xx' }), none)).toBe(
      'us-east-1 is down for every service: 503 ServiceUnavailable, from the next request.',
    );
    expect(
      describeFaultChange(
        change({ kind: 'regionDown', region: 'us-east-1', mode: 'refused', services: ['s3', 'dynamodb'] }),
        none,
      ),
    ).toBe('us-east-1 is down for S3, DynamoDB: connections refused, from the next request.');
    expect(describeFaultChange(change({ kind: 'regionUp', region: 'us-east-1' }), down)).toBe(
      'us-east-1 is back up: its APIs answer from the next request.',
    );
    expect(describeFaultChange(change({ kind: 'regionUp', region: 'us-west-2' }), down)).toBe(
      'us-west-2 was not down; nothing changed.',
    );
    expect(
      describeFaultChange(
        change({ kind: 'throttle', region: 'us-west-2', service: 'rds', ratePercent: 12.5 }),
        none,
      ),
    ).toBe('12.5 % of requests to RDS in us-west-2 are throttled, from the next request.');
    expect(describeFaultChange(change({ kind: 'throttle', ratePercent: 0 }), none)).toBe(
      'Throttling of every service in every region is off.',
    );
    expect(describeFaultChange(change({ kind: 'failRestore', target: 'orders-dr' }), none)).toBe(
      'The restore into "orders-dr" will fail.',
    );
    expect(
      describeFaultChange(
        change({
          kind: 'replicationLag',
          sourceRegion: 'us-east-1',
          destinationRegion: 'us-west-2',
          lagMinutes: 45,
        }),
        none,
      ),
    ).toBe('S3 replication from us-east-1 to us-west-2 lags 45 more minutes.');
  });
});
