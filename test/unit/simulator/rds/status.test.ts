import { describe, expect, it } from 'vitest';
import type {
  RdsAutomatedBackupRecord,
  RdsInstanceRecord,
} from '../../../../electron/simulator/services/rds/model';
import {
  backupRestoreWindow,
  instanceRestoreWindow,
  instanceStatus,
} from '../../../../electron/simulator/services/rds/status';
import { rdsScenarioSchema } from '../../../../electron/simulator/services/rds';

const now = new Date('2026-11-26T10:00:00Z');

function instance(overrides: Partial<RdsInstanceRecord> = {}): RdsInstanceRecord {
  return {
    id: 'db',
    region: 'us-east-1',
    arn: 'arn:aws:rds:us-east-1:111122223333:db:db',
    dbiResourceId: 'db-ABC',
    engine: 'postgres',
    engineVersion: '16.4',
    instanceClass: 'db.m6g.large',
    allocatedStorage: 20,
    storageType: 'gp3',
    multiAZ: false,
    storageEncrypted: false,
    backupRetentionPeriod: 7,
    availabilityZone: 'us-east-1a',
    subnetGroupName: 'default',
    vpcSecurityGroupIds: [],
    port: 5432,
    masterUsername: 'admin',
    createdAt: '2026-01-01T00:00:00.000Z',
    tags: [],
    phases: [{ status: 'available' }],
    ...overrides,
  };
}

describe('RDS restore windows', () => {
  it('spans the retention period and ends five minutes before now', () => {
    const window = instanceRestoreWindow(instance(), now);
    expect(window?.earliest.toISOString()).toBe('2026-11-19T10:00:00.000Z');
    expect(window?.latest.toISOString()).toBe('2026-11-26T09:55:00.000Z');
  });

  it('starts at creation for a young instance, and is absent with retention 0 or while creating', () => {
    expect(
      instanceRestoreWindow(instance({ createdAt: '2026-11-25T00:00:00.000Z' }), now)?.earliest.toISOString(),
    ).toBe('2026-11-25T00:00:00.000Z');
    expect(instanceRestoreWindow(instance({ backupRetentionPeriod: 0 }), now)).toBeUndefined();
    expect(
      instanceRestoreWindow(
        instance({
          phases: [{ status: 'creating', until: '2026-11-26T11:00:00Z' }, { status: 'available' }],
        }),
        now,
      ),
    ).toBeUndefined();
  });

  it('freezes the end of a replicated backup window when replication stopped', () => {
    const backup: RdsAutomatedBackupRecord = {
      arn: 'arn:aws:rds:us-west-2:111122223333:auto-backup:ab-1',
      region: 'us-west-2',
      sourceRegion: 'us-east-1',
      instanceId: 'db',
      instanceArn: 'arn:aws:rds:us-east-1:111122223333:db:db',
      dbiResourceId: 'db-ABC',
      engine: 'postgres',
      engineVersion: '16.4',
      allocatedStorage: 20,
      encrypted: false,
      backupRetentionPeriod: 7,
      instanceCreateTime: '2026-01-01T00:00:00.000Z',
      availabilityZone: 'us-east-1a',
      vpcId: 'vpc-1',
      masterUsername: 'admin',
      port: 5432,
      earliestTime: '2026-01-01T00:00:00.000Z',
      lagMinutes: 5,
      stoppedAt: '2026-11-26T09:40:00.000Z',
    };
    expect(backupRestoreWindow(backup, now).latest.toISOString()).toBe('2026-11-26T09:40:00.000Z');
    const later = new Date('2026-11-27T10:00:00Z');
    expect(backupRestoreWindow(backup, later).latest.toISOString()).toBe('2026-11-26T09:40:00.000Z');
    expect(backupRestoreWindow({ ...backup, stoppedAt: undefined }, later).latest.toISOString()).toBe(
      '2026-11-27T09:55:00.000Z',
    );
  });

  it('shows a deleted instance as deleting for three minutes, then it is gone', () => {
    const deleted = instance({ deletedAt: '2026-11-26T09:58:00.000Z' });
    expect(instanceStatus(deleted, now)).toBe('deleting');
    expect(instanceStatus(deleted, new Date('2026-11-26T10:01:00Z'))).toBeUndefined();
  });
});

describe('RDS scenario validation', () => {
  it('names the field that is wrong', () => {
    const result = rdsScenarioSchema.safeParse({
      instances: [
        {
          id: 'x',
          region: 'us-east-1',
          engine: 'postgres',
          engineVersion: '16',
          class: 'large',
          storage: 20,
          backupRetention: 7,
        },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['instances', 0, 'class']);
    expect(result.error?.issues[0]?.message).toContain('db.r6g.large');
  });
});
