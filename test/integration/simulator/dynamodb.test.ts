import {
  DeleteTableCommand,
  DescribeBackupCommand,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  ListBackupsCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  RestoreTableFromBackupCommand,
  RestoreTableToPointInTimeCommand,
  ScanCommand,
  TagResourceCommand,
  UpdateTimeToLiveCommand,
  UpdateContinuousBackupsCommand,
  paginateListTables,
  paginateScan,
  waitUntilTableExists,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../electron/simulator';
import { dynamodbService, type DynamoSectionInput } from '../../../electron/simulator/services/dynamodb';
import { sdkFailure } from '../../support/sdk-failure';
import { simClient } from '../../support/sim-clients';

const ACCOUNT = '111122223333';
const START = '2026-11-26T03:00:00.000Z';
const ORDERS_EAST = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`;

function scenario(): Record<string, unknown> {
  const dynamodb: DynamoSectionInput = {
    tables: [
      {
        name: 'orders',
        region: 'us-east-1',
        partitionKey: { name: 'pk', type: 'S' },
        sortKey: { name: 'sk', type: 'S' },
        gsis: [{ name: 'by-status', partitionKey: { name: 'status', type: 'S' } }],
        stream: 'NEW_AND_OLD_IMAGES',
        ttlAttribute: 'expiresAt',
        pitr: { recoveryPeriodDays: 35, enabledAgo: '10d' },
        age: '400d',
        tags: { tier: 'production' },
        items: [
          { pk: 'ORDER#1', sk: 'v1', status: 'PAID', amount: 10, _age: '3d' },
          { pk: 'ORDER#2', sk: 'v1', status: 'NEW', amount: 20, _age: '2h' },
          { pk: 'ORDER#3', sk: 'v1', status: 'NEW', amount: 30, _age: '1m' },
        ],
        generatedItems: { count: 20, over: '5d' },
        backups: [{ name: 'orders-weekly', age: '1d' }],
      },
      {
        name: 'sessions',
        region: 'us-east-1',
        partitionKey: { name: 'id', type: 'S' },
        replicas: ['us-west-2'],
        pitr: { recoveryPeriodDays: 7 },
        items: [{ id: 's-1', user: 'ana' }],
      },
      {
        name: 'audit-log',
        region: 'us-east-1',
        partitionKey: { name: 'id', type: 'N' },
        tags: { tier: 'production' },
      },
      ...Array.from({ length: 7 }, (_, n) => ({
        name: `dev-table-${n}`,
        region: 'us-east-1',
        partitionKey: { name: 'id' },
      })),
    ],
  };
  return {
    name: 'ddb-test',
    title: 'DynamoDB test',
    accountId: ACCOUNT,
    regions: ['us-east-1', 'us-west-2'],
    startTime: START,
    seed: 5,
    dynamodb,
  };
}

let sim: Simulator;
let east: DynamoDBClient;
let west: DynamoDBClient;
const fast = { maxWaitTime: 60, minDelay: 0.01, maxDelay: 0.02 };

function client(region: string): DynamoDBClient {
  return simClient(DynamoDBClient, sim, region);
}

beforeEach(async () => {
  sim = await createSimulator({ scenarioData: scenario(), services: [dynamodbService], realNow: () => 0 });
  east = client('us-east-1');
  west = client('us-west-2');
});

afterEach(() => sim.close());

describe('DynamoDB through the real SDK v3 client', () => {
  it('lists tables with the paginator and describes keys, indexes, replicas, stream and TTL', async () => {
    const names: string[] = [];
    for await (const page of paginateListTables({ client: east, pageSize: 4 }, {}))
      names.push(...(page.TableNames ?? []));
    expect(names).toHaveLength(10);
    expect(names.slice(0, 3)).toEqual(['audit-log', 'dev-table-0', 'dev-table-1']);

    const orders = (await east.send(new DescribeTableCommand({ TableName: 'orders' }))).Table;
    expect(orders).toMatchObject({
      TableName: 'orders',
      TableStatus: 'ACTIVE',
      TableArn: ORDERS_EAST,
      ItemCount: 23,
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [expect.objectContaining({ IndexName: 'by-status', IndexStatus: 'ACTIVE' })],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
    });
    expect(orders?.CreationDateTime?.toISOString()).toBe('2025-10-22T03:00:00.000Z');
    const replica = (await west.send(new DescribeTableCommand({ TableName: 'sessions' }))).Table;
    expect(replica).toMatchObject({
      GlobalTableVersion: '2019.11.21',
      Replicas: [{ RegionName: 'us-east-1', ReplicaStatus: 'ACTIVE' }],
      ItemCount: 1,
    });
    expect(
      (await east.send(new DescribeTimeToLiveCommand({ TableName: 'orders' }))).TimeToLiveDescription,
    ).toEqual({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expiresAt',
    });
    expect(await sdkFailure(east.send(new DescribeTableCommand({ TableName: 'nope' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Requested resource not found: Table: nope not found',
      status: 400,
    });
  });

  it('reads items with GetItem and Scan (paging and COUNT) and rejects keys that do not match the schema', async () => {
    const got = await east.send(
      new GetItemCommand({ TableName: 'orders', Key: { pk: { S: 'ORDER#2' }, sk: { S: 'v1' } } }),
    );
    expect(got.Item).toEqual({
      pk: { S: 'ORDER#2' },
      sk: { S: 'v1' },
      status: { S: 'NEW' },
      amount: { N: '20' },
    });
    const missing = await east.send(
      new GetItemCommand({ TableName: 'orders', Key: { pk: { S: 'ORDER#9' }, sk: { S: 'v1' } } }),
    );
    expect(missing.Item).toBeUndefined();
    const bad = await sdkFailure(
      east.send(new GetItemCommand({ TableName: 'orders', Key: { pk: { S: 'ORDER#2' } } })),
    );
    expect(bad).toMatchObject({
      name: 'ValidationException',
      message: 'The provided key element does not match the schema',
    });

    let scanned = 0;
    let pages = 0;
    for await (const page of paginateScan({ client: east, pageSize: 10 }, { TableName: 'orders' })) {
      scanned += page.Items?.length ?? 0;
      pages += 1;
    }
    expect([scanned, pages]).toEqual([23, 3]);
    const count = await east.send(new ScanCommand({ TableName: 'orders', Select: 'COUNT' }));
    expect([count.Count, count.Items]).toEqual([23, undefined]);
  });

  it('reports PITR windows, restores cross-region by source ARN to a point in time, and the waiter sees it', async () => {
    const pitr = await east.send(new DescribeContinuousBackupsCommand({ TableName: 'orders' }));
    const description = pitr.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
    expect(description?.PointInTimeRecoveryStatus).toBe('ENABLED');
    expect(description?.EarliestRestorableDateTime?.toISOString()).toBe('2026-11-16T03:00:00.000Z');
    expect(description?.LatestRestorableDateTime?.toISOString()).toBe('2026-11-26T02:55:00.000Z');

    const outside = await sdkFailure(
      west.send(
        new RestoreTableToPointInTimeCommand({
          SourceTableArn: ORDERS_EAST,
          TargetTableName: 'orders-dr',
          RestoreDateTime: new Date('2026-11-01T00:00:00Z'),
        }),
      ),
    );
    expect(outside.name).toBe('InvalidRestoreTimeException');
    expect(outside.message).toContain('2026-11-16T03:00:00.000Z');
    expect(outside.message).toContain('2026-11-26T02:55:00.000Z');

    const restore = await west.send(
      new RestoreTableToPointInTimeCommand({
        SourceTableArn: ORDERS_EAST,
        TargetTableName: 'orders-dr',
        RestoreDateTime: new Date('2026-11-26T01:00:00Z'),
      }),
    );
    expect(restore.TableDescription).toMatchObject({
      TableName: 'orders-dr',
      TableStatus: 'CREATING',
      RestoreSummary: { SourceTableArn: ORDERS_EAST, RestoreInProgress: true },
    });
    expect(
      (
        await sdkFailure(
          west.send(
            new RestoreTableToPointInTimeCommand({
              SourceTableArn: ORDERS_EAST,
              TargetTableName: 'orders-dr',
              UseLatestRestorableTime: true,
            }),
          ),
        )
      ).name,
    ).toBe('TableAlreadyExistsException');

    const stop = sim.onRequest(() => sim.clock.advance(60_000));
    expect((await waitUntilTableExists({ client: west, ...fast }, { TableName: 'orders-dr' })).state).toBe(
      'SUCCESS',
    );
    stop();
    const restored = (await west.send(new DescribeTableCommand({ TableName: 'orders-dr' }))).Table;
    expect(restored?.ItemCount).toBe(21);
    expect(restored?.StreamSpecification).toBeUndefined();
    expect(
      (await west.send(new DescribeTimeToLiveCommand({ TableName: 'orders-dr' }))).TimeToLiveDescription
        ?.TimeToLiveStatus,
    ).toBe('DISABLED');
    expect(
      (await west.send(new ListTagsOfResourceCommand({ ResourceArn: restored?.TableArn }))).Tags,
    ).toEqual([]);
    expect(
      (await west.send(new DescribeContinuousBackupsCommand({ TableName: 'orders-dr' })))
        .ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus,
    ).toBe('DISABLED');
    const reapplied = await west.send(
      new UpdateTimeToLiveCommand({
        TableName: 'orders-dr',
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
      }),
    );
    expect(reapplied.TimeToLiveSpecification).toEqual({ Enabled: true, AttributeName: 'expiresAt' });
    expect(
      (await west.send(new DescribeTimeToLiveCommand({ TableName: 'orders-dr' }))).TimeToLiveDescription,
    ).toEqual({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expiresAt',
    });
    const twice = await sdkFailure(
      west.send(
        new UpdateTimeToLiveCommand({
          TableName: 'orders-dr',
          TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
        }),
      ),
    );
    expect(twice).toMatchObject({ name: 'ValidationException', message: 'TimeToLive is already enabled' });
    const newest = await west.send(
      new GetItemCommand({ TableName: 'orders-dr', Key: { pk: { S: 'ORDER#3' }, sk: { S: 'v1' } } }),
    );
    expect(newest.Item).toBeUndefined();
  });

  it('refuses restores without PITR, over the quota, and fails a restore the facilitator breaks', async () => {
    const noPitr = await sdkFailure(
      west.send(
        new RestoreTableToPointInTimeCommand({
          SourceTableArn: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/audit-log`,
          TargetTableName: 'audit-dr',
          UseLatestRestorableTime: true,
        }),
      ),
    );
    expect(noPitr).toMatchObject({
      name: 'PointInTimeRecoveryUnavailableException',
      message: "Point in time recovery is not enabled for table 'audit-log'",
    });

    sim.faults.setQuota('dynamodb.concurrentRestores', 1);
    await east.send(
      new RestoreTableToPointInTimeCommand({
        SourceTableName: 'orders',
        TargetTableName: 'orders-a',
        UseLatestRestorableTime: true,
      }),
    );
    const limited = await sdkFailure(
      east.send(
        new RestoreTableToPointInTimeCommand({
          SourceTableName: 'orders',
          TargetTableName: 'orders-b',
          UseLatestRestorableTime: true,
        }),
      ),
    );
    expect(limited.name).toBe('LimitExceededException');

    sim.clock.advance(15 * 60_000);
    sim.faults.failRestore('orders-broken');
    await east.send(
      new RestoreTableToPointInTimeCommand({
        SourceTableName: 'orders',
        TargetTableName: 'orders-broken',
        UseLatestRestorableTime: true,
      }),
    );
    sim.clock.advance(15 * 60_000);
    expect((await sdkFailure(east.send(new DescribeTableCommand({ TableName: 'orders-broken' })))).name).toBe(
      'ResourceNotFoundException',
    );

    const enabled = await east.send(
      new UpdateContinuousBackupsCommand({
        TableName: 'audit-log',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      }),
    );
    expect(
      enabled.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus,
    ).toBe('ENABLED');
    expect(
      (await sdkFailure(east.send(new DescribeContinuousBackupsCommand({ TableName: 'ghost' })))).name,
    ).toBe('TableNotFoundException');
  });

  it('lists, describes and restores on-demand backups, tags tables and deletes them', async () => {
    const backups = await east.send(new ListBackupsCommand({ TableName: 'orders' }));
    expect(backups.BackupSummaries?.map((b) => [b.BackupName, b.BackupStatus, b.BackupType])).toEqual([
      ['orders-weekly', 'AVAILABLE', 'USER'],
    ]);
    const arn = backups.BackupSummaries?.[0]?.BackupArn as string;
    const described = await east.send(new DescribeBackupCommand({ BackupArn: arn }));
    expect(described.BackupDescription?.SourceTableDetails).toMatchObject({
      TableName: 'orders',
      ItemCount: expect.any(Number),
    });
    expect(
      (await sdkFailure(east.send(new DescribeBackupCommand({ BackupArn: `${ORDERS_EAST}/backup/0-none` }))))
        .name,
    ).toBe('BackupNotFoundException');

    const restored = await east.send(
      new RestoreTableFromBackupCommand({ BackupArn: arn, TargetTableName: 'orders-from-backup' }),
    );
    expect(restored.TableDescription?.RestoreSummary?.SourceBackupArn).toBe(arn);
    sim.clock.advance(15 * 60_000);
    const table = (await east.send(new DescribeTableCommand({ TableName: 'orders-from-backup' }))).Table;
    expect(table?.TableStatus).toBe('ACTIVE');
    expect(table?.ItemCount).toBe(described.BackupDescription?.SourceTableDetails?.ItemCount);

    await east.send(
      new TagResourceCommand({
        ResourceArn: table?.TableArn,
        Tags: [{ Key: 'dr-war-room:incident', Value: 'inc-1' }],
      }),
    );
    expect((await east.send(new ListTagsOfResourceCommand({ ResourceArn: table?.TableArn }))).Tags).toEqual([
      { Key: 'dr-war-room:incident', Value: 'inc-1' },
    ]);

    const deleting = await east.send(new DeleteTableCommand({ TableName: 'orders-from-backup' }));
    expect(deleting.TableDescription?.TableStatus).toBe('DELETING');
    const stop = sim.onRequest(() => sim.clock.advance(30_000));
    expect(
      (await waitUntilTableNotExists({ client: east, ...fast }, { TableName: 'orders-from-backup' })).state,
    ).toBe('SUCCESS');
    stop();
    const listed = await east.send(new ListTablesCommand({}));
    expect(listed.TableNames).not.toContain('orders-from-backup');
  });
});

describe('DynamoDB under injected faults', () => {
  it('answers throttling and a failed region in the JSON error shape', async () => {
    sim.faults.throttle(1, { service: 'dynamodb' });
    expect(await sdkFailure(east.send(new ListTablesCommand({})))).toMatchObject({
      name: 'ThrottlingException',
      status: 400,
    });
    sim.faults.throttle(0, { service: 'dynamodb' });
    sim.faults.regionDown('us-east-1', '5xx');
    expect(await sdkFailure(east.send(new DescribeTableCommand({ TableName: 'orders' })))).toMatchObject({
      name: 'ServiceUnavailable',
      status: 503,
    });
    expect((await west.send(new DescribeTableCommand({ TableName: 'sessions' }))).Table?.TableStatus).toBe(
      'ACTIVE',
    );
  });
});

describe('DynamoDB malformed requests (raw HTTP)', () => {
  async function raw(
    target: string,
    body: string,
  ): Promise<{ status: number; type: string; message: string; crc: string | undefined }> {
    const res = await sim.handle({
      method: 'POST',
      hostname: 'dynamodb.us-east-1.amazonaws.com',
      path: '/',
      rawQuery: '',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': target,
        authorization:
          'AWS4-HMAC-SHA256 Credential=test/20261126/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x',
      },
      body: Buffer.from(body),
    });
    const parsed = JSON.parse(String(res.body)) as { __type: string; message: string };
    return {
      status: res.status,
      type: parsed.__type,
      message: parsed.message,
      crc: res.headers['x-amz-crc32'],
    };
  }

  it('answers bad JSON, wrong types, missing members and unknown operations with AWS-shaped 400s', async () => {
    expect(await raw('DynamoDB_20120810.DescribeTable', '{"TableName":')).toMatchObject({
      status: 400,
      type: 'com.amazon.coral.service#SerializationException',
    });
    expect(await raw('DynamoDB_20120810.ListTables', '{"Limit":"ten"}')).toMatchObject({
      status: 400,
      type: 'com.amazon.coral.service#SerializationException',
    });
    const missing = await raw('DynamoDB_20120810.DescribeTable', '{}');
    expect(missing).toMatchObject({ status: 400, type: 'com.amazon.coral.validate#ValidationException' });
    expect(missing.message).toContain("Value null at 'tableName'");
    expect(await raw('DynamoDB_20120810.LaunchRockets', '{}')).toMatchObject({
      status: 400,
      type: 'com.amazon.coral.service#UnknownOperationException',
    });
    expect((await raw('DynamoDB_20120810.DescribeTable', '{}')).crc).toMatch(/^\d+$/);
  });
});
