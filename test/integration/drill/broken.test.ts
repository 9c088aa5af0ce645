import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DrillRecord, DrillRunInput, ServiceDrillResult } from '../../../electron/core/api/calls/drill';
import { drillResourceName } from '../../../electron/core/drill/drill-id';
import { drillBench, type DrillBench } from './support';

const ID = 'drill-20261126-120000-0b0b';

function only(record: DrillRecord): ServiceDrillResult {
  expect(record.services).toHaveLength(1);
  return record.services[0]!;
}

function failedCheck(s: ServiceDrillResult, id: string) {
  const c = s.checks.find((x) => x.id === id);
  expect(c, `check ${id} in ${JSON.stringify(s.checks)}`).toBeDefined();
  expect(c!.status).toBe('fail');
  return c!;
}

describe('drills fail clearly on a broken estate', () => {
  let bench: DrillBench;
  beforeEach(async () => {
    bench = await drillBench();
  });
  afterEach(() => bench.close());

  const run = (input: Partial<DrillRunInput>) =>
    bench.core.drill.run({ targets: {}, services: [], ...input }, { id: ID });

  it('S3: a bucket without versioning cannot roll back; nothing is written', async () => {
    const record = await run({ services: ['s3'], targets: { s3: 'acme-dev-scratch' } });
    const s = only(record);
    expect(s.status).toBe('fail');
    const c = failedCheck(s, 'versioning');
    expect(c.evidence).toContain('cannot be rolled back');
    expect(c.fix).toContain('put-bucket-versioning');
    expect(s.created).toEqual([]);
    expect(record.status).toBe('fail');
    expect(record.compliance[0]?.status).toBe('not met');
  });

  it('RDS: no backup in the restore region', async () => {
    const s = only(await run({ services: ['rds'], targets: { rds: 'dev-orders-db' } }));
    expect(s.status).toBe('fail');
    expect(failedCheck(s, 'recovery-point').evidence).toContain('No available snapshot of dev-orders-db');
    expect(s.created).toEqual([]);
  });

  it('RDS: a restore that fails is reported and the failed instance is still removed', async () => {
    bench.sim.faults.failRestore(drillResourceName(ID, 'rds'));
    const s = only(await run({ services: ['rds'], targets: { rds: 'orders-db' } }));
    expect(s.status).toBe('fail');
    expect(failedCheck(s, 'available').evidence).toMatch(/is failed/);
    expect(s.created.map((r) => r.id)).toEqual([drillResourceName(ID, 'rds')]);
    expect(s.leftovers).toEqual([]);
    expect(s.cleanedUp).toHaveLength(1);
  });

  it('EC2: an instance that fails its status checks fails the drill and is terminated', async () => {
    bench.sim.faults.failRestore(drillResourceName(ID, 'ec2'));
    const s = only(await run({ services: ['ec2'], targets: { ec2: 'i-0a1b2c3d4e0000005' } }));
    expect(s.status).toBe('fail');
    expect(failedCheck(s, 'status-checks').evidence).toContain('impaired');
    expect(s.leftovers).toEqual([]);
    expect(s.cleanedUp.map((r) => r.kind)).toContain('ec2-instance');
  });

  it('DynamoDB: PITR off means no point in time to restore', async () => {
    const s = only(await run({ services: ['dynamodb'], targets: { dynamodb: 'dev-orders-events' } }));
    expect(s.status).toBe('fail');
    expect(failedCheck(s, 'recovery-point').fix).toContain('update-continuous-backups');
  });

  it('DynamoDB: a restore that fails is reported', async () => {
    bench.sim.faults.failRestore(drillResourceName(ID, 'dynamodb'));
    const s = only(await run({ services: ['dynamodb'], targets: { dynamodb: 'orders-events' } }));
    expect(s.status).toBe('fail');
    expect(failedCheck(s, 'active').evidence).toContain('restore failed');
    expect(s.leftovers).toEqual([]);
  });

  it('a target that does not exist stops that service with the reason, not the drill', async () => {
    const record = await run({
      services: ['s3', 'dynamodb'],
      targets: { s3: 'acme-prod-orders', dynamodb: 'no-such-table' },
    });
    const [s3, ddb] = record.services;
    expect(s3!.status).toBe('pass');
    expect(ddb!.status).toBe('fail');
    expect(ddb!.error).toMatch(/ResourceNotFound|not found/i);
    expect(record.status).toBe('fail');
  });
});
