import type { DBInstance, DBInstanceAutomatedBackup, DBSnapshot, DBSubnetGroup } from '@aws-sdk/client-rds';
import { progressAt } from '../../protocol/lifecycle';
import type {
  RdsAutomatedBackupRecord,
  RdsInstanceRecord,
  RdsSnapshotRecord,
  RdsState,
  RdsSubnetGroupRecord,
} from './model';
import { parseRdsArn, regionalKey } from './model';
import { backupRestoreWindow, instanceRestoreWindow, instanceStatus, snapshotStatus } from './status';

/** The DBSubnetGroup shape of a subnet group. */
export function subnetGroupView(group: RdsSubnetGroupRecord, accountId: string): DBSubnetGroup {
  return {
    DBSubnetGroupName: group.name,
    DBSubnetGroupDescription: group.description,
    VpcId: group.vpcId,
    SubnetGroupStatus: 'Complete',
    Subnets: group.subnets.map((s) => ({
      SubnetIdentifier: s.id,
      SubnetAvailabilityZone: { Name: s.availabilityZone },
      SubnetStatus: 'Active',
    })),
    DBSubnetGroupArn: `arn:aws:rds:${group.region}:${accountId}:subgrp:${group.name}`,
    SupportedNetworkTypes: ['IPV4'],
  };
}

/** Reverse references for instance views: replicas by source, replicated backups by instance ARN. */
export interface RdsViewIndex {
  /** Replica state keys by source (`region/id` same-region, or the source ARN cross-region). */
  replicasBySource: Map<string, string[]>;
  /** Replicated automated-backup ARNs by source instance ARN. */
  replicatedBackupsByInstanceArn: Map<string, string[]>;
}

const indexCache = new WeakMap<RdsState, RdsViewIndex>();

/**
 * The reverse references of a state, built once and cached until an operation that changes
 * replica or backup relations calls {@link invalidateViewIndex}. The index lists replicas by
 * relation only; views check each replica's status when they render.
 */
export function buildViewIndex(state: RdsState): RdsViewIndex {
  const cached = indexCache.get(state);
  if (cached) return cached;
  const replicasBySource = new Map<string, string[]>();
  for (const key in state.instances) {
    const r = state.instances[key];
    if (r?.readReplicaSource === undefined) continue;
    const cross = r.readReplicaSource.startsWith('arn:');
    const source = cross ? r.readReplicaSource : rdsKeyArnless(r.region, r.readReplicaSource);
    const list = replicasBySource.get(source) ?? [];
    list.push(key);
    replicasBySource.set(source, list);
  }
  const replicatedBackupsByInstanceArn = new Map<string, string[]>();
  for (const key in state.automatedBackups) {
    const b = state.automatedBackups[key];
    if (!b || b.region === b.sourceRegion) continue;
    const list = replicatedBackupsByInstanceArn.get(b.instanceArn) ?? [];
    list.push(b.arn);
    replicatedBackupsByInstanceArn.set(b.instanceArn, list);
  }
  const index = { replicasBySource, replicatedBackupsByInstanceArn };
  indexCache.set(state, index);
  return index;
}

/** Forget the cached reverse references (after creating, promoting or deleting instances or backups). */
export function invalidateViewIndex(state: RdsState): void {
  indexCache.delete(state);
}

function rdsKeyArnless(region: string, id: string): string {
  return `${region}/${id}`;
}

/** The DBInstance shape of an instance at `now` (status, restorable time, replicas, endpoint). */
export function instanceView(
  state: RdsState,
  instance: RdsInstanceRecord,
  now: Date,
  accountId: string,
  index: RdsViewIndex = buildViewIndex(state),
): DBInstance {
  const status = instanceStatus(instance, now) ?? 'deleting';
  const window = instanceRestoreWindow(instance, now);
  const group = state.subnetGroups[regionalKey(instance.region, instance.subnetGroupName)];
  const replicas = [
    ...(index.replicasBySource.get(rdsKeyArnless(instance.region, instance.id)) ?? []),
    ...(index.replicasBySource.get(instance.arn) ?? []),
  ]
    .map((key) => state.instances[key])
    .filter(
      (r): r is RdsInstanceRecord =>
        r !== undefined && r.readReplicaSource !== undefined && instanceStatus(r, now) !== undefined,
    )
    .map((r) => (r.region === instance.region ? r.id : r.arn));
  const replicatedBackups = (index.replicatedBackupsByInstanceArn.get(instance.arn) ?? []).map((arn) => ({
    DBInstanceAutomatedBackupsArn: arn,
  }));
  const hasEndpoint = status !== 'creating' && status !== 'failed';
  return {
    DBInstanceIdentifier: instance.id,
    DBInstanceClass: instance.instanceClass,
    Engine: instance.engine,
    DBInstanceStatus: status,
    MasterUsername: instance.masterUsername,
    ...(instance.dbName ? { DBName: instance.dbName } : {}),
    ...(hasEndpoint
      ? {
          Endpoint: {
            Address: `${instance.id}.${instance.dbiResourceId.slice(3, 15).toLowerCase()}.${instance.region}.rds.amazonaws.com`,
            Port: instance.port,
            HostedZoneId: 'Z2R2ITUGPM61AM',
          },
        }
      : {}),
    AllocatedStorage: instance.allocatedStorage,
    InstanceCreateTime: new Date(instance.createdAt),
    PreferredBackupWindow: '03:00-03:30',
    BackupRetentionPeriod: instance.backupRetentionPeriod,
    VpcSecurityGroups: instance.vpcSecurityGroupIds.map((id) => ({
      VpcSecurityGroupId: id,
      Status: 'active',
    })),
    AvailabilityZone: instance.availabilityZone,
    ...(group ? { DBSubnetGroup: subnetGroupView(group, accountId) } : {}),
    PreferredMaintenanceWindow: 'sun:05:00-sun:05:30',
    ...(window ? { LatestRestorableTime: window.latest } : {}),
    MultiAZ: instance.multiAZ,
    EngineVersion: instance.engineVersion,
    AutoMinorVersionUpgrade: true,
    ...(instance.readReplicaSource
      ? { ReadReplicaSourceDBInstanceIdentifier: instance.readReplicaSource }
      : {}),
    ReadReplicaDBInstanceIdentifiers: replicas,
    LicenseModel: instance.engine.startsWith('postgres') ? 'postgresql-license' : 'general-public-license',
    PubliclyAccessible: false,
    StorageType: instance.storageType,
    DbInstancePort: 0,
    StorageEncrypted: instance.storageEncrypted,
    ...(instance.kmsKeyId ? { KmsKeyId: instance.kmsKeyId } : {}),
    DbiResourceId: instance.dbiResourceId,
    CopyTagsToSnapshot: true,
    DBInstanceArn: instance.arn,
    TagList: instance.tags.map((t) => ({ ...t })),
    DBInstanceAutomatedBackupsReplications: replicatedBackups,
    DeletionProtection: false,
    BackupTarget: 'region',
    NetworkType: 'IPV4',
  };
}

/** The DBSnapshot shape of a snapshot at `now`. */
export function snapshotView(snapshot: RdsSnapshotRecord, now: Date): DBSnapshot {
  const status = snapshotStatus(snapshot, now);
  return {
    DBSnapshotIdentifier: snapshot.id,
    DBInstanceIdentifier: snapshot.instanceId,
    SnapshotCreateTime: new Date(snapshot.createdAt),
    Engine: snapshot.engine,
    AllocatedStorage: snapshot.allocatedStorage,
    Status: status,
    Port: snapshot.port,
    AvailabilityZone: snapshot.availabilityZone,
    VpcId: snapshot.vpcId,
    InstanceCreateTime: new Date(snapshot.instanceCreateTime),
    MasterUsername: snapshot.masterUsername,
    EngineVersion: snapshot.engineVersion,
    LicenseModel: snapshot.engine.startsWith('postgres') ? 'postgresql-license' : 'general-public-license',
    SnapshotType: snapshot.snapshotType,
    PercentProgress: progressAt(snapshot.createdAt, snapshot.phases, now),
    ...(snapshot.sourceRegion ? { SourceRegion: snapshot.sourceRegion } : {}),
    ...(snapshot.sourceSnapshotArn ? { SourceDBSnapshotIdentifier: snapshot.sourceSnapshotArn } : {}),
    StorageType: 'gp3',
    Encrypted: snapshot.encrypted,
    ...(snapshot.kmsKeyId ? { KmsKeyId: snapshot.kmsKeyId } : {}),
    DBSnapshotArn: snapshot.arn,
    DbiResourceId: snapshot.dbiResourceId,
    TagList: snapshot.tags.map((t) => ({ ...t })),
    SnapshotTarget: 'region',
    ...(status === 'available' ? { OriginalSnapshotCreateTime: new Date(snapshot.createdAt) } : {}),
  };
}

/**
 * The status of an automated backup at `now`: `active` (own region) or `replicating` (a
 * replica) while its source instance lives, `retained` once the source is gone.
 */
export function automatedBackupStatus(
  state: RdsState,
  backup: RdsAutomatedBackupRecord,
  now: Date,
): 'active' | 'replicating' | 'retained' {
  const source = state.instances[regionalKey(backup.sourceRegion, backup.instanceId)];
  const sourceAlive =
    source !== undefined && instanceStatus(source, now) !== undefined && source.arn === backup.instanceArn;
  if (!sourceAlive) return 'retained';
  return backup.region !== backup.sourceRegion ? 'replicating' : 'active';
}

/** The DBInstanceAutomatedBackup shape, with its restore window. */
export function automatedBackupView(
  state: RdsState,
  backup: RdsAutomatedBackupRecord,
  now: Date,
  index: RdsViewIndex = buildViewIndex(state),
): DBInstanceAutomatedBackup {
  const window = backupRestoreWindow(backup, now);
  const status = automatedBackupStatus(state, backup, now);
  return {
    DBInstanceArn: backup.instanceArn,
    DbiResourceId: backup.dbiResourceId,
    Region: backup.sourceRegion,
    DBInstanceIdentifier: backup.instanceId,
    RestoreWindow: { EarliestTime: window.earliest, LatestTime: window.latest },
    AllocatedStorage: backup.allocatedStorage,
    Status: status,
    Port: backup.port,
    AvailabilityZone: backup.availabilityZone,
    VpcId: backup.vpcId,
    InstanceCreateTime: new Date(backup.instanceCreateTime),
    MasterUsername: backup.masterUsername,
    Engine: backup.engine,
    EngineVersion: backup.engineVersion,
    LicenseModel: backup.engine.startsWith('postgres') ? 'postgresql-license' : 'general-public-license',
    StorageType: 'gp3',
    Encrypted: backup.encrypted,
    ...(backup.kmsKeyId ? { KmsKeyId: backup.kmsKeyId } : {}),
    DBInstanceAutomatedBackupsArn: backup.arn,
    BackupRetentionPeriod: backup.backupRetentionPeriod,
    DBInstanceAutomatedBackupsReplications:
      backup.region === backup.sourceRegion
        ? (index.replicatedBackupsByInstanceArn.get(backup.instanceArn) ?? []).map((arn) => ({
            DBInstanceAutomatedBackupsArn: arn,
          }))
        : [],
    BackupTarget: 'region',
  };
}

/** Find an instance by identifier (or same-region ARN) in a region, if it still exists. */
export function findInstance(
  state: RdsState,
  region: string,
  idOrArn: string,
  now: Date,
): RdsInstanceRecord | undefined {
  const arn = parseRdsArn(idOrArn);
  if (arn && (arn.region !== region || arn.kind !== 'db')) return undefined;
  const found = state.instances[regionalKey(region, arn ? arn.id : idOrArn)];
  return found && instanceStatus(found, now) !== undefined ? found : undefined;
}
