import {
  RestoreDBInstanceFromDBSnapshotMessage$,
  RestoreDBInstanceFromDBSnapshotResult$,
  RestoreDBInstanceToPointInTimeMessage$,
  RestoreDBInstanceToPointInTimeResult$,
  type RestoreDBInstanceFromDBSnapshotMessage,
  type RestoreDBInstanceFromDBSnapshotResult,
  type RestoreDBInstanceToPointInTimeMessage,
  type RestoreDBInstanceToPointInTimeResult,
} from '@aws-sdk/client-rds';
import { simError } from '../../../protocol/errors';
import { buildPhases } from '../../../protocol/lifecycle';
import {
  defineOperation,
  requireQueryParams,
  type OperationCall,
  type SchemaOperation,
} from '../../../protocol/query-dispatch';
import {
  parseRdsArn,
  rdsArn,
  regionalKey,
  type RdsInstanceRecord,
  type RdsState,
  type RdsTag,
} from '../model';
import { backupRestoreWindow, instanceRestoreWindow, instanceStatus, snapshotStatus } from '../status';
import { findInstance, instanceView, invalidateViewIndex } from '../views';

/** What a restore copies from its source (instance, automated backups or snapshot). */
interface RestoreSource {
  engine: string;
  engineVersion: string;
  instanceClass: string;
  allocatedStorage: number;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  port: number;
  masterUsername: string;
  backupRetentionPeriod: number;
}

/** The overrides a restore request may carry. */
interface RestoreOverrides {
  DBInstanceClass?: string | undefined;
  DBSubnetGroupName?: string | undefined;
  VpcSecurityGroupIds?: string[] | undefined;
  MultiAZ?: boolean | undefined;
  AvailabilityZone?: string | undefined;
  Port?: number | undefined;
  StorageType?: string | undefined;
  KmsKeyId?: string | undefined;
  BackupRetentionPeriod?: number | undefined;
  Tags?: Array<{ Key?: string | undefined; Value?: string | undefined }> | undefined;
}

/** The default VPC security group id of a region (deterministic, so restores without groups are recognisable). */
export function defaultSecurityGroupId(region: string): string {
  let hash = 0;
  for (const ch of region) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `sg-0def${hash.toString(16).padStart(8, '0')}${'0'.repeat(5)}`;
}

/** Create the instance a restore produces: `creating` for 8–20 simulated minutes, `backing-up`, then `available` (or `failed`). */
export function createRestoredInstance(
  state: RdsState,
  call: OperationCall<RdsState>,
  targetId: string,
  source: RestoreSource,
  overrides: RestoreOverrides,
): RdsInstanceRecord {
  const { ctx, region } = call;
  const now = ctx.clock.now();
  if (!/^[a-zA-Z][a-zA-Z0-9-]{0,62}$/.test(targetId) || targetId.endsWith('-') || targetId.includes('--')) {
    throw simError(
      'InvalidParameterValue',
      `The parameter DBInstanceIdentifier is not a valid identifier: '${targetId}'. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.`,
    );
  }
  if (findInstance(state, region, targetId, now))
    throw simError('DBInstanceAlreadyExists', 'DB instance already exists');
  const groupName = overrides.DBSubnetGroupName ?? 'default';
  const group = state.subnetGroups[regionalKey(region, groupName)];
  if (overrides.DBSubnetGroupName && !group) {
    throw simError('DBSubnetGroupNotFoundFault', `DB subnet group '${groupName}' does not exist.`, 404);
  }
  const kmsKeyId = overrides.KmsKeyId ?? source.kmsKeyId;
  if (kmsKeyId) assertKmsKeyInRegion(kmsKeyId, region);
  const failing = ctx.restoreShouldFail(targetId);
  const creating = ctx.rng.int(8, 20);
  const phases = failing
    ? buildPhases(now, [['creating', creating]], 'failed')
    : buildPhases(
        now,
        [
          ['creating', creating],
          ['backing-up', ctx.rng.int(2, 4)],
        ],
        'available',
      );
  const az = overrides.AvailabilityZone ?? group?.subnets[0]?.availabilityZone ?? `${region}a`;
  const tags: RdsTag[] = (overrides.Tags ?? []).map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' }));
  const instance: RdsInstanceRecord = {
    id: targetId,
    region,
    arn: rdsArn(region, ctx.accountId, 'db', targetId),
    dbiResourceId: `db-${ctx.rng.hex(26).toUpperCase()}`,
    engine: source.engine,
    engineVersion: source.engineVersion,
    instanceClass: overrides.DBInstanceClass ?? source.instanceClass,
    allocatedStorage: source.allocatedStorage,
    storageType: overrides.StorageType ?? 'gp3',
    multiAZ: overrides.MultiAZ ?? false,
    storageEncrypted: source.storageEncrypted,
    ...(source.storageEncrypted && kmsKeyId ? { kmsKeyId } : {}),
    backupRetentionPeriod: overrides.BackupRetentionPeriod ?? source.backupRetentionPeriod,
    availabilityZone: az,
    subnetGroupName: groupName,
    vpcSecurityGroupIds: overrides.VpcSecurityGroupIds?.length
      ? [...overrides.VpcSecurityGroupIds]
      : [defaultSecurityGroupId(region)],
    port: overrides.Port ?? source.port,
    masterUsername: source.masterUsername,
    createdAt: now.toISOString(),
    tags,
    phases,
  };
  state.instances[regionalKey(region, targetId)] = instance;
  invalidateViewIndex(state);
  return instance;
}

/** Reject a KMS key ARN from another region (the key must live where the data is restored or copied). */
export function assertKmsKeyInRegion(kmsKeyId: string, region: string): void {
  const match = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):/.exec(kmsKeyId);
  if (match && match[1] !== region) {
    throw simError(
      'KMSKeyNotAccessibleFault',
      `The specified KMS key ${kmsKeyId} is in ${match[1]} and cannot be used in ${region}; specify a key in ${region}.`,
    );
  }
}

function windowError(time: Date, earliest: Date, latest: Date): Error {
  return simError(
    'InvalidRestoreFault',
    `The restore time ${time.toISOString()} is outside the restorable window: it must be between ${earliest.toISOString()} and ${latest.toISOString()}.`,
  );
}

function chooseRestoreTime(
  input: { RestoreTime?: Date | undefined; UseLatestRestorableTime?: boolean | undefined },
  window: { earliest: Date; latest: Date },
): void {
  if (input.RestoreTime && input.UseLatestRestorableTime) {
    throw simError(
      'InvalidParameterCombination',
      'Cannot specify both RestoreTime and UseLatestRestorableTime.',
    );
  }
  if (!input.RestoreTime && !input.UseLatestRestorableTime) {
    throw simError('InvalidParameterCombination', 'Specify either RestoreTime or UseLatestRestorableTime.');
  }
  if (input.RestoreTime) {
    const t = input.RestoreTime.getTime();
    if (t < window.earliest.getTime() || t > window.latest.getTime())
      throw windowError(input.RestoreTime, window.earliest, window.latest);
  }
}

/**
 * RestoreDBInstanceToPointInTime: by `SourceDBInstanceIdentifier` (or `SourceDbiResourceId`) in
 * the same region, or by `SourceDBInstanceAutomatedBackupsArn` of replicated automated backups.
 */
export const restoreDBInstanceToPointInTime = defineOperation<
  RestoreDBInstanceToPointInTimeMessage,
  RestoreDBInstanceToPointInTimeResult,
  RdsState
>({
  input: RestoreDBInstanceToPointInTimeMessage$,
  output: RestoreDBInstanceToPointInTimeResult$,
  run(input, call) {
    requireQueryParams(input, ['TargetDBInstanceIdentifier']);
    const { state, region, ctx } = call;
    const now = ctx.clock.now();
    const target = input.TargetDBInstanceIdentifier as string;
    let source: RestoreSource;
    if (input.SourceDBInstanceAutomatedBackupsArn) {
      const backup = state.automatedBackups[input.SourceDBInstanceAutomatedBackupsArn];
      if (!backup || backup.region !== region) {
        throw simError(
          'DBInstanceAutomatedBackupNotFound',
          `Automated backups ${input.SourceDBInstanceAutomatedBackupsArn} not found in ${region}.`,
          404,
        );
      }
      chooseRestoreTime(input, backupRestoreWindow(backup, now));
      source = {
        engine: backup.engine,
        engineVersion: backup.engineVersion,
        instanceClass: backup.instanceClass ?? 'db.m6g.large',
        allocatedStorage: backup.allocatedStorage,
        storageEncrypted: backup.encrypted,
        ...(backup.kmsKeyId ? { kmsKeyId: backup.kmsKeyId } : {}),
        port: backup.port,
        masterUsername: backup.masterUsername,
        backupRetentionPeriod: backup.backupRetentionPeriod,
      };
    } else {
      const ref = input.SourceDBInstanceIdentifier ?? input.SourceDbiResourceId;
      if (!ref) {
        throw simError(
          'InvalidParameterCombination',
          'Specify one of SourceDBInstanceIdentifier, SourceDbiResourceId or SourceDBInstanceAutomatedBackupsArn.',
        );
      }
      const instance = input.SourceDBInstanceIdentifier
        ? findInstance(state, region, input.SourceDBInstanceIdentifier, now)
        : Object.values(state.instances).find(
            (i) =>
              i.region === region &&
              i.dbiResourceId === input.SourceDbiResourceId &&
              instanceStatus(i, now) !== undefined,
          );
      if (!instance) throw simError('DBInstanceNotFound', `DBInstance ${ref} not found.`, 404);
      const window = instanceRestoreWindow(instance, now);
      if (!window) {
        throw simError(
          'PointInTimeRestoreNotEnabled',
          `Point-in-time restore is not available for ${instance.id}: automated backups are off or not yet taken.`,
        );
      }
      chooseRestoreTime(input, window);
      source = {
        engine: instance.engine,
        engineVersion: instance.engineVersion,
        instanceClass: instance.instanceClass,
        allocatedStorage: instance.allocatedStorage,
        storageEncrypted: instance.storageEncrypted,
        ...(instance.kmsKeyId ? { kmsKeyId: instance.kmsKeyId } : {}),
        port: instance.port,
        masterUsername: instance.masterUsername,
        backupRetentionPeriod: instance.backupRetentionPeriod,
      };
    }
    const created = createRestoredInstance(state, call, target, source, input);
    return { DBInstance: instanceView(state, created, now, ctx.accountId) };
  },
});

/** RestoreDBInstanceFromDBSnapshot: a new instance from an available snapshot in the same region. */
export const restoreDBInstanceFromDBSnapshot = defineOperation<
  RestoreDBInstanceFromDBSnapshotMessage,
  RestoreDBInstanceFromDBSnapshotResult,
  RdsState
>({
  input: RestoreDBInstanceFromDBSnapshotMessage$,
  output: RestoreDBInstanceFromDBSnapshotResult$,
  run(input, call) {
    requireQueryParams(input, ['DBInstanceIdentifier', 'DBSnapshotIdentifier']);
    const { state, region, ctx } = call;
    const now = ctx.clock.now();
    const ref = input.DBSnapshotIdentifier as string;
    const arn = parseRdsArn(ref);
    const snapshot =
      arn && arn.region !== region ? undefined : state.snapshots[regionalKey(region, arn ? arn.id : ref)];
    if (!snapshot) throw simError('DBSnapshotNotFound', `DBSnapshot ${ref} not found.`, 404);
    const status = snapshotStatus(snapshot, now);
    if (status !== 'available') {
      throw simError(
        'InvalidDBSnapshotState',
        `DBSnapshot ${snapshot.id} is ${status}; it must be available to restore from.`,
      );
    }
    const created = createRestoredInstance(
      state,
      call,
      input.DBInstanceIdentifier as string,
      {
        engine: snapshot.engine,
        engineVersion: snapshot.engineVersion,
        instanceClass: snapshot.instanceClass ?? 'db.m6g.large',
        allocatedStorage: snapshot.allocatedStorage,
        storageEncrypted: snapshot.encrypted,
        ...(snapshot.kmsKeyId ? { kmsKeyId: snapshot.kmsKeyId } : {}),
        port: snapshot.port,
        masterUsername: snapshot.masterUsername,
        backupRetentionPeriod: 1,
      },
      input,
    );
    return { DBInstance: instanceView(state, created, now, ctx.accountId) };
  },
});

/** The RDS restore operations, by action name. */
export const rdsRestoreOperations: Record<string, SchemaOperation<RdsState>> = {
  RestoreDBInstanceToPointInTime: restoreDBInstanceToPointInTime,
  RestoreDBInstanceFromDBSnapshot: restoreDBInstanceFromDBSnapshot,
};
