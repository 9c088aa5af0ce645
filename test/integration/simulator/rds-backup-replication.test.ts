import {
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeDBInstancesCommand,
  RDSClient,
  StartDBInstanceAutomatedBackupsReplicationCommand,
} from '@aws-sdk/client-rds';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../electron/simulator';
import { simClient } from '../../support/sim-clients';

const ACCOUNT_ARN = (id: string) => `arn:aws:rds:us-east-1:123456789012:db:${id}`;
const WEST_KEY = 'arn:aws:kms:us-west-2:123456789012:key/8e2f4a6c-1b3d-4e5f-8a9b-0c1d2e3f4a5b';

describe('RDS StartDBInstanceAutomatedBackupsReplication (the preparation for cross-region PITR)', () => {
  let sim: Simulator;
  let west: RDSClient;

  beforeEach(async () => {
    sim = await createSimulator({ scenario: 'us-east-1-outage' });
    west = simClient(RDSClient, sim, 'us-west-2');
  });

  async function replicatedIn(instanceId: string) {
    const out = await west.send(new DescribeDBInstanceAutomatedBackupsCommand({}));
    return (out.DBInstanceAutomatedBackups ?? []).filter((b) => b.DBInstanceIdentifier === instanceId);
  }

  it('cannot start while the source region is down, and says why', async () => {
    await expect(
      west.send(
        new StartDBInstanceAutomatedBackupsReplicationCommand({
          SourceDBInstanceArn: ACCOUNT_ARN('billing-reports-db'),
          KmsKeyId: WEST_KEY,
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidDBInstanceStateFault',
      message: expect.stringMatching(/us-east-1 does not answer/),
    });
    expect(await replicatedIn('billing-reports-db')).toHaveLength(0);
  });

  it('replicates an instance’s automated backups into us-west-2 once the source answers', async () => {
    sim.faults.regionUp('us-east-1');
    expect(await replicatedIn('billing-reports-db')).toHaveLength(0);
    const out = await west.send(
      new StartDBInstanceAutomatedBackupsReplicationCommand({
        SourceDBInstanceArn: ACCOUNT_ARN('billing-reports-db'),
        BackupRetentionPeriod: 7,
        KmsKeyId: WEST_KEY,
      }),
    );
    expect(out.DBInstanceAutomatedBackup?.DBInstanceIdentifier).toBe('billing-reports-db');
    const replicated = await replicatedIn('billing-reports-db');
    expect(replicated).toHaveLength(1);
    expect(replicated[0]?.Status).toBe('replicating');
    expect(replicated[0]?.RestoreWindow?.EarliestTime).toBeInstanceOf(Date);

    await expect(
      west.send(
        new StartDBInstanceAutomatedBackupsReplicationCommand({
          SourceDBInstanceArn: ACCOUNT_ARN('billing-reports-db'),
          KmsKeyId: WEST_KEY,
        }),
      ),
    ).rejects.toMatchObject({ name: 'DBInstanceAutomatedBackupQuotaExceededFault' });
  });

  it('lists the new replication on the source instance and its own backup, even when they were described before', async () => {
    sim.faults.regionUp('us-east-1');
    const east = simClient(RDSClient, sim, 'us-east-1');
    const replicationsOfSource = async () => {
      const db = await east.send(
        new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'billing-reports-db' }),
      );
      const own = await east.send(
        new DescribeDBInstanceAutomatedBackupsCommand({ DBInstanceIdentifier: 'billing-reports-db' }),
      );
      return {
        instance: db.DBInstances?.[0]?.DBInstanceAutomatedBackupsReplications ?? [],
        backup: own.DBInstanceAutomatedBackups?.[0]?.DBInstanceAutomatedBackupsReplications ?? [],
      };
    };
    expect(await replicationsOfSource()).toEqual({ instance: [], backup: [] });
    const out = await west.send(
      new StartDBInstanceAutomatedBackupsReplicationCommand({
        SourceDBInstanceArn: ACCOUNT_ARN('billing-reports-db'),
        KmsKeyId: WEST_KEY,
      }),
    );
    const arn = out.DBInstanceAutomatedBackup?.DBInstanceAutomatedBackupsArn;
    expect(arn).toMatch(/^arn:aws:rds:us-west-2:/);
    const expected = [{ DBInstanceAutomatedBackupsArn: arn }];
    expect(await replicationsOfSource()).toEqual({ instance: expected, backup: expected });
  });

  it('needs a KMS key in the destination region for an encrypted source', async () => {
    sim.faults.regionUp('us-east-1');
    await expect(
      west.send(
        new StartDBInstanceAutomatedBackupsReplicationCommand({
          SourceDBInstanceArn: ACCOUNT_ARN('billing-reports-db'),
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterCombination',
      message: expect.stringMatching(/KmsKeyId/),
    });
  });
});
