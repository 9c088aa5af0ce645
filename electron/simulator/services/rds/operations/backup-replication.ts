import {
  StartDBInstanceAutomatedBackupsReplicationMessage$,
  StartDBInstanceAutomatedBackupsReplicationResult$,
  type StartDBInstanceAutomatedBackupsReplicationMessage,
  type StartDBInstanceAutomatedBackupsReplicationResult,
} from '@aws-sdk/client-rds';
import { simError } from '../../../protocol/errors';
import { defineOperation, requireQueryParams, type SchemaOperation } from '../../../protocol/query-dispatch';
import { parseRdsArn, rdsArn, regionalKey, type RdsState } from '../model';
import { instanceStatus } from '../status';
import { automatedBackupView, invalidateViewIndex } from '../views';

/**
 * StartDBInstanceAutomatedBackupsReplication, called in the destination region with the source
 * instance's ARN: from now on the source's automated backups are replicated here, so a
 * cross-region point-in-time restore becomes possible (a preparation step, not a recovery).
 * The source region must answer; an encrypted source needs a KMS key in this region.
 */
export const startDBInstanceAutomatedBackupsReplication = defineOperation<
  StartDBInstanceAutomatedBackupsReplicationMessage,
  StartDBInstanceAutomatedBackupsReplicationResult,
  RdsState
>({
  input: StartDBInstanceAutomatedBackupsReplicationMessage$,
  output: StartDBInstanceAutomatedBackupsReplicationResult$,
  run(input, { state, region, ctx }) {
    requireQueryParams(input, ['SourceDBInstanceArn']);
    const sourceArn = input.SourceDBInstanceArn as string;
    const parsed = parseRdsArn(sourceArn);
    if (!parsed || parsed.kind !== 'db') {
      throw simError('InvalidParameterValue', `SourceDBInstanceArn ${sourceArn} is not a DB instance ARN.`);
    }
    if (parsed.region === region) {
      throw simError(
        'InvalidParameterValue',
        'The source DB instance must be in another region: call this in the destination region.',
      );
    }
    if (!ctx.regionAvailable(parsed.region, 'rds')) {
      throw simError(
        'InvalidDBInstanceState',
        `The source region ${parsed.region} does not answer; backup replication can only be started while it does.`,
      );
    }
    const now = ctx.clock.now();
    const source = state.instances[regionalKey(parsed.region, parsed.id)];
    if (!source || source.arn !== sourceArn || instanceStatus(source, now) === undefined) {
      throw simError('DBInstanceNotFound', `DBInstance ${sourceArn} not found.`, 404);
    }
    if (source.backupRetentionPeriod === 0) {
      throw simError(
        'InvalidDBInstanceState',
        `DB Instance ${source.id} has automated backups disabled (retention 0); enable them first.`,
      );
    }
    if (source.storageEncrypted && !input.KmsKeyId) {
      throw simError(
        'InvalidParameterCombination',
        `DB Instance ${source.id} is encrypted: KmsKeyId (a key in ${region}) is required.`,
      );
    }
    if (input.KmsKeyId && !input.KmsKeyId.includes(`:${region}:`) && input.KmsKeyId.startsWith('arn:')) {
      throw simError('KMSKeyNotAccessibleFault', `The KMS key ${input.KmsKeyId} is not in ${region}.`);
    }
    const existing = Object.values(state.automatedBackups).find(
      (b) => b.region === region && b.instanceArn === sourceArn && !b.stoppedAt,
    );
    if (existing) {
      throw simError(
        'DBInstanceAutomatedBackupQuotaExceeded',
        `Automated backups of ${source.id} are already replicated to ${region}.`,
      );
    }
    const arn = rdsArn(region, ctx.accountId, 'auto-backup', `ab-${ctx.rng.hex(26)}`);
    const record = {
      arn,
      region,
      sourceRegion: parsed.region,
      instanceId: source.id,
      instanceArn: source.arn,
      dbiResourceId: source.dbiResourceId,
      engine: source.engine,
      engineVersion: source.engineVersion,
      allocatedStorage: source.allocatedStorage,
      instanceClass: source.instanceClass,
      encrypted: source.storageEncrypted,
      ...(input.KmsKeyId ? { kmsKeyId: input.KmsKeyId } : {}),
      backupRetentionPeriod: input.BackupRetentionPeriod ?? 7,
      instanceCreateTime: source.createdAt,
      availabilityZone: source.availabilityZone,
      vpcId: state.subnetGroups[regionalKey(source.region, source.subnetGroupName)]?.vpcId ?? 'vpc-00000000',
      masterUsername: source.masterUsername,
      port: source.port,
      earliestTime: now.toISOString(),
      lagMinutes: 5,
    };
    state.automatedBackups[arn] = record;
    invalidateViewIndex(state);
    return { DBInstanceAutomatedBackup: automatedBackupView(state, record, now) };
  },
});

/** The RDS backup-replication operations, by action name. */
export const rdsBackupReplicationOperations: Record<string, SchemaOperation<RdsState>> = {
  StartDBInstanceAutomatedBackupsReplication: startDBInstanceAutomatedBackupsReplication,
};
