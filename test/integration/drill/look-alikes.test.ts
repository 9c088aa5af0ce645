import { RestoreTableToPointInTimeCommand } from '@aws-sdk/client-dynamodb';
import { CreateVolumeCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { RestoreDBInstanceFromDBSnapshotCommand } from '@aws-sdk/client-rds';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillRecord, DrillResource } from '../../../electron/core/api/calls/drill';
import { createAwsClients, TAG_INCIDENT } from '../../../electron/core/aws';
import { cleanupResources, describeResource } from '../../../electron/core/drill/cleanup';
import { drillResourceName } from '../../../electron/core/drill/drill-id';
import { DRILL_CLEANUP_POLICY } from '../../../electron/core/drill/run-drill';
import { drillObjectKey } from '../../../electron/core/drill/s3-drill';
import { drillBench, type DrillBench } from './support';

const ID = 'drill-20261126-130000-1a1a';
const WEST = 'us-west-2';
const TABLE_ARN = 'arn:aws:dynamodb:us-east-1:123456789012:table/orders-events';

describe('clean-up never touches untagged look-alikes', () => {
  let bench: DrillBench;
  let record: DrillRecord;
  const planted: DrillResource[] = [];

  beforeAll(async () => {
    bench = await drillBench();
    // Planted by "someone else": same names and prefixes as a drill's, but no drill tag.
    const aws = createAwsClients({ mode: 'TABLETOP', simulator: bench.sim.requestHandler });
    const sameRds = drillResourceName(ID, 'rds');
    for (const [id, tags] of [
      [sameRds, []],
      ['drwr-drill-rds-lookalike', [{ Key: TAG_INCIDENT, Value: 'INC-2026-001' }]],
    ] as const) {
      await aws.rds(WEST).send(
        new RestoreDBInstanceFromDBSnapshotCommand({
          DBInstanceIdentifier: id,
          DBSnapshotIdentifier: 'orders-db-weekly-2026-11-23-usw2',
          DBSubnetGroupName: 'dr-db',
          Tags: [...tags],
        }),
      );
      planted.push({ kind: 'rds-instance', region: WEST, id, drillId: null });
    }
    const run = await aws.ec2(WEST).send(
      new RunInstancesCommand({
        ImageId: 'ami-0f1e2d3c4b5a70002',
        InstanceType: 'm6i.large',
        MinCount: 1,
        MaxCount: 1,
        SubnetId: 'subnet-0f1e2d3c4b5a6a001',
        TagSpecifications: [
          { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: drillResourceName(ID, 'ec2') }] },
        ],
      }),
    );
    planted.push({ kind: 'ec2-instance', region: WEST, id: run.Instances![0]!.InstanceId!, drillId: null });
    const vol = await aws.ec2(WEST).send(
      new CreateVolumeCommand({
        AvailabilityZone: 'us-west-2a',
        Size: 10,
        TagSpecifications: [
          { ResourceType: 'volume', Tags: [{ Key: 'Name', Value: `${drillResourceName(ID, 'ec2')}-data` }] },
        ],
      }),
    );
    planted.push({ kind: 'ebs-volume', region: WEST, id: vol.VolumeId!, drillId: null });
    for (const name of [drillResourceName(ID, 'dynamodb'), 'drwr-drill-dynamodb-lookalike']) {
      await aws.dynamodb(WEST).send(
        new RestoreTableToPointInTimeCommand({
          SourceTableArn: TABLE_ARN,
          TargetTableName: name,
          UseLatestRestorableTime: true,
        }),
      );
      planted.push({ kind: 'dynamodb-table', region: WEST, id: name, drillId: null });
    }
    // The very key the drill writes its test object to, untagged.
    const put = await aws
      .s3('us-east-1')
      .send(new PutObjectCommand({ Bucket: 'acme-prod-orders', Key: drillObjectKey(ID), Body: 'planted' }));
    planted.push({
      kind: 's3-object-version',
      region: 'us-east-1',
      id: put.VersionId!,
      bucket: 'acme-prod-orders',
      key: drillObjectKey(ID),
      drillId: null,
    });
    aws.destroy();
    record = await bench.core.drill.run(
      {
        services: ['s3', 'rds', 'ec2', 'dynamodb'],
        targets: {
          s3: 'acme-prod-orders',
          rds: 'orders-db',
          ec2: 'i-0a1b2c3d4e0000005',
          dynamodb: 'orders-events',
        },
      },
      { id: ID },
    );
  }, 120_000);
  afterAll(() => bench.close());

  it('leaves every planted resource in place', async () => {
    const clients = await bench.core.session.clients();
    for (const r of planted) {
      const d = await describeResource(clients, r);
      expect({ id: r.id, exists: d.exists }).toEqual({ id: r.id, exists: true });
      if (d.exists) expect(['deleting', 'DELETING', 'terminated', 'shutting-down']).not.toContain(d.state);
    }
  });

  it('does not adopt a same-named resource: the restore conflict fails the test instead', () => {
    const rds = record.services.find((s) => s.service === 'rds')!;
    expect(rds.status).toBe('fail');
    expect(rds.error).toMatch(/AlreadyExists/);
    expect(rds.created).toEqual([]);
    const ddb = record.services.find((s) => s.service === 'dynamodb')!;
    expect(ddb.status).toBe('fail');
    expect(ddb.error).toMatch(/AlreadyExists|in use/i);
  });

  it('deletes only its own tagged versions of the shared S3 key', () => {
    const s3 = record.services.find((s) => s.service === 's3')!;
    expect(s3.status).toBe('pass');
    const plantedVersion = planted.find((p) => p.kind === 's3-object-version')!.id;
    expect(s3.cleanedUp.map((r) => r.id)).not.toContain(plantedVersion);
    expect(s3.cleanedUp).toHaveLength(3);
  });

  it('lists the untagged drill-named resources it found as not removed, with the reason and command', () => {
    const byId = new Map(record.sweep.leftovers.map((l) => [l.id, l]));
    for (const r of planted) {
      const l = byId.get(r.id);
      expect(l, `${r.id} in the sweep leftovers`).toBeDefined();
      expect(l!.reason).toMatch(/no dr-war-room:incident tag|not a drill id/);
      expect(l!.command).toContain(r.id);
      expect(l!.costRisk.length).toBeGreaterThan(10);
    }
    expect(record.sweep.cleanedUp).toEqual([]);
  });

  it('a clean-up aimed at the drill refuses each planted resource by its tag', async () => {
    const clients = (await bench.core.session.clients()).withPolicy(DRILL_CLEANUP_POLICY);
    const result = await cleanupResources(
      { cleanupClients: clients, poll: { initialMs: 10, factor: 1, maxMs: 10, timeoutMs: 1000 } },
      planted,
      { drillId: ID },
    );
    expect(result.cleanedUp).toEqual([]);
    expect(result.leftovers.map((l) => l.id).sort()).toEqual(planted.map((p) => p.id).sort());
  });
});
