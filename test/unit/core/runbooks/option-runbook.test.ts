import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecoveryOption } from '../../../../electron/core/api/calls/assess';
import { loadRunbooks } from '../../../../electron/core/runbooks/load-runbooks';
import { OPTION_RUNBOOKS, runbookForOption } from '../../../../electron/core/runbooks/option-runbook';
import { createRunbookMarkdown } from '../../../../electron/core/runbooks/render-markdown';

const bundled = path.resolve(__dirname, '../../../../runbooks');

function option(
  kind: RecoveryOption['kind'],
  data: Partial<RecoveryOption['data']>,
): Pick<RecoveryOption, 'kind' | 'data'> {
  return { kind, data: { sourceArn: '', sourceRegion: 'us-east-1', targetRegion: 'us-west-2', ...data } };
}

describe('the runbook of each recovery option', () => {
  it('names a bundled runbook for every option kind but in-place, and fills only its declared placeholders', async () => {
    const md = createRunbookMarkdown();
    const load = await loadRunbooks(md, { runbooksDir: bundled });
    const byId = new Map(load.runbooks.map((r) => [r.meta.id, r]));
    for (const [kind, id] of Object.entries(OPTION_RUNBOOKS)) {
      if (kind === 'in-place') {
        expect(id).toBeNull();
        continue;
      }
      expect(byId.has(id!), `${kind} → ${id}`).toBe(true);
    }
    const link = runbookForOption(
      option('cross-region-pitr', {
        sourceArn: 'arn:aws:rds:us-east-1:123456789012:db:orders-db',
        automatedBackupArn: 'arn:aws:rds:us-west-2:123456789012:auto-backup:ab-x',
        restoreWindow: { earliest: '2026-11-19T09:00:00.000Z', latest: '2026-11-26T09:35:00.000Z' },
        dbInstanceClass: 'db.r6g.large',
      }),
    )!;
    const declared = new Set(byId.get(link.runbookId)!.meta.placeholders.map((p) => p.name));
    for (const name of Object.keys(link.values)) expect(declared, name).toContain(name);
  });

  it('fills an RDS cross-region restore from the option data', () => {
    expect(
      runbookForOption(
        option('cross-region-pitr', {
          sourceArn: 'arn:aws:rds:us-east-1:123456789012:db:orders-db',
          automatedBackupArn: 'arn:aws:rds:us-west-2:123456789012:auto-backup:ab-x',
          restoreWindow: { earliest: null, latest: '2026-11-26T09:35:00.000Z' },
          dbInstanceClass: 'db.r6g.large',
        }),
      ),
    ).toEqual({
      runbookId: 'rds-pitr-cross-region',
      values: {
        'primary-region': 'us-east-1',
        'secondary-region': 'us-west-2',
        'account-id': '123456789012',
        'db-instance-id': 'orders-db',
        'restore-time': '2026-11-26T09:35:00Z',
        'automated-backups-arn': 'arn:aws:rds:us-west-2:123456789012:auto-backup:ab-x',
        'db-instance-class': 'db.r6g.large',
      },
    });
  });

  it('fills S3, EC2 and DynamoDB options', () => {
    expect(
      runbookForOption(
        option('replica-bucket', {
          sourceArn: 'arn:aws:s3:::acme-prod-orders',
          replicaName: 'acme-prod-orders-dr',
          sampleKeys: ['a.json'],
        }),
      )!.values,
    ).toMatchObject({
      'bucket-name': 'acme-prod-orders',
      'replica-bucket-name': 'acme-prod-orders-dr',
      'object-key': 'a.json',
    });
    expect(
      runbookForOption(
        option('version-rollback', {
          sourceArn: 'arn:aws:s3:::acme-prod-orders',
          replicaName: 'acme-prod-orders-dr',
        }),
      )!.values,
    ).toMatchObject({ 'bucket-name': 'acme-prod-orders-dr', 'primary-region': 'us-west-2' });
    expect(
      runbookForOption(
        option('ami-launch', {
          sourceArn: 'arn:aws:ec2:us-east-1:123456789012:instance/i-1',
          imageId: 'ami-9',
          imageRegion: 'us-west-2',
          instanceType: 'm6i.large',
        }),
      )!.values,
    ).toMatchObject({ 'copied-ami-id': 'ami-9', 'instance-type': 'm6i.large' });
    expect(
      runbookForOption(
        option('volume-from-snapshot', {
          sourceArn: 'arn:aws:ec2:us-east-1:123456789012:instance/i-1',
          volumes: [
            {
              volumeId: 'vol-1',
              device: '/dev/sdf',
              sizeGiB: 100,
              snapshotId: 'snap-1',
              snapshotRegion: 'us-east-1',
              snapshotTime: '2026-11-26T00:00:00Z',
            },
          ],
        }),
      )!.values,
    ).toMatchObject({ 'snapshot-id': 'snap-1', 'device-name': '/dev/sdf' });
    expect(
      runbookForOption(
        option('table-pitr', { sourceArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders' }),
      )!.values,
    ).toMatchObject({ 'table-name': 'orders', 'account-id': '123456789012' });
    expect(runbookForOption(option('in-place', { sourceArn: 'x' }))).toBeNull();
  });
});

describe('the availability zone of an option', () => {
  it('is filled only when it lies in the region the runbook restores into', () => {
    const volume = (availabilityZone: string) =>
      runbookForOption(
        option('volume-from-snapshot', {
          sourceArn: 'arn:aws:ec2:us-east-1:123456789012:instance/i-1',
          availabilityZone,
          volumes: [
            {
              volumeId: 'vol-1',
              device: '/dev/sdf',
              sizeGiB: 10,
              snapshotId: 'snap-1',
              snapshotRegion: 'us-west-2',
              snapshotTime: '2026-11-26T06:00:00.000Z',
            },
          ],
        }),
      )!.values;
    expect(volume('us-east-1a')['availability-zone']).toBeUndefined();
    expect(volume('us-west-2b')['availability-zone']).toBe('us-west-2b');
    expect(volume('us-west-2b')['copied-snapshot-id']).toBe('snap-1');
  });
});
