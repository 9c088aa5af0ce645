import {
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeDBInstancesCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../../electron/simulator';

let sim: Simulator | undefined;
afterEach(() => sim?.close());

function rds(s: Simulator, region: string): RDSClient {
  return new RDSClient({
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: s.requestHandler,
    maxAttempts: 1,
  });
}

describe('RDS sections of the shipped scenarios', () => {
  it('us-east-1-outage: replicated backups stop at the outage, billing-reports-db is out of policy', async () => {
    sim = await createSimulator({ scenario: 'us-east-1-outage', realNow: () => 0 });
    sim.faults.regionUp('us-east-1');
    const backups =
      (await rds(sim, 'us-west-2').send(new DescribeDBInstanceAutomatedBackupsCommand({})))
        .DBInstanceAutomatedBackups ?? [];
    expect(backups.map((b) => b.DBInstanceIdentifier).sort()).toEqual([
      'catalog-db',
      'customers-db',
      'inventory-db',
      'orders-db',
      'payments-db',
    ]);
    for (const b of backups)
      expect(b.RestoreWindow?.LatestTime?.toISOString()).toBe('2026-11-26T09:40:00.000Z');
    const billing = (
      await rds(sim, 'us-east-1').send(
        new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'billing-reports-db' }),
      )
    ).DBInstances?.[0];
    expect(billing?.BackupRetentionPeriod).toBe(1);
    expect(billing?.DBInstanceAutomatedBackupsReplications).toEqual([]);
    const replica = (
      await rds(sim, 'us-west-2').send(
        new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'payments-db-usw2' }),
      )
    ).DBInstances?.[0];
    expect(replica?.DBInstanceStatus).toBe('backing-up');
  });

  it('healthy: every production database replicates its backups to us-west-2', async () => {
    sim = await createSimulator({ scenario: 'healthy', realNow: () => 0 });
    const instances =
      (await rds(sim, 'us-east-1').send(new DescribeDBInstancesCommand({}))).DBInstances ?? [];
    const production = instances.filter((i) =>
      i.TagList?.some((t) => t.Key === 'environment' && t.Value === 'production'),
    );
    expect(production.length).toBeGreaterThanOrEqual(6);
    for (const i of production) {
      expect(i.DBInstanceAutomatedBackupsReplications?.length, i.DBInstanceIdentifier).toBe(1);
      expect(i.BackupRetentionPeriod, i.DBInstanceIdentifier).toBeGreaterThanOrEqual(7);
      expect(i.MultiAZ, i.DBInstanceIdentifier).toBe(true);
    }
  });
});
