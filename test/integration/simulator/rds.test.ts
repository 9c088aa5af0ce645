import {
  AddTagsToResourceCommand,
  CopyDBSnapshotCommand,
  CreateDBSnapshotCommand,
  DeleteDBInstanceCommand,
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  DescribeDBSubnetGroupsCommand,
  ListTagsForResourceCommand,
  PromoteReadReplicaCommand,
  RDSClient,
  RestoreDBInstanceFromDBSnapshotCommand,
  RestoreDBInstanceToPointInTimeCommand,
  paginateDescribeDBInstances,
  waitUntilDBInstanceAvailable,
  waitUntilDBSnapshotAvailable,
} from '@aws-sdk/client-rds';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../electron/simulator';
import { rdsService } from '../../../electron/simulator/services/rds';
import type { RdsSectionInput } from '../../../electron/simulator/services/rds';
import { sdkFailure } from '../../support/sdk-failure';
import { simClient } from '../../support/sim-clients';

const ACCOUNT = '111122223333';
const START = '2026-11-26T03:00:00.000Z';
const WEST_KEY = `arn:aws:kms:us-west-2:${ACCOUNT}:key/11111111-2222-3333-4444-555555555555`;
const EAST_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/99999999-2222-3333-4444-555555555555`;

function scenario(): Record<string, unknown> {
  const devInstances: NonNullable<RdsSectionInput['instances']> = Array.from({ length: 30 }, (_, n) => ({
    id: `dev-db-${String(n).padStart(2, '0')}`,
    region: 'us-east-1',
    engine: 'mysql' as const,
    engineVersion: '8.0.39',
    class: 'db.t4g.medium',
    storage: 20,
    backupRetention: 1,
    tags: { tier: 'development' },
  }));
  const rds: RdsSectionInput = {
    subnetGroups: [
      {
        name: 'prod-db',
        region: 'us-east-1',
        vpcId: 'vpc-0e1',
        subnets: [
          { id: 'subnet-0e1a', az: 'us-east-1a' },
          { id: 'subnet-0e1b', az: 'us-east-1b' },
        ],
      },
      {
        name: 'dr-db',
        region: 'us-west-2',
        vpcId: 'vpc-0f2',
        subnets: [
          { id: 'subnet-0f2a', az: 'us-west-2a' },
          { id: 'subnet-0f2b', az: 'us-west-2b' },
        ],
      },
    ],
    instances: [
      {
        id: 'orders-db',
        region: 'us-east-1',
        engine: 'postgres',
        engineVersion: '16.4',
        class: 'db.r6g.xlarge',
        storage: 500,
        multiAZ: true,
        encrypted: true,
        kmsKeyId: EAST_KEY,
        backupRetention: 14,
        subnetGroup: 'prod-db',
        securityGroups: ['sg-0aa'],
        age: '400d',
        tags: { tier: 'production', Name: 'orders-db' },
        replicateBackupsTo: { region: 'us-west-2', retention: 7, kmsKeyId: WEST_KEY },
        readReplicas: [
          {
            id: 'orders-db-usw2',
            region: 'us-west-2',
            subnetGroup: 'dr-db',
            transition: { status: 'backing-up', for: '30m' },
          },
        ],
      },
      ...devInstances,
    ],
    snapshots: [
      { id: 'orders-db-manual', region: 'us-east-1', instance: 'orders-db', age: '2d' },
      {
        id: 'orders-db-manual-usw2',
        region: 'us-west-2',
        instance: 'orders-db',
        age: '2d',
        copiedFrom: { region: 'us-east-1', id: 'orders-db-manual' },
        kmsKeyId: WEST_KEY,
      },
    ],
  };
  return {
    name: 'rds-test',
    title: 'RDS test',
    accountId: ACCOUNT,
    regions: ['us-east-1', 'us-west-2'],
    startTime: START,
    seed: 7,
    rds,
  };
}

let sim: Simulator;
let east: RDSClient;
let west: RDSClient;

function client(region: string): RDSClient {
  return simClient(RDSClient, sim, region);
}

beforeEach(async () => {
  sim = await createSimulator({ scenarioData: scenario(), services: [rdsService], realNow: () => 0 });
  east = client('us-east-1');
  west = client('us-west-2');
});

afterEach(() => sim.close());

describe('RDS through the real SDK v3 client', () => {
  it('describes instances with filters and paginates with the SDK paginator', async () => {
    const one = await east.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-db' }));
    const orders = one.DBInstances?.[0];
    expect(orders).toMatchObject({
      DBInstanceIdentifier: 'orders-db',
      Engine: 'postgres',
      DBInstanceStatus: 'available',
      MultiAZ: true,
      StorageEncrypted: true,
      KmsKeyId: EAST_KEY,
      BackupRetentionPeriod: 14,
      DBSubnetGroup: { DBSubnetGroupName: 'prod-db' },
      VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0aa', Status: 'active' }],
      ReadReplicaDBInstanceIdentifiers: [expect.stringContaining(':db:orders-db-usw2')],
    });
    expect(orders?.Endpoint?.Port).toBe(5432);
    expect(orders?.LatestRestorableTime?.toISOString()).toBe('2026-11-26T02:55:00.000Z');
    expect(orders?.TagList).toContainEqual({ Key: 'tier', Value: 'production' });

    const pages: number[] = [];
    for await (const page of paginateDescribeDBInstances({ client: east, pageSize: 20 }, {}))
      pages.push(page.DBInstances?.length ?? 0);
    expect(pages).toEqual([20, 11]);

    const filtered = await east.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: 'engine', Values: ['postgres'] }] }),
    );
    expect(filtered.DBInstances?.map((i) => i.DBInstanceIdentifier)).toEqual(['orders-db']);
  });

  it('answers AWS errors with their codes, statuses and messages', async () => {
    expect(
      await sdkFailure(east.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'nope' }))),
    ).toEqual({
      name: 'DBInstanceNotFoundFault',
      message: 'DBInstance nope not found.',
      status: 404,
    });
    const bad = await sdkFailure(east.send(new DescribeDBInstancesCommand({ MaxRecords: 5 })));
    expect(bad.name).toBe('InvalidParameterValue');
    expect(bad.message).toContain('between 20 and 100');
    expect(
      (await sdkFailure(west.send(new DescribeDBSubnetGroupsCommand({ DBSubnetGroupName: 'prod-db' })))).name,
    ).toBe('DBSubnetGroupNotFoundFault');
    const groups = await west.send(new DescribeDBSubnetGroupsCommand({}));
    expect(groups.DBSubnetGroups?.map((g) => g.DBSubnetGroupName)).toEqual(['dr-db']);
  });

  it('restores replicated automated backups into us-west-2 at a point in time and the waiter sees it become available', async () => {
    const backups = await west.send(new DescribeDBInstanceAutomatedBackupsCommand({}));
    expect(backups.DBInstanceAutomatedBackups).toHaveLength(1);
    const backup = backups.DBInstanceAutomatedBackups?.[0];
    expect(backup).toMatchObject({
      DBInstanceIdentifier: 'orders-db',
      Region: 'us-east-1',
      Status: 'replicating',
      KmsKeyId: WEST_KEY,
    });
    expect(backup?.RestoreWindow?.LatestTime?.toISOString()).toBe('2026-11-26T02:55:00.000Z');
    expect(backup?.RestoreWindow?.EarliestTime?.toISOString()).toBe('2026-11-19T03:00:00.000Z');

    const tooOld = await sdkFailure(
      west.send(
        new RestoreDBInstanceToPointInTimeCommand({
          SourceDBInstanceAutomatedBackupsArn: backup?.DBInstanceAutomatedBackupsArn,
          TargetDBInstanceIdentifier: 'orders-db-dr',
          RestoreTime: new Date('2026-11-01T00:00:00Z'),
        }),
      ),
    );
    expect(tooOld.name).toBe('InvalidRestoreFault');
    expect(tooOld.message).toContain('2026-11-19T03:00:00.000Z');
    expect(tooOld.message).toContain('2026-11-26T02:55:00.000Z');

    const restored = await west.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDBInstanceAutomatedBackupsArn: backup?.DBInstanceAutomatedBackupsArn,
        TargetDBInstanceIdentifier: 'orders-db-dr',
        RestoreTime: new Date('2026-11-26T02:00:00Z'),
        DBSubnetGroupName: 'dr-db',
        VpcSecurityGroupIds: ['sg-0d7'],
        DBInstanceClass: 'db.r6g.xlarge',
        MultiAZ: true,
        Tags: [{ Key: 'dr-war-room:incident', Value: 'inc-1' }],
      }),
    );
    expect(restored.DBInstance).toMatchObject({
      DBInstanceIdentifier: 'orders-db-dr',
      DBInstanceStatus: 'creating',
      Engine: 'postgres',
      MultiAZ: true,
      KmsKeyId: WEST_KEY,
      VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0d7', Status: 'active' }],
    });

    const again = await sdkFailure(
      west.send(
        new RestoreDBInstanceToPointInTimeCommand({
          SourceDBInstanceAutomatedBackupsArn: backup?.DBInstanceAutomatedBackupsArn,
          TargetDBInstanceIdentifier: 'orders-db-dr',
          UseLatestRestorableTime: true,
        }),
      ),
    );
    expect(again.name).toBe('DBInstanceAlreadyExistsFault');

    const seen: string[] = [];
    const stop = sim.onRequest(() => sim.clock.advance(2 * 60_000));
    const result = await waitUntilDBInstanceAvailable(
      { client: west, maxWaitTime: 60, minDelay: 0.01, maxDelay: 0.02 },
      { DBInstanceIdentifier: 'orders-db-dr' },
    );
    stop();
    seen.push(result.state);
    expect(seen).toEqual(['SUCCESS']);
    const after = await west.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-db-dr' }));
    expect(after.DBInstances?.[0]?.DBInstanceStatus).toBe('available');
    expect(after.DBInstances?.[0]?.TagList).toEqual([{ Key: 'dr-war-room:incident', Value: 'inc-1' }]);
  });

  it('does not restore across regions by SourceDBInstanceIdentifier, and honours a failing-restore fault', async () => {
    const cross = await sdkFailure(
      west.send(
        new RestoreDBInstanceToPointInTimeCommand({
          SourceDBInstanceIdentifier: 'orders-db',
          TargetDBInstanceIdentifier: 'orders-db-dr',
          UseLatestRestorableTime: true,
        }),
      ),
    );
    expect(cross.name).toBe('DBInstanceNotFoundFault');

    sim.faults.failRestore('orders-db-pitr');
    const started = await east.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDBInstanceIdentifier: 'orders-db',
        TargetDBInstanceIdentifier: 'orders-db-pitr',
        UseLatestRestorableTime: true,
      }),
    );
    expect(started.DBInstance?.DBInstanceStatus).toBe('creating');
    sim.clock.advance(30 * 60_000);
    const after = await east.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-db-pitr' }));
    expect(after.DBInstances?.[0]?.DBInstanceStatus).toBe('failed');
  });

  it('copies a snapshot across regions by ARN with KMS and quota checks, then restores from it', async () => {
    const source = `arn:aws:rds:us-east-1:${ACCOUNT}:snapshot:orders-db-manual`;
    const noKey = await sdkFailure(
      west.send(
        new CopyDBSnapshotCommand({
          SourceDBSnapshotIdentifier: source,
          TargetDBSnapshotIdentifier: 'orders-copy',
        }),
      ),
    );
    expect(noKey.name).toBe('InvalidParameterValue');
    expect(noKey.message).toContain('KmsKeyId');
    const wrongKey = await sdkFailure(
      west.send(
        new CopyDBSnapshotCommand({
          SourceDBSnapshotIdentifier: source,
          TargetDBSnapshotIdentifier: 'orders-copy',
          KmsKeyId: EAST_KEY,
        }),
      ),
    );
    expect(wrongKey.name).toBe('KMSKeyNotAccessibleFault');

    sim.faults.setQuota('rds.concurrentSnapshotCopies', 1);
    const copy = await west.send(
      new CopyDBSnapshotCommand({
        SourceDBSnapshotIdentifier: source,
        TargetDBSnapshotIdentifier: 'orders-copy',
        KmsKeyId: WEST_KEY,
        CopyTags: true,
      }),
    );
    expect(copy.DBSnapshot).toMatchObject({
      DBSnapshotIdentifier: 'orders-copy',
      Status: 'copying',
      SourceRegion: 'us-east-1',
      SourceDBSnapshotIdentifier: source,
      KmsKeyId: WEST_KEY,
      Encrypted: true,
    });
    const quota = await sdkFailure(
      west.send(
        new CopyDBSnapshotCommand({
          SourceDBSnapshotIdentifier: source,
          TargetDBSnapshotIdentifier: 'orders-copy-2',
          KmsKeyId: WEST_KEY,
        }),
      ),
    );
    expect(quota.name).toBe('SnapshotQuotaExceededFault');

    const early = await sdkFailure(
      west.send(
        new RestoreDBInstanceFromDBSnapshotCommand({
          DBSnapshotIdentifier: 'orders-copy',
          DBInstanceIdentifier: 'orders-from-snap',
        }),
      ),
    );
    expect(early.name).toBe('InvalidDBSnapshotStateFault');

    const stop = sim.onRequest(() => sim.clock.advance(5 * 60_000));
    const waited = await waitUntilDBSnapshotAvailable(
      { client: west, maxWaitTime: 60, minDelay: 0.01, maxDelay: 0.02 },
      { DBSnapshotIdentifier: 'orders-copy' },
    );
    stop();
    expect(waited.state).toBe('SUCCESS');

    const restored = await west.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBSnapshotIdentifier: 'orders-copy',
        DBInstanceIdentifier: 'orders-from-snap',
        DBSubnetGroupName: 'dr-db',
      }),
    );
    expect(restored.DBInstance).toMatchObject({
      DBInstanceStatus: 'creating',
      DBSubnetGroup: { DBSubnetGroupName: 'dr-db' },
    });

    const listed = await west.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'orders-db' }));
    expect(listed.DBSnapshots?.map((s) => s.DBSnapshotIdentifier).sort()).toEqual([
      'orders-copy',
      'orders-db-manual-usw2',
    ]);
  });

  it('takes a final snapshot on delete: manual, with the instance tags, refused before deleting when the name is taken', async () => {
    await east.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'orders-db',
        DBSnapshotIdentifier: 'taken',
        Tags: [{ Key: 'extra', Value: 'yes' }],
      }),
    );
    const taken = await sdkFailure(
      east.send(
        new DeleteDBInstanceCommand({
          DBInstanceIdentifier: 'orders-db',
          FinalDBSnapshotIdentifier: 'taken',
        }),
      ),
    );
    expect(taken.name).toBe('DBSnapshotAlreadyExistsFault');
    const still = await east.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-db' }));
    expect(still.DBInstances?.[0]?.DBInstanceStatus).not.toBe('deleting');

    await east.send(
      new DeleteDBInstanceCommand({
        DBInstanceIdentifier: 'orders-db',
        FinalDBSnapshotIdentifier: 'orders-final',
      }),
    );
    const [created, final] = await Promise.all(
      ['taken', 'orders-final'].map(async (id) => {
        const out = await east.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: id }));
        return out.DBSnapshots?.[0];
      }),
    );
    expect(final).toMatchObject({
      DBInstanceIdentifier: 'orders-db',
      SnapshotType: 'manual',
      Status: 'creating',
    });
    expect(final?.TagList).toEqual(still.DBInstances?.[0]?.TagList);
    expect(created?.TagList).toEqual([
      ...(still.DBInstances?.[0]?.TagList ?? []),
      { Key: 'extra', Value: 'yes' },
    ]);
  });

  it('creates snapshots, promotes replicas only when available, deletes instances and tags resources', async () => {
    const snap = await east.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'orders-db', DBSnapshotIdentifier: 'drill-1' }),
    );
    expect(snap.DBSnapshot).toMatchObject({ Status: 'creating', SnapshotType: 'manual' });
    expect(
      (
        await sdkFailure(
          east.send(
            new CreateDBSnapshotCommand({
              DBInstanceIdentifier: 'orders-db',
              DBSnapshotIdentifier: 'drill-1',
            }),
          ),
        )
      ).name,
    ).toBe('DBSnapshotAlreadyExistsFault');

    const busy = await sdkFailure(
      west.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: 'orders-db-usw2' })),
    );
    expect(busy.name).toBe('InvalidDBInstanceStateFault');
    expect(busy.message).toContain('backing-up');
    sim.clock.advance(31 * 60_000);
    const promoted = await west.send(
      new PromoteReadReplicaCommand({ DBInstanceIdentifier: 'orders-db-usw2' }),
    );
    expect(promoted.DBInstance?.DBInstanceStatus).toBe('modifying');
    expect(promoted.DBInstance?.ReadReplicaSourceDBInstanceIdentifier).toBeUndefined();

    const arn = `arn:aws:rds:us-east-1:${ACCOUNT}:db:dev-db-00`;
    await east.send(
      new AddTagsToResourceCommand({
        ResourceName: arn,
        Tags: [
          { Key: 'owner', Value: 'sre' },
          { Key: 'tier', Value: 'dev' },
        ],
      }),
    );
    const tags = await east.send(new ListTagsForResourceCommand({ ResourceName: arn }));
    expect(tags.TagList).toEqual([
      { Key: 'tier', Value: 'dev' },
      { Key: 'owner', Value: 'sre' },
    ]);

    expect(
      (await sdkFailure(east.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'dev-db-00' })))).name,
    ).toBe('InvalidParameterCombination');
    const deleting = await east.send(
      new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'dev-db-00', SkipFinalSnapshot: true }),
    );
    expect(deleting.DBInstance?.DBInstanceStatus).toBe('deleting');
    sim.clock.advance(10 * 60_000);
    expect(
      (await sdkFailure(east.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'dev-db-00' }))))
        .name,
    ).toBe('DBInstanceNotFoundFault');
  });
});

describe('RDS state across a save and reload', () => {
  it('resumes a restore started before the save', async () => {
    const backup = (await west.send(new DescribeDBInstanceAutomatedBackupsCommand({})))
      .DBInstanceAutomatedBackups?.[0];
    await west.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDBInstanceAutomatedBackupsArn: backup?.DBInstanceAutomatedBackupsArn,
        TargetDBInstanceIdentifier: 'orders-db-dr',
        UseLatestRestorableTime: true,
      }),
    );
    const saved = JSON.parse(JSON.stringify(sim.save())) as ReturnType<Simulator['save']>;
    sim.close();
    sim = await createSimulator({ state: saved, services: [rdsService], realNow: () => 0 });
    west = client('us-west-2');
    const resumed = await west.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-db-dr' }));
    expect(resumed.DBInstances?.[0]).toMatchObject({
      DBInstanceStatus: 'creating',
      DBInstanceClass: 'db.r6g.xlarge',
      MultiAZ: false,
    });
    sim.clock.advance(30 * 60_000);
    const done = await west.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-db-dr' }));
    expect(done.DBInstances?.[0]?.DBInstanceStatus).toBe('available');
  });
});

describe('RDS under injected faults', () => {
  it('answers throttling and a failed region in the awsQuery error shape', async () => {
    sim.faults.throttle(1, { service: 'rds' });
    expect(await sdkFailure(east.send(new DescribeDBInstancesCommand({})))).toMatchObject({
      name: 'Throttling',
      status: 400,
    });
    sim.faults.throttle(0, { service: 'rds' });
    sim.faults.regionDown('us-east-1', '5xx');
    expect(await sdkFailure(east.send(new DescribeDBInstancesCommand({})))).toMatchObject({
      name: 'ServiceUnavailable',
      status: 503,
    });
    const west = await client('us-west-2').send(new DescribeDBInstancesCommand({}));
    expect(west.DBInstances?.length).toBeGreaterThan(0);
  });
});

describe('RDS malformed requests (raw HTTP)', () => {
  async function raw(body: string): Promise<{ status: number; body: string }> {
    const res = await sim.handle({
      method: 'POST',
      hostname: 'rds.us-east-1.amazonaws.com',
      path: '/',
      rawQuery: '',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization:
          'AWS4-HMAC-SHA256 Credential=test/20261126/us-east-1/rds/aws4_request, SignedHeaders=host, Signature=x',
      },
      body: Buffer.from(body),
    });
    return { status: res.status, body: String(res.body) };
  }

  it('answers unknown actions, wrong types and missing parameters with AWS-shaped 400s', async () => {
    const unknown = await raw('Action=LaunchRockets&Version=2014-10-31');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain('<Code>InvalidAction</Code>');
    const wrongType = await raw('Action=DescribeDBInstances&Version=2014-10-31&MaxRecords=lots');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toContain('<Code>InvalidParameterValue</Code>');
    const missing = await raw(
      'Action=RestoreDBInstanceToPointInTime&Version=2014-10-31&UseLatestRestorableTime=true',
    );
    expect(missing.status).toBe(400);
    expect(missing.body).toMatch(
      /<Code>MissingParameter<\/Code><Message>The parameter TargetDBInstanceIdentifier must be provided/,
    );
  });
});
