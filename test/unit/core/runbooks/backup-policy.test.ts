import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { isAppError } from '../../../../electron/core/api/errors';
import { BACKUP_POLICY_FILE, loadBackupPolicy } from '../../../../electron/core/runbooks/backup-policy';
import {
  environmentForTags,
  rulesForTags,
  tierForTags,
} from '../../../../electron/core/runbooks/policy-for-tags';

const bundled = path.resolve(__dirname, '../../../../runbooks');
const temps: string[] = [];

async function withPolicy(edit: (doc: Record<string, unknown>) => void): Promise<string> {
  const doc = parse(await readFile(path.join(bundled, BACKUP_POLICY_FILE), 'utf8')) as Record<
    string,
    unknown
  >;
  edit(doc);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-policy-'));
  temps.push(dir);
  await writeFile(path.join(dir, BACKUP_POLICY_FILE), stringify(doc));
  return dir;
}

async function errorOf(
  promise: Promise<unknown>,
): Promise<{ message: string; detail: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { message: error.message, detail: error.detail ?? {} };
    throw error;
  }
  throw new Error('expected the load to fail');
}

afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the bundled backup policy', () => {
  it('holds every number of the procedures document', async () => {
    const policy = await loadBackupPolicy(bundled);
    const prod = policy.environments.production;
    const dev = policy.environments.development;
    expect(prod.s3).toMatchObject({ versioning: true, crossRegionReplication: true, retentionDays: 7 * 365 });
    expect(prod.s3.logRetentionDays).toEqual({ min: 365, max: 7 * 365 });
    expect(dev.s3).toMatchObject({ crossRegionReplication: false, retentionDays: 30 });
    expect(prod.rds).toEqual({
      backupRetentionDays: 7,
      multiAz: true,
      logBackupIntervalMinutes: 5,
      crossRegionBackups: true,
    });
    expect(dev.rds).toMatchObject({ backupRetentionDays: 3, multiAz: false, logBackupIntervalMinutes: 5 });
    expect(prod.ec2).toEqual({
      amiMaxAgeHours: { critical: 24, standard: 168 },
      ebsSnapshotMaxAgeHours: 24,
      retentionDays: 30,
    });
    expect(dev.ec2.retentionDays).toBe(7);
    expect(prod.dynamodb).toEqual({ pitr: true, pitrRecoveryPeriodDays: 35 });
    expect(dev.dynamodb.pitr).toBe(false);
  });

  it('gives every tier an RTO and an RPO, and maps tags to tiers and environments', async () => {
    const policy = await loadBackupPolicy(bundled);
    expect(policy.tiers.map((t) => t.id)).toEqual(['critical', 'standard', 'low']);
    expect(tierForTags(policy, { 'dr-tier': 'Critical' })).toMatchObject({
      value: { id: 'critical' },
      source: 'tagged',
    });
    expect(tierForTags(policy, [{ Key: 'DR-Tier', Value: 'tier-3' }]).value.id).toBe('low');
    expect(tierForTags(policy, {})).toMatchObject({
      value: { id: 'standard' },
      source: 'default',
      tag: null,
    });
    expect(tierForTags(policy, { 'dr-tier': 'gold' })).toMatchObject({
      value: { id: 'standard' },
      source: 'unknown',
      tag: 'gold',
    });
    expect(environmentForTags(policy, { Environment: 'dev' }).value).toBe('development');
    expect(environmentForTags(policy, undefined)).toMatchObject({ value: 'production', source: 'default' });
    expect(rulesForTags(policy, { environment: 'prod' }).rds.backupRetentionDays).toBe(7);
    expect(rulesForTags(policy, { environment: 'development' }).rds.backupRetentionDays).toBe(3);
  });
});

describe('a broken backup policy', () => {
  it('names the file and the field', async () => {
    const dir = await withPolicy((doc) => {
      const envs = doc.environments as { production: { rds: Record<string, unknown> } };
      envs.production.rds.backupRetentionDays = 'seven';
    });
    const error = await errorOf(loadBackupPolicy(dir));
    expect(error.message).toContain('runbooks/backup-policy.yaml');
    expect(error.detail.field).toBe('environments.production.rds.backupRetentionDays');
    expect(typeof error.detail.line).toBe('number');
  });

  it('refuses a tag value mapped to a tier that does not exist', async () => {
    const dir = await withPolicy((doc) => {
      (doc.tierTag as { values: Record<string, string> }).values.gold = 'platinum';
    });
    const error = await errorOf(loadBackupPolicy(dir));
    expect(error.detail.field).toBe('tierTag.values.gold');
    expect(error.message).toContain('"platinum" is not a tier id');
  });

  it('refuses PITR without a recovery period', async () => {
    const dir = await withPolicy((doc) => {
      const envs = doc.environments as { development: { dynamodb: Record<string, unknown> } };
      envs.development.dynamodb.pitr = true;
    });
    const error = await errorOf(loadBackupPolicy(dir));
    expect(error.detail.field).toBe('environments.development.dynamodb.pitrRecoveryPeriodDays');
  });

  it('says the file is missing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-policy-'));
    temps.push(dir);
    const error = await errorOf(loadBackupPolicy(dir));
    expect(error.message).toContain('file not found');
  });
});
