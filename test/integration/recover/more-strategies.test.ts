import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListBackupsCommand,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import { DescribeDBInstancesCommand, DescribeDBSnapshotsCommand } from '@aws-sdk/client-rds';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { TAG_INCIDENT, TAG_SOURCE } from '../../../electron/core/aws';
import type { RecoverableResource } from '../../../electron/core/recover/types';
import type { Simulator } from '../../../electron/simulator';
import { EVENTS_ARN, eventsTable, recoverResources } from '../../fixtures/recover/resources';
import { ACCOUNT } from '../../fixtures/recover/scenario';
import { execute, INCIDENT, plan, rdsWindow, REGIONS, startSim } from './support';

let sim: Simulator | null = null;
afterEach(() => {
  sim?.close();
  sim = null;
});

describe('more recovery strategies through the SDK against the simulator', () => {
  it('restores a DynamoDB table cross-region by point in time and re-applies PITR, TTL and tags', async () => {
    const started = await startSim();
    sim = started.sim;
    const now = started.sim.clock.now();
    const table = eventsTable([
      {
        data: {
          strategy: 'dynamodb-pitr-cross-region',
          sourceTableArn: EVENTS_ARN,
          window: {
            earliest: new Date(now.getTime() - 86_400_000).toISOString(),
            latest: new Date(now.getTime() - 300_000).toISOString(),
          },
        },
        available: true,
        note: null,
        rpoMinutes: 5,
        best: true,
      },
    ]);
    const p = plan([table], [{ resourceId: 'events' }]);
    const { run } = await execute(started.clients, p);
    expect(run.status).toBe('completed');
    const ddb = started.clients.dynamodb(REGIONS.secondary);
    const target = p.chains[0]!.targetName;
    const described = await ddb.send(new DescribeTableCommand({ TableName: target }));
    expect(described.Table?.TableStatus).toBe('ACTIVE');
    expect(described.Table?.RestoreSummary?.SourceTableArn).toBe(EVENTS_ARN);
    const pitr = await ddb.send(new DescribeContinuousBackupsCommand({ TableName: target }));
    expect(pitr.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus).toBe(
      'ENABLED',
    );
    const ttl = await ddb.send(new DescribeTimeToLiveCommand({ TableName: target }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe('expiresAt');
    const tags = await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: described.Table!.TableArn! }));
    expect(tags.Tags).toEqual(
      expect.arrayContaining([
        { Key: TAG_INCIDENT, Value: INCIDENT },
        { Key: TAG_SOURCE, Value: EVENTS_ARN },
        { Key: 'team', Value: 'orders' },
      ]),
    );
    expect(run.endpointMap[0]).toEqual(
      expect.objectContaining({ source: 'events', target, detail: described.Table!.TableArn }),
    );
  });

  it('restores a DynamoDB table from an on-demand backup, and verifies a global table replica instead of restoring', async () => {
    const started = await startSim({ mutate: (s) => delete s.faults });
    sim = started.sim;
    // Backups are regional: a backup in the primary region cannot be restored in the secondary one.
    const east = (await started.clients.dynamodb('us-east-1').send(new ListBackupsCommand({})))
      .BackupSummaries![0]!;
    const wrong = plan(
      [
        eventsTable([
          {
            data: {
              strategy: 'dynamodb-backup-restore',
              backupArn: east.BackupArn!,
              backupTime: east.BackupCreationDateTime!.toISOString(),
            },
            available: true,
            note: null,
            rpoMinutes: 600,
            best: true,
          },
        ]),
      ],
      [{ resourceId: 'events' }],
    );
    expect(wrong.problems).toContainEqual(
      expect.objectContaining({ code: 'option-unavailable', severity: 'error' }),
    );
    const backup = (
      await started.clients.dynamodb(REGIONS.secondary).send(new ListBackupsCommand({ TableName: 'ledger' }))
    ).BackupSummaries![0]!;
    const ledgerArn = `arn:aws:dynamodb:us-west-2:${ACCOUNT}:table/ledger`;
    const table: RecoverableResource = {
      id: ledgerArn,
      service: 'dynamodb',
      kind: 'table',
      name: 'ledger',
      arn: ledgerArn,
      region: REGIONS.secondary,
      tier: 'standard',
      tags: {},
      details: {},
      options: [
        {
          data: {
            strategy: 'dynamodb-backup-restore',
            backupArn: backup.BackupArn!,
            backupTime: backup.BackupCreationDateTime!.toISOString(),
          },
          available: true,
          note: null,
          rpoMinutes: 480,
          best: true,
        },
      ],
    };
    const flagsArn = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/flags`;
    const flags: RecoverableResource = {
      id: flagsArn,
      service: 'dynamodb',
      kind: 'table',
      name: 'flags',
      arn: flagsArn,
      region: 'us-east-1',
      tier: 'standard',
      tags: {},
      details: {},
      options: [
        {
          data: {
            strategy: 'dynamodb-global-replica',
            replicaTableArn: `arn:aws:dynamodb:us-west-2:${ACCOUNT}:table/flags`,
            replicaStatus: 'ACTIVE',
          },
          available: true,
          note: null,
          rpoMinutes: 1,
          best: true,
        },
      ],
    };
    const p = plan([table, flags], [{ resourceId: 'ledger' }, { resourceId: 'flags' }]);
    const { run, journal } = await execute(started.clients, p);
    expect(Object.values(run.actions).map((a) => a.error?.message ?? a.state)).toEqual(
      Object.values(run.actions).map(() => 'done'),
    );
    const described = await started.clients
      .dynamodb(REGIONS.secondary)
      .send(new DescribeTableCommand({ TableName: 'ledger-dr-20261126-01' }));
    expect(described.Table?.RestoreSummary?.SourceBackupArn).toBe(backup.BackupArn);
    const creates = journal
      .ofType('recover.call.started')
      .filter((e) => e.data.resourceId === flagsArn)
      .map((e) => e.data.operation);
    expect(new Set(creates)).toEqual(new Set(['DescribeTable']));
    expect(run.endpointMap.find((r) => r.source === 'flags')).toEqual(
      expect.objectContaining({
        target: 'flags',
        detail: `arn:aws:dynamodb:us-west-2:${ACCOUNT}:table/flags`,
      }),
    );
  });

  it('copies an RDS snapshot across regions (full source ARN, KMS key) and restores it', async () => {
    const started = await startSim({ mutate: (s) => delete s.faults });
    sim = started.sim;
    // us-east-1 answers in this exercise, so the copy is possible.
    const resources = recoverResources(await rdsWindow(started.clients, 'orders-db')).map((r) => ({
      ...r,
      options: r.options.map((o) => ({ ...o, available: true })),
    }));
    const p = plan(resources, [{ resourceId: 'crm-db', strategy: 'rds-snapshot-copy-restore' }]);
    const copy = p.chains[0]!.actions[0]!.calls[0]!;
    expect(copy.params).toEqual(
      expect.objectContaining({
        SourceDBSnapshotIdentifier: `arn:aws:rds:us-east-1:${ACCOUNT}:snapshot:crm-db-nightly`,
        KmsKeyId: expect.stringContaining('us-west-2'),
      }),
    );
    const { run } = await execute(started.clients, p);
    expect(Object.values(run.actions).map((a) => a.error?.message ?? a.state)).toEqual(['done', 'done']);
    const rds = started.clients.rds(REGIONS.secondary);
    const snap = (
      await rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'crm-db-dr-20261126-01-copy' }))
    ).DBSnapshots?.[0];
    expect(snap?.Status).toBe('available');
    const db = (
      await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'crm-db-dr-20261126-01' }))
    ).DBInstances?.[0];
    expect(db?.DBInstanceStatus).toBe('available');
  });

  it('thaws archived objects with RestoreObject, and says to use version rollback for one that is not archived', async () => {
    const started = await startSim();
    sim = started.sim;
    const archive = (objects: Array<{ key: string }>): RecoverableResource => ({
      id: 'arn:aws:s3:::acme-archive',
      service: 's3',
      kind: 'bucket',
      name: 'acme-archive',
      arn: 'arn:aws:s3:::acme-archive',
      region: REGIONS.secondary,
      tier: 'standard',
      tags: {},
      details: {},
      options: [
        {
          data: {
            strategy: 's3-archive-restore',
            bucket: 'acme-archive',
            region: REGIONS.secondary,
            objects,
            days: 3,
            tier: 'Standard',
          },
          available: true,
          note: null,
          rpoMinutes: 0,
          best: true,
        },
      ],
    });
    const good = plan([archive([{ key: 'records/2025.tar' }])], [{ resourceId: 'acme-archive' }]);
    expect(good.chains[0]!.actions[0]!.calls[0]!.cli).toContain(
      `aws s3api restore-object --region us-west-2 --bucket acme-archive --key records/2025.tar --restore-request '{"Days":3,"GlacierJobParameters":{"Tier":"Standard"}}'`,
    );
    const ok = await execute(started.clients, good);
    expect(ok.run.status).toBe('completed');
    const head = await started.clients
      .s3(REGIONS.secondary)
      .send(new HeadObjectCommand({ Bucket: 'acme-archive', Key: 'records/2025.tar' }));
    expect(head.Restore).toContain('ongoing-request');
    const bad = await execute(
      started.clients,
      plan([archive([{ key: 'records/current.tar' }])], [{ resourceId: 'acme-archive' }]),
    );
    const failure = Object.values(bad.run.actions)[0]!.error!;
    expect(failure.awsCode).toBe('InvalidObjectState');
    expect(failure.fix).toMatch(/version rollback \(CopyObject\)/);
  });
});
