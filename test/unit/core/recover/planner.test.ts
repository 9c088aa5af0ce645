import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../../electron/core/recover/planner';
import type { RecoverableResource } from '../../../../electron/core/recover/types';
import { db, FACTS, input, instance, table } from './fixtures';

/** A 50 GiB data volume of `web` at /dev/sdf, recoverable from one EBS snapshot (which `snapshot` names). */
function dataVolumeOf(
  web: RecoverableResource,
  snapshot: { sourceSnapshotId: string; snapshotRegion?: string; encrypted: boolean },
): RecoverableResource {
  return {
    ...instance('web-data'),
    id: `${web.id}/vol-1`,
    kind: 'volume',
    options: [
      {
        data: {
          strategy: 'ebs-snapshot-copy',
          ...snapshot,
          createdAt: '2026-11-26T00:00:00Z',
          sizeGiB: 50,
          attach: { instanceResourceId: web.id, device: '/dev/sdf' },
        },
        available: true,
        note: null,
        rpoMinutes: 240,
        best: true,
      },
    ],
  };
}

describe('buildPlan', () => {
  it('is pure: the same input gives the same plan', () => {
    const i = input([db('orders'), table('events')]);
    expect(buildPlan(i)).toEqual(buildPlan(i));
  });

  it('chooses the best available option, lists the alternatives, and derives target names from the source and the incident', () => {
    const plan = buildPlan(input([db('orders')]));
    const chain = plan.chains[0]!;
    expect(chain.strategy).toBe('rds-pitr-cross-region');
    expect(chain.targetName).toBe('orders-dr-20261126-01');
    expect(chain.alternatives).toEqual([
      expect.objectContaining({ strategy: 'rds-snapshot-copy-restore', available: false }),
    ]);
    const call = chain.actions[0]!.calls[0]!;
    expect(call.params).toEqual(
      expect.objectContaining({
        UseLatestRestorableTime: true,
        DBSubnetGroupName: 'dr-db',
        VpcSecurityGroupIds: ['sg-0f2'],
        MultiAZ: false,
        DBInstanceClass: 'db.r6g.large',
      }),
    );
    expect(call.cli).toContain('aws rds restore-db-instance-to-point-in-time --region us-west-2');
    expect(call.cli).toContain('--use-latest-restorable-time');
    expect(plan.runnable).toBe(true);
  });

  it('refuses a restore time outside the window, showing the window', () => {
    const plan = buildPlan(
      input([db('orders')], { selection: [{ resourceId: 'orders', restoreTime: '2026-11-26T03:50:00Z' }] }),
    );
    const p = plan.problems.find((x) => x.code === 'restore-window')!;
    expect(p.severity).toBe('error');
    expect(p.message).toContain('2026-11-20T00:00:00.000Z to 2026-11-26T03:40:00.000Z');
    expect(plan.chains[0]!.blocked).toBe(true);
    expect(plan.runnable).toBe(false);
  });

  it('uses a restore time inside the window', () => {
    const plan = buildPlan(
      input([db('orders')], { selection: [{ resourceId: 'orders', restoreTime: '2026-11-26T03:00:00Z' }] }),
    );
    expect(plan.chains[0]!.actions[0]!.calls[0]!.params.RestoreTime).toBe('2026-11-26T03:00:00Z');
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('lists a missing mapping, a name that is taken, and targets that do not exist', () => {
    const noMapping = buildPlan(input([db('orders')], { mapping: { defaults: {}, resources: {} } }));
    expect(noMapping.problems).toContainEqual(
      expect.objectContaining({ code: 'missing-mapping', severity: 'error' }),
    );
    const taken = buildPlan(
      input([db('orders')], {
        facts: { ...FACTS, existing: { 'rds:orders-dr-20261126-01': { incident: null, id: 'x' } } },
      }),
    );
    expect(taken.problems).toContainEqual(expect.objectContaining({ code: 'name-taken', severity: 'error' }));
    const ours = buildPlan(
      input([db('orders')], {
        facts: {
          ...FACTS,
          existing: { 'rds:orders-dr-20261126-01': { incident: 'DR-20261126-01', id: 'x' } },
        },
      }),
    );
    expect(ours.problems).toContainEqual(
      expect.objectContaining({ code: 'adopt-existing', severity: 'info' }),
    );
    expect(ours.runnable).toBe(true);
    const missing = buildPlan(
      input([db('orders')], { facts: { ...FACTS, subnetGroups: [], securityGroups: [] } }),
    );
    expect(missing.problems.filter((p) => p.code === 'target-missing')).toHaveLength(2);
  });

  it('warns when a quota will queue (more than 50 table restores)', () => {
    const tables = Array.from({ length: 55 }, (_, i) => table(`t${i}`));
    const plan = buildPlan(input(tables));
    const q = plan.problems.find((p) => p.code === 'quota-queue')!;
    expect(q.message).toContain('55 actions need the table-restore quota (50 at a time): 5 will queue');
    expect(plan.estimatedRtoMinutes).toBeGreaterThan(plan.chains[0]!.estimatedFinishMinutes);
  });

  it('re-applies PITR, TTL and the source tags after a table restore when chosen', () => {
    const plan = buildPlan(input([table('events')]));
    const reapply = plan.chains[0]!.actions[1]!;
    expect(reapply.calls.map((c) => c.operation)).toEqual([
      'TagResource',
      'UpdateContinuousBackups',
      'UpdateTimeToLive',
    ]);
    expect(reapply.calls[0]!.params.ResourceArn).toEqual(expect.objectContaining({ field: 'TableArn' }));
    expect(reapply.calls[0]!.cli).toContain('"$TABLE_ARN"');
    const none = buildPlan(
      input([table('events')], {
        options: { ...input([]).options, reapply: { pitr: false, ttl: false, tags: false } },
      }),
    );
    expect(none.chains[0]!.actions[1]!.calls.map((c) => c.operation)).toEqual(['TagResource']);
  });

  it('orders compute after the data stores of its application, and explicit dependencies', () => {
    const data = db('orders', { tags: { app: 'shop' } });
    const web = instance('web', { tags: { app: 'shop' } });
    const worker = instance('worker', { tags: { 'dr-war-room:depends-on': 'web' } });
    const plan = buildPlan(input([worker, web, data]));
    const by = Object.fromEntries(plan.chains.map((c) => [c.resource.name, c]));
    expect(by.web!.dependsOn).toEqual([data.id]);
    expect(by.worker!.dependsOn).toEqual([web.id]);
    expect([by.orders!.depth, by.web!.depth, by.worker!.depth]).toEqual([0, 1, 2]);
    expect(plan.depth).toBe(2);
    expect(plan.chains.map((c) => c.resource.name)).toEqual(['orders', 'web', 'worker']);
    expect(by.web!.actions[0]!.after).toContain(by.orders!.actions[0]!.id);
    expect(by.worker!.estimatedFinishMinutes).toBeGreaterThan(by.web!.estimatedFinishMinutes);
  });

  it('reports a dependency cycle and an unknown dependency', () => {
    const a = instance('a', { tags: { 'dr-war-room:depends-on': 'b' } });
    const b = instance('b', { tags: { 'dr-war-room:depends-on': 'a,ghost' } });
    const plan = buildPlan(input([a, b]));
    expect(plan.problems).toContainEqual(
      expect.objectContaining({ code: 'dependency-cycle', severity: 'error' }),
    );
    expect(plan.problems).toContainEqual(
      expect.objectContaining({ code: 'unknown-dependency', severity: 'warning' }),
    );
  });

  it('blocks the dependants of a blocked chain', () => {
    const data = db('orders', { tags: { app: 'shop' } });
    const web = instance('web', { tags: { app: 'shop' } });
    const plan = buildPlan(
      input([data, web], {
        selection: [{ resourceId: data.id, restoreTime: '2020-01-01T00:00:00Z' }, { resourceId: web.id }],
      }),
    );
    expect(plan.chains.every((c) => c.blocked)).toBe(true);
    expect(plan.runnable).toBe(false);
  });

  it('attaches a recovered volume to the recovered instance, in its Availability Zone', () => {
    const web = instance('web');
    const volume = dataVolumeOf(web, { sourceSnapshotId: 'snap-0123456789abcdef0', encrypted: false });
    const plan = buildPlan(input([web, volume]));
    const v = plan.chains.find((c) => c.id === volume.id)!;
    const launch = plan.chains.find((c) => c.id === web.id)!.actions[0]!.id;
    expect(v.dependsOn).toEqual([web.id]);
    expect(v.actions[1]!.calls[0]!.params.AvailabilityZone).toEqual({
      $ref: `${launch}.AvailabilityZone`,
      action: launch,
      field: 'AvailabilityZone',
    });
    expect(v.actions[2]!.calls[0]!.params).toEqual(
      expect.objectContaining({
        Device: '/dev/sdf',
        InstanceId: expect.objectContaining({ action: launch }),
      }),
    );
    expect(v.actions[0]!.quota).toBe('cross-region-snapshot-copy');
  });

  it('creates the volume straight from a snapshot already copied into the secondary region', () => {
    const web = instance('web');
    const volume = dataVolumeOf(web, {
      sourceSnapshotId: 'snap-0f1e2d3c4b5a90001',
      snapshotRegion: 'us-west-2',
      encrypted: true,
    });
    const plan = buildPlan(input([web, volume]));
    const v = plan.chains.find((c) => c.id === volume.id)!;
    const launch = plan.chains.find((c) => c.id === web.id)!.actions[0]!.id;
    expect(v.actions.map((a) => a.kind)).toEqual(['ec2.create-volume', 'ec2.attach-volume']);
    expect(v.actions.flatMap((a) => a.calls.map((c) => c.operation))).not.toContain('CopySnapshot');
    expect(v.actions[0]!.calls[0]!.params.SnapshotId).toBe('snap-0f1e2d3c4b5a90001');
    expect(v.actions[0]!.after).toEqual([launch]);
    expect(v.actions[0]!.quota).toBeNull();
    expect(v.actions[1]!.after).toEqual([v.actions[0]!.id]);
    // No copy, so no KMS key is needed for one.
    expect(plan.problems.filter((p) => p.chainId === v.id && p.severity === 'error')).toEqual([]);
    expect(v.blocked).toBe(false);
  });

  it('refuses an unknown resource and a strategy the resource does not have', () => {
    const plan = buildPlan(
      input([db('orders')], {
        selection: [{ resourceId: 'nope' }, { resourceId: 'orders', strategy: 'ec2-ami-launch' }],
      }),
    );
    expect(plan.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['unknown-resource', 'no-option']),
    );
    expect(plan.runnable).toBe(false);
  });

  it('gives every create with a ClientToken a deterministic token', () => {
    const a = buildPlan(input([instance('web')]));
    const b = buildPlan(input([instance('web')], { now: new Date('2026-11-26T05:00:00Z') }));
    const token = (p: typeof a) => p.chains[0]!.actions[0]!.calls[0]!.params.ClientToken;
    expect(token(a)).toMatch(/^drwr-[0-9a-f]{16}$/);
    expect(token(a)).toBe(token(b));
  });
});
