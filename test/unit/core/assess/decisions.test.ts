import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecoveryOption } from '../../../../electron/core/api/calls/assess';
import { assessSubject } from '../../../../electron/core/assess/build-assessment';
import { inferReplicaSource } from '../../../../electron/core/assess/options-s3';
import { policyGaps, readinessStatus } from '../../../../electron/core/assess/readiness';
import { chooseBest, makeOption } from '../../../../electron/core/assess/recovery-options';
import type { Subject } from '../../../../electron/core/assess/subject';
import { classify } from '../../../../electron/core/assess/tier';
import { loadBackupPolicy, type BackupPolicy } from '../../../../electron/core/runbooks/backup-policy';

let policy: BackupPolicy;
beforeAll(async () => {
  policy = await loadBackupPolicy(path.resolve(__dirname, '../../../../runbooks'));
});

const data = {
  sourceArn: 'arn:aws:rds:us-east-1:123456789012:db:x',
  sourceRegion: 'us-east-1',
  targetRegion: 'us-west-2',
};
const option = (
  kind: RecoveryOption['kind'],
  rpo: number | null,
  met = true,
  size: number | null = null,
): RecoveryOption =>
  makeOption({
    kind,
    description: kind,
    rpo: { minutes: rpo, reason: 'test' },
    prerequisites: [{ text: 'x', met }],
    data,
    sizeGiB: size,
  });
const input = {
  role: 'primary' as const,
  environment: 'production' as const,
  tier: { id: 'critical', title: 'Critical', rpoMinutes: 15, rtoMinutes: 120, source: 'tagged' },
  unmappedTierTag: null,
  critical: true,
  imageOrVolume: false,
  crossRegionRequired: true,
  primary: 'us-east-1',
  secondary: 'us-west-2',
};

describe('chooseBest', () => {
  it('prefers an option meeting both targets, then the smaller RPO, then the smaller RTO', () => {
    const chosen = chooseBest(
      [
        option('snapshot-restore', 4_000),
        option('cross-region-pitr', 6, true, 100),
        option('read-replica-promotion', 5),
      ],
      { rpoMinutes: 15, rtoMinutes: 120 },
    );
    expect(chosen.find((o) => o.best)?.kind).toBe('read-replica-promotion');
  });

  it('never picks an option whose prerequisites are not met or whose RPO is unknown', () => {
    const chosen = chooseBest([option('read-replica-promotion', 5, false), option('ami-launch', null)], {
      rpoMinutes: 15,
      rtoMinutes: 120,
    });
    expect(chosen.some((o) => o.best)).toBe(false);
    expect(option('ami-launch', 1, null as never).prerequisitesMet).toBe(false);
  });
});

describe('tier and environment from tags', () => {
  it('maps the policy tag, falls back to the copy, then to the defaults', () => {
    expect(classify(policy, { 'dr-tier': 'Tier-1', environment: 'prod' }).tier.id).toBe('critical');
    const inferred = classify(policy, null, { 'dr-tier': 'critical', environment: 'dev' });
    expect(inferred.tier).toMatchObject({ id: 'critical', source: 'inferred' });
    expect(inferred.environment).toBe('development');
    expect(classify(policy, null, null)).toMatchObject({
      tier: { id: 'standard', source: 'default' },
      environment: 'production',
    });
    expect(classify(policy, { 'dr-tier': 'gold' }).tier.source).toBe('unknown');
  });
});

describe('policy gaps', () => {
  const rules = (): BackupPolicy['environments']['production'] => policy.environments.production;

  it('RDS: retention, Multi-AZ and replicated backups, with the fix', () => {
    const gaps = policyGaps(
      {
        service: 'rds',
        id: 'billing-db',
        arn: 'arn:aws:rds:us-east-1:123456789012:db:billing-db',
        retentionDays: 1,
        multiAz: false,
        encrypted: true,
        replicatedBackups: false,
        newestSecondarySnapshotMinutes: 26 * 60,
      },
      rules(),
      input,
    );
    expect(gaps.map((g) => g.message)).toEqual([
      'Retention 1 day, policy requires 7 for production databases.',
      'Single-AZ: the policy requires Multi-AZ for production databases.',
      'No replicated automated backups: cross-region point-in-time restore is impossible; newest snapshot in us-west-2 is 26 hours old.',
    ]);
    expect(gaps[2]?.fix).toContain('--kms-key-id <key ARN in us-west-2>');
  });

  it('S3, EC2, EBS and DynamoDB rules', () => {
    expect(
      policyGaps(
        {
          service: 's3',
          name: 'b',
          versioning: 'Off',
          replication: 'none',
          expirations: [{ rule: 'r', days: 30, noncurrent: false }],
        },
        rules(),
        input,
      ).map((g) => g.rule),
    ).toEqual(['s3.versioning', 's3.crossRegionReplication', 's3.retentionDays']);
    const ami = policyGaps(
      { service: 'ec2', id: 'i-1', newestAmiMinutes: 3 * 1440, amiInSecondary: true, complete: true },
      rules(),
      input,
    );
    expect(ami[0]?.message).toBe(
      'Newest AMI of a critical instance is 3 days old; the policy requires one daily (24 hours).',
    );
    const low = { ...input, tier: { ...input.tier, id: 'low' } };
    expect(
      policyGaps(
        { service: 'ec2', id: 'i-1', newestAmiMinutes: 90 * 1440, amiInSecondary: true, complete: true },
        rules(),
        low,
      ),
    ).toEqual([]);
    expect(
      policyGaps(
        {
          service: 'ebs',
          volumeId: 'vol-1',
          newestSnapshotMinutes: 9 * 1440,
          snapshotInSecondary: false,
          complete: true,
        },
        rules(),
        input,
      ).map((g) => g.rule),
    ).toEqual(['ec2.ebsSnapshotMaxAgeHours', 'ec2.crossRegionSnapshot']);
    const pitr = policyGaps(
      {
        service: 'dynamodb',
        name: 't',
        pitr: 'DISABLED',
        recoveryPeriodDays: null,
        globalReplicaInSecondary: false,
      },
      rules(),
      input,
    );
    expect(pitr[0]).toMatchObject({ rule: 'dynamodb.pitr', severity: 'critical' });
    expect(pitr[0]?.message).toMatch(/^PITR disabled/);
  });

  it('unknown facts raise no gap', () => {
    expect(
      policyGaps(
        {
          service: 'rds',
          id: 'x',
          arn: 'a',
          retentionDays: null,
          multiAz: null,
          encrypted: null,
          replicatedBackups: null,
          newestSecondarySnapshotMinutes: undefined,
        },
        rules(),
        input,
      ),
    ).toEqual([]);
  });
});

describe('readiness status', () => {
  it('distinguishes not recoverable, unknown and out of scope', () => {
    expect(readinessStatus(null, [], false, true)).toBe('not-recoverable');
    expect(readinessStatus(null, [], true, true)).toBe('unknown');
    expect(readinessStatus(null, [], false, false)).toBe('out-of-scope');
    const best = option('cross-region-pitr', 5);
    expect(readinessStatus(best, [], false)).toBe('ready');
    expect(readinessStatus(best, [{ rule: 'r', message: 'm', fix: 'f', severity: 'warning' }], false)).toBe(
      'at-risk',
    );
    expect(readinessStatus(best, [{ rule: 'r', message: 'm', fix: 'f', severity: 'info' }], false)).toBe(
      'ready',
    );
  });

  it('an unknown prerequisite leaves the status unknown, not negative', () => {
    const subject: Subject = {
      id: 'arn:aws:dynamodb:us-east-1:123456789012:table/t',
      service: 'dynamodb',
      kind: 'table',
      region: 'us-east-1',
      name: 't',
      role: 'primary',
      observed: false,
      tags: null,
      copyTags: null,
      facts: [],
      details: {},
      options: [option('table-pitr', null, null as never)],
      unknowns: [],
      optionsIncomplete: false,
      sizeGiB: null,
      policy: null,
    };
    const assessed = assessSubject(subject, {
      policy,
      regions: { primary: 'us-east-1', secondary: 'us-west-2' },
      now: new Date(),
      services: ['dynamodb'],
      unreachable: new Set(),
    });
    expect(assessed.status).toBe('unknown');
    expect(assessed.unknowns.map((u) => u.fact)).toContain('tier and environment tags');
  });
});

describe('inferReplicaSource', () => {
  const primary = new Set(['acme-orders', 'acme-ledger']);
  it('pairs a replica by tag or by a replica affix of the source name', () => {
    expect(inferReplicaSource({ name: 'acme-orders-dr', tags: {} }, primary, 'us-west-2')).toBe(
      'acme-orders',
    );
    expect(inferReplicaSource({ name: 'acme-orders-usw2', tags: null }, primary, 'us-west-2')).toBe(
      'acme-orders',
    );
    expect(inferReplicaSource({ name: 'dr-acme-ledger', tags: null }, primary, 'us-west-2')).toBe(
      'acme-ledger',
    );
    expect(
      inferReplicaSource(
        { name: 'copy', tags: { 'Replica-Of': 'arn:aws:s3:::acme-ledger' } },
        primary,
        'us-west-2',
      ),
    ).toBe('acme-ledger');
    expect(inferReplicaSource({ name: 'acme-orders-archive', tags: {} }, primary, 'us-west-2')).toBeNull();
  });
});
