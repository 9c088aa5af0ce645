import {
  paginateDescribeDBInstanceAutomatedBackups,
  paginateDescribeDBInstances,
  paginateDescribeDBSnapshots,
} from '@aws-sdk/client-rds';
import { listFailed, noteAccount, type DiscoveryContext } from './discovery-context';
import { isoOrNull, tagRecord } from './inventory';

function regionOfArn(arn: string | undefined): string | null {
  const match = arn ? /^arn:[^:]+:[^:]+:([a-z0-9-]+):/.exec(arn) : null;
  return match?.[1] ?? null;
}

/** The instance id in an RDS ARN (`…:db:orders-db`), or the value when it is an id. */
export function rdsIdFromArn(value: string): string {
  const match = /:db:([^:]+)$/.exec(value);
  return match?.[1] ?? value;
}

async function instances(ctx: DiscoveryContext, region: string): Promise<void> {
  try {
    const client = ctx.clients.rds(region);
    for await (const page of paginateDescribeDBInstances({ client, pageSize: 100 }, {})) {
      for (const db of page.DBInstances ?? []) {
        if (!db.DBInstanceIdentifier || !db.DBInstanceArn) continue;
        noteAccount(ctx, db.DBInstanceArn);
        ctx.inventory.dbInstances.push({
          id: db.DBInstanceIdentifier,
          arn: db.DBInstanceArn,
          region,
          engine: db.Engine ?? 'unknown',
          engineVersion: db.EngineVersion ?? '',
          instanceClass: db.DBInstanceClass ?? 'unknown',
          status: db.DBInstanceStatus ?? 'unknown',
          multiAz: db.MultiAZ === true,
          encrypted: db.StorageEncrypted === true,
          kmsKeyId: db.KmsKeyId ?? null,
          allocatedStorageGiB: db.AllocatedStorage ?? 0,
          port: db.Endpoint?.Port ?? db.DbInstancePort ?? null,
          backupRetentionDays: db.BackupRetentionPeriod ?? 0,
          latestRestorableTime: isoOrNull(db.LatestRestorableTime),
          availabilityZone: db.AvailabilityZone ?? null,
          subnetGroup: db.DBSubnetGroup?.DBSubnetGroupName ?? null,
          replicaSource: db.ReadReplicaSourceDBInstanceIdentifier ?? null,
          replicaIds: db.ReadReplicaDBInstanceIdentifiers ?? [],
          replicatedBackupArns: (db.DBInstanceAutomatedBackupsReplications ?? [])
            .map((r) => r.DBInstanceAutomatedBackupsArn)
            .filter((a): a is string => typeof a === 'string'),
          tags: tagRecord(db.TagList),
        });
      }
    }
  } catch (error) {
    listFailed(ctx, 'rds', region, 'instances', 'RDS DB instances', error);
  }
}

async function snapshots(ctx: DiscoveryContext, region: string): Promise<void> {
  try {
    const client = ctx.clients.rds(region);
    for await (const page of paginateDescribeDBSnapshots({ client, pageSize: 100 }, {})) {
      for (const s of page.DBSnapshots ?? []) {
        if (!s.DBSnapshotIdentifier || !s.DBSnapshotArn) continue;
        ctx.inventory.dbSnapshots.push({
          id: s.DBSnapshotIdentifier,
          arn: s.DBSnapshotArn,
          region,
          instanceId: s.DBInstanceIdentifier ?? '',
          type: s.SnapshotType ?? 'manual',
          status: s.Status ?? 'unknown',
          createdAt: isoOrNull(s.SnapshotCreateTime),
          encrypted: s.Encrypted === true,
          allocatedStorageGiB: s.AllocatedStorage ?? 0,
          sourceSnapshotArn: s.SourceDBSnapshotIdentifier ?? null,
          sourceRegion: s.SourceRegion ?? regionOfArn(s.SourceDBSnapshotIdentifier) ?? null,
          tags: tagRecord(s.TagList),
        });
      }
    }
  } catch (error) {
    listFailed(ctx, 'rds', region, 'snapshots', 'RDS DB snapshots', error);
  }
}

async function automatedBackups(ctx: DiscoveryContext, region: string): Promise<void> {
  try {
    const client = ctx.clients.rds(region);
    for await (const page of paginateDescribeDBInstanceAutomatedBackups({ client, pageSize: 100 }, {})) {
      for (const b of page.DBInstanceAutomatedBackups ?? []) {
        if (!b.DBInstanceAutomatedBackupsArn) continue;
        const instanceArn = b.DBInstanceArn ?? '';
        ctx.inventory.automatedBackups.push({
          arn: b.DBInstanceAutomatedBackupsArn,
          region,
          sourceRegion: b.Region ?? regionOfArn(instanceArn) ?? region,
          instanceArn,
          instanceId: b.DBInstanceIdentifier ?? rdsIdFromArn(instanceArn),
          status: b.Status ?? 'unknown',
          earliest: isoOrNull(b.RestoreWindow?.EarliestTime),
          latest: isoOrNull(b.RestoreWindow?.LatestTime),
          retentionDays: b.BackupRetentionPeriod ?? null,
          allocatedStorageGiB: b.AllocatedStorage ?? 0,
          encrypted: b.Encrypted === true,
        });
      }
    }
  } catch (error) {
    listFailed(ctx, 'rds', region, 'automated-backups', 'RDS automated backups', error);
  }
}

/**
 * Discover RDS in one region: instances and snapshots, every page; in the secondary region also
 * the automated backups replicated there (the primary's own backups restore only in the primary).
 */
export async function discoverRds(ctx: DiscoveryContext, region: string): Promise<void> {
  await Promise.all([
    instances(ctx, region),
    snapshots(ctx, region),
    ...(region === ctx.regions.secondary ? [automatedBackups(ctx, region)] : []),
  ]);
}
