import { DescribeDBInstancesCommand, ListTagsForResourceCommand } from '@aws-sdk/client-rds';
import { DescribeInstancesCommand, DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import { GetObjectCommand, ListObjectVersionsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { TAG_INCIDENT, TAG_SOURCE } from '../../../electron/core/aws';
import { RECOVER_ENTRY } from '../../../electron/core/recover/entry-types';
import type { Simulator } from '../../../electron/simulator';
import { recoverResources } from '../../fixtures/recover/resources';
import { WEB_AMI } from '../../fixtures/recover/scenario';
import { rollbackVersions } from '../../../electron/core/recover/recover-service';
import { execute, INCIDENT, plan, rdsWindow, REGIONS, startSim } from './support';

let sim: Simulator | null = null;
afterEach(() => {
  sim?.close();
  sim = null;
});

async function setup() {
  const started = await startSim();
  sim = started.sim;
  const window = await rdsWindow(started.clients, 'orders-db');
  return { ...started, resources: recoverResources(window) };
}

describe('recovery strategies through the SDK against the simulator (us-east-1 outage)', () => {
  it('fails S3 over to the replica after checking REPLICA copies, and maps old → new', async () => {
    const { clients, resources } = await setup();
    const p = plan(resources, [{ resourceId: 'acme-orders' }]);
    const { run } = await execute(clients, p);
    expect(run.status).toBe('completed');
    expect(run.endpointMap).toEqual([
      expect.objectContaining({ source: 'acme-orders', target: 'acme-orders-dr', service: 's3' }),
    ]);
  });

  it('restores RDS point-in-time from replicated backups, tagged with the incident and the source', async () => {
    const { clients, resources } = await setup();
    const p = plan(resources, [{ resourceId: 'orders-db' }]);
    const { run, journal } = await execute(clients, p);
    expect(run.status).toBe('completed');
    const target = p.chains[0]!.targetName;
    expect(target).toBe('orders-db-dr-20261126-01');
    const db = (
      await clients
        .rds(REGIONS.secondary)
        .send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: target }))
    ).DBInstances?.[0];
    expect(db?.DBInstanceStatus).toBe('available');
    expect(db?.DBSubnetGroup?.DBSubnetGroupName).toBe('dr-db');
    const tags = await clients
      .rds(REGIONS.secondary)
      .send(new ListTagsForResourceCommand({ ResourceName: db!.DBInstanceArn! }));
    expect(tags.TagList).toEqual(
      expect.arrayContaining([
        { Key: TAG_INCIDENT, Value: INCIDENT },
        { Key: TAG_SOURCE, Value: resources[1]!.arn },
      ]),
    );
    const completed = journal
      .ofType(RECOVER_ENTRY.callCompleted)
      .find((e) => e.data.operation === 'RestoreDBInstanceToPointInTime');
    expect(completed?.data).toEqual(
      expect.objectContaining({
        service: 'rds',
        resourceId: resources[1]!.id,
        targetId: target,
        requestId: expect.any(String),
      }),
    );
    expect(run.endpointMap[0]).toEqual(
      expect.objectContaining({ source: 'orders-db', target, detail: expect.stringContaining(':') }),
    );
    // The poll that saw it available is journaled too: the journal says when it became ready.
    const calls = journal
      .ofType(RECOVER_ENTRY.callCompleted)
      .filter((e) => e.data.resourceId === resources[1]!.id);
    expect(calls.at(-1)?.data).toEqual(
      expect.objectContaining({
        phase: 'ready',
        operation: 'DescribeDBInstances',
        targetId: target,
        requestId: expect.any(String),
      }),
    );
  });

  it('promotes the cross-region read replica and restores a snapshot already in us-west-2', async () => {
    const { clients, resources } = await setup();
    const p = plan(resources, [{ resourceId: 'billing-db' }, { resourceId: 'crm-db' }]);
    const { run } = await execute(clients, p);
    expect(run.status).toBe('completed');
    const rds = clients.rds(REGIONS.secondary);
    const replica = (
      await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'billing-db-usw2' }))
    ).DBInstances?.[0];
    expect(replica?.ReadReplicaSourceDBInstanceIdentifier).toBeUndefined();
    const crm = (
      await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'crm-db-dr-20261126-01' }))
    ).DBInstances?.[0];
    expect(crm?.DBInstanceStatus).toBe('available');
  });

  it('launches EC2 from the AMI in us-west-2 after the data stores of its app, then copies, creates and attaches the data volume in its AZ', async () => {
    const { clients, resources } = await setup();
    const p = plan(resources, [
      { resourceId: 'web-1' },
      { resourceId: resources[5]!.id },
      { resourceId: 'orders-db' },
    ]);
    const web = p.chains.find((c) => c.resource.name === 'web-1')!;
    expect(web.dependsOn).toContain(resources[1]!.id);
    const { run } = await execute(clients, p);
    expect(run.status).toBe('completed');
    const instanceId = run.actions[web.actions[0]!.id]!.output.InstanceId!;
    const ec2 = clients.ec2(REGIONS.secondary);
    const instance = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] })))
      .Reservations?.[0]?.Instances?.[0];
    expect(instance?.Tags).toEqual(expect.arrayContaining([{ Key: TAG_INCIDENT, Value: INCIDENT }]));
    const volumeChain = p.chains.find((c) => c.resource.kind === 'volume')!;
    const volumeId = run.actions[volumeChain.actions[1]!.id]!.output.VolumeId!;
    const volume = (await ec2.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] }))).Volumes?.[0];
    expect(volume?.AvailabilityZone).toBe(instance?.Placement?.AvailabilityZone);
    expect(volume?.Attachments?.[0]).toEqual(
      expect.objectContaining({ InstanceId: instanceId, Device: '/dev/sdf' }),
    );
    // The restore calls of the web instance started only after the database was available.
    const dbDone =
      run.actions[p.chains.find((c) => c.resource.name === 'orders-db')!.actions[0]!.id]!.finishedAt!;
    expect(run.actions[web.actions[0]!.id]!.startedAt! >= dbDone).toBe(true);
  });

  it('copies an AMI (ClientToken) then launches, when us-east-1 answers', async () => {
    const started = await startSim({ mutate: (s) => delete s.faults });
    sim = started.sim;
    const resources = recoverResources(await rdsWindow(started.clients, 'orders-db'));
    const p = plan(resources, [{ resourceId: 'web-1', strategy: 'ec2-ami-copy-launch' }]);
    expect(p.chains[0]!.actions[0]!.calls[0]!.params).toEqual(
      expect.objectContaining({ SourceImageId: WEB_AMI, ClientToken: expect.stringMatching(/^drwr-/) }),
    );
    const { run } = await execute(started.clients, p);
    expect(run.status).toBe('completed');
    expect(run.endpointMap[0]?.target).toMatch(/^i-/);
  });

  it('rolls back an object in a primary-region bucket, reading and copying in that region', async () => {
    const started = await startSim({ mutate: (s) => delete s.faults });
    sim = started.sim;
    const raw = new S3Client({
      region: REGIONS.primary,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      requestHandler: started.sim.requestHandler,
    });
    const first = await raw.send(
      new PutObjectCommand({ Bucket: 'acme-orders', Key: 'price.json', Body: '{"v":1}' }),
    );
    await raw.send(
      new PutObjectCommand({ Bucket: 'acme-orders', Key: 'price.json', Body: '{"v":"corrupt"}' }),
    );
    const resources = [
      {
        id: 'arn:aws:s3:::acme-orders',
        service: 's3' as const,
        kind: 'bucket' as const,
        name: 'acme-orders',
        arn: 'arn:aws:s3:::acme-orders',
        region: REGIONS.primary,
        tier: 'production',
        tags: {},
        details: {},
        options: [
          {
            data: {
              strategy: 's3-version-rollback' as const,
              bucket: 'acme-orders',
              region: REGIONS.primary,
              objects: [],
            },
            available: true,
            note: null,
            rpoMinutes: 0,
            best: true,
          },
        ],
      },
    ];
    const p = plan(resources, [
      { resourceId: 'acme-orders', objects: [{ key: 'price.json', versionId: first.VersionId! }] },
    ]);
    expect(p.chains[0]!.actions[0]!.calls[0]!.cli).toContain('--region us-east-1');
    const { run } = await execute(started.clients, p);
    expect(run.status).toBe('completed');
    const body = await (
      await raw.send(new GetObjectCommand({ Bucket: 'acme-orders', Key: 'price.json' }))
    ).Body?.transformToString();
    expect(body).toBe('{"v":1}');
  });

  it('rolls an object back to a version with CopyObject', async () => {
    const { clients } = await setup();
    const versions = await clients
      .s3(REGIONS.secondary)
      .send(new ListObjectVersionsCommand({ Bucket: 'acme-site' }));
    const good = versions.Versions?.find((v) => !v.IsLatest);
    if (!good?.VersionId) throw new Error('no earlier version in the scenario');
    const resources = [
      {
        id: 'arn:aws:s3:::acme-site',
        service: 's3' as const,
        kind: 'bucket' as const,
        name: 'acme-site',
        arn: 'arn:aws:s3:::acme-site',
        region: REGIONS.secondary,
        tier: 'production',
        tags: {},
        details: {},
        options: [
          {
            data: {
              strategy: 's3-version-rollback' as const,
              bucket: 'acme-site',
              region: REGIONS.secondary,
              objects: [],
            },
            available: true,
            note: null,
            rpoMinutes: 0,
            best: true,
          },
        ],
      },
    ];
    const p = plan(resources, [
      { resourceId: 'acme-site', objects: [{ key: 'index.html', versionId: good.VersionId }] },
    ]);
    const cli = p.chains[0]!.actions[0]!.calls[0]!.cli;
    expect(cli).toContain('aws s3api copy-object --region us-west-2 --bucket acme-site --key index.html');
    expect(cli).toContain(`?versionId=${good.VersionId}`);
    const { run } = await execute(clients, p);
    expect(run.status).toBe('completed');
    const body = await (
      await clients
        .s3(REGIONS.secondary)
        .send(new GetObjectCommand({ Bucket: 'acme-site', Key: 'index.html' }))
    ).Body?.transformToString();
    expect(body).toBe('<h1>good</h1>');
    // Rolling back to a time picks the versions from ListObjectVersions (read calls only).
    const byTime = await rollbackVersions(
      clients,
      [
        {
          resourceId: 'acme-site',
          strategy: 's3-version-rollback',
          restoreTime: new Date(good.LastModified!.getTime() + 1000).toISOString(),
        },
      ],
      resources,
    );
    expect(byTime[0]!.objects).toEqual([
      expect.objectContaining({ key: 'index.html', versionId: good.VersionId }),
    ]);
    // Running it again copies nothing: the current version already equals the chosen one.
    const again = await execute(clients, p);
    expect(again.run.actions[p.chains[0]!.actions[0]!.id]!.output.Skipped).toBe('1');
  });
});
