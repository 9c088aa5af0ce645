import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../../electron/simulator';

let sim: Simulator | undefined;
afterEach(() => sim?.close());

function ddb(s: Simulator, region: string): DynamoDBClient {
  return new DynamoDBClient({
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: s.requestHandler,
    maxAttempts: 1,
  });
}

describe('DynamoDB sections of the shipped scenarios', () => {
  it('us-east-1-outage: global-table replicas in us-west-2 and a production table without PITR', async () => {
    sim = await createSimulator({ scenario: 'us-east-1-outage', realNow: () => 0 });
    const west = ddb(sim, 'us-west-2');
    expect((await west.send(new ListTablesCommand({}))).TableNames).toEqual([
      'feature-flags',
      'orders-events',
      'sessions',
    ]);
    const replica = (await west.send(new DescribeTableCommand({ TableName: 'orders-events' }))).Table;
    expect(replica).toMatchObject({
      TableStatus: 'ACTIVE',
      GlobalTableVersion: '2019.11.21',
      ItemCount: 300,
    });
    sim.faults.regionUp('us-east-1');
    const east = ddb(sim, 'us-east-1');
    const prefs = await east.send(
      new DescribeContinuousBackupsCommand({ TableName: 'customer-preferences' }),
    );
    expect(
      prefs.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus,
    ).toBe('DISABLED');
    const carts = await east.send(new DescribeContinuousBackupsCommand({ TableName: 'carts' }));
    expect(carts.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.RecoveryPeriodInDays).toBe(35);
  });

  it('healthy: every production table has PITR', async () => {
    sim = await createSimulator({ scenario: 'healthy', realNow: () => 0 });
    const east = ddb(sim, 'us-east-1');
    const names = (await east.send(new ListTablesCommand({}))).TableNames ?? [];
    for (const name of names.filter((n) => !n.startsWith('dev-'))) {
      const pitr = await east.send(new DescribeContinuousBackupsCommand({ TableName: name }));
      expect(
        pitr.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus,
        name,
      ).toBe('ENABLED');
    }
  });
});
