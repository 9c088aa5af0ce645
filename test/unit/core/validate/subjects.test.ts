import { describe, expect, it } from 'vitest';
import { emptyRun } from '../../../../electron/core/recover/run-reducer';
import type { PlanChain, RecoveryPlan, RecoveryRun } from '../../../../electron/core/recover/types';
import {
  assessedAtOf,
  plannedParams,
  restoredPointOf,
  subjectsOf,
  targetIdOf,
} from '../../../../electron/core/validate/subjects';
import { spreadSample, streamDigest } from '../../../../electron/core/validate/check-s3';
import { digestBytes } from '../../../../electron/core/validate/compare';

function chain(over: Partial<PlanChain> = {}): PlanChain {
  return {
    id: 'c1',
    resource: {
      id: 'rds:orders-db',
      service: 'rds',
      kind: 'db-instance',
      name: 'orders-db',
      arn: 'arn',
      region: 'us-east-1',
      tier: 'critical',
    },
    strategy: 'rds-pitr-cross-region',
    alternatives: [],
    rpoMinutes: 5,
    restoreTime: null,
    targetName: 'orders-db-dr',
    dependsOn: [],
    depth: 0,
    actions: [
      {
        id: 'c1#0',
        chainId: 'c1',
        title: 'restore',
        kind: 'rds.restore-pitr',
        calls: [
          {
            service: 'rds',
            operation: 'RestoreDBInstanceToPointInTime',
            region: 'us-west-2',
            params: {
              DBInstanceClass: 'db.r6g.large',
              VpcSecurityGroupIds: ['sg-1'],
              MultiAZ: true,
              KmsKeyId: null,
              SourceDBInstanceAutomatedBackupsArn: { $ref: 'x', action: 'c0#0', field: 'Arn' },
            },
            cli: 'aws rds …',
            kind: 'create',
          },
          {
            service: 'rds',
            operation: 'DescribeDBInstances',
            region: 'us-west-2',
            params: { Filters: 'read-only' },
            cli: '',
            kind: 'read',
          },
        ],
        wait: null,
        target: { type: 'db-instance', name: 'orders-db-dr' },
        quota: null,
        idempotency: { adoptBy: 'name' },
        after: [],
        estimatedMinutes: 30,
      },
    ],
    estimatedMinutes: 30,
    estimatedFinishMinutes: 30,
    blocked: false,
    ...over,
  };
}

function plan(chains: PlanChain[]): RecoveryPlan {
  return {
    id: 'p1',
    incidentId: 'DR-20261126-01',
    createdAt: '2026-11-26T10:00:00Z',
    regions: { primary: 'us-east-1', secondary: 'us-west-2' },
    chains,
    problems: [],
    estimatedRtoMinutes: 30,
    depth: 0,
    callCount: 1,
    runnable: true,
  };
}

function runWith(
  p: RecoveryPlan,
  states: Record<string, RecoveryRun['actions'][string]['state']>,
  output: Record<string, string> = {},
): RecoveryRun {
  const run = emptyRun();
  run.plan = p;
  for (const c of p.chains)
    for (const a of c.actions)
      run.actions[a.id] = {
        id: a.id,
        chainId: c.id,
        state: states[a.id] ?? 'pending',
        startedAt: null,
        finishedAt: null,
        progress: null,
        status: null,
        output,
        error: null,
        attempts: 1,
      };
  return run;
}

describe('plannedParams', () => {
  it('keeps the literal parameters of create calls, not references, nulls or reads', () => {
    expect(plannedParams(chain())).toEqual({
      DBInstanceClass: 'db.r6g.large',
      VpcSecurityGroupIds: ['sg-1'],
      MultiAZ: true,
    });
  });
});

describe('restoredPointOf and assessedAtOf', () => {
  const window = { earliest: '2026-11-19T09:40:00Z', latest: '2026-11-26T09:40:00Z' };
  it('a PITR restore ends at the chosen time, else at the latest restorable time', () => {
    const data = {
      strategy: 'rds-pitr-cross-region' as const,
      automatedBackupsArn: 'a',
      window,
      encrypted: true,
    };
    expect(restoredPointOf(chain(), data, 5)).toEqual({
      kind: 'time',
      at: window.latest,
      what: 'restored to the latest restorable time',
    });
    expect(restoredPointOf(chain({ restoreTime: '2026-11-26T09:00:00Z' }), data, 5)).toMatchObject({
      kind: 'time',
      at: '2026-11-26T09:00:00Z',
    });
    expect(assessedAtOf(data, 5)).toBe('2026-11-26T09:45:00.000Z');
  });

  it('a replica promotion is its lag; a replica bucket is the assessed bound; unknown stays unknown', () => {
    expect(
      restoredPointOf(
        chain(),
        { strategy: 'rds-promote-replica', replicaId: 'r', replicaArn: 'a', lagSeconds: 61 },
        null,
      ),
    ).toMatchObject({ kind: 'lag', minutes: 2 });
    expect(
      restoredPointOf(
        chain(),
        { strategy: 's3-replica-failover', replicaBucket: 'b', replicaRegion: 'us-west-2', sampleKeys: [] },
        15,
      ),
    ).toMatchObject({ kind: 'lag', minutes: 15 });
    expect(
      restoredPointOf(
        chain(),
        { strategy: 'dynamodb-global-replica', replicaTableArn: 'a', replicaStatus: 'ACTIVE' },
        null,
      ).kind,
    ).toBe('unknown');
    expect(restoredPointOf(chain(), null, null).kind).toBe('unknown');
    expect(assessedAtOf(null, 5)).toBeNull();
  });
});

describe('subjectsOf', () => {
  it('validates chains whose actions are all done, and says why the others are not validated', () => {
    const blocked = chain({
      id: 'c2',
      blocked: true,
      resource: { ...chain().resource, id: 'rds:billing' },
      actions: [],
    });
    const p = plan([chain(), blocked]);
    const done = subjectsOf(
      p,
      runWith(p, { 'c1#0': 'done' }, { DBInstanceIdentifier: 'orders-db-dr', Endpoint: 'h:5432' }),
      null,
    );
    expect(done.subjects.map((s) => [s.resourceId, s.targetId, s.targetRegion])).toEqual([
      ['rds:orders-db', 'orders-db-dr', 'us-west-2'],
    ]);
    expect(done.notValidated).toEqual([
      { resourceId: 'rds:billing', reason: 'its recovery chain was blocked by a planning problem' },
    ]);
    const running = subjectsOf(p, runWith(p, { 'c1#0': 'waiting' }), null, ['orders-db']);
    expect(running.subjects).toEqual([]);
    expect(running.notValidated[0]?.reason).toMatch(/not complete \(c1#0: waiting\)/);
  });

  it('names the target as the endpoint map does', () => {
    expect(targetIdOf(chain(), {})).toBe('orders-db-dr');
    expect(
      targetIdOf(chain({ resource: { ...chain().resource, service: 'ec2', kind: 'volume' } }), {
        VolumeId: 'vol-1',
        InstanceId: 'i-1',
      }),
    ).toBe('vol-1');
    expect(
      targetIdOf(chain({ resource: { ...chain().resource, service: 'ec2', kind: 'instance' } }), {
        InstanceId: 'i-1',
      }),
    ).toBe('i-1');
  });
});

describe('spreadSample', () => {
  it('spreads a sample over the whole list, deterministically; all means all', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(spreadSample(items, 5)).toEqual([0, 2, 4, 6, 8]);
    expect(spreadSample(items, 'all')).toEqual(items);
    expect(spreadSample(items, 50)).toEqual(items);
    expect(spreadSample(items, 0)).toEqual([]);
  });
});

describe('streamDigest', () => {
  it('hashes a streamed body chunk by chunk to the same digest as the whole bytes', async () => {
    const whole = Buffer.from('line one\nline two\nline three\n');
    async function* chunks() {
      yield whole.subarray(0, 5);
      yield whole.subarray(5, 17);
      yield whole.subarray(17);
    }
    expect(await streamDigest(chunks())).toEqual(digestBytes(whole));
    expect(await streamDigest({ transformToByteArray: async () => new Uint8Array(whole) })).toEqual(
      digestBytes(whole),
    );
    expect(await streamDigest(undefined)).toEqual(digestBytes(new Uint8Array()));
  });
});
