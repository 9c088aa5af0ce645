import type { OptionData, StrategyId } from '../types';
import type { StrategyContext, StrategyResult } from './common';
import { dynamodbBackup, dynamodbGlobalReplica, dynamodbPitr } from './dynamodb';
import { ebsSnapshotCopy, ec2AmiCopyLaunch, ec2AmiLaunch } from './ec2';
import { rdsPitr, rdsPromoteReplica, rdsSnapshotCopyRestore, rdsSnapshotRestore } from './rds';
import { s3ArchiveRestore, s3ReplicaFailover, s3VersionRollback } from './s3';

type Builder<S extends StrategyId> = (
  ctx: StrategyContext<Extract<OptionData, { strategy: S }>>,
) => StrategyResult;

const BUILDERS: { [S in StrategyId]: Builder<S> } = {
  's3-replica-failover': s3ReplicaFailover,
  's3-version-rollback': s3VersionRollback,
  's3-archive-restore': s3ArchiveRestore,
  'rds-pitr-cross-region': rdsPitr,
  'rds-snapshot-restore': rdsSnapshotRestore,
  'rds-snapshot-copy-restore': rdsSnapshotCopyRestore,
  'rds-promote-replica': rdsPromoteReplica,
  'ec2-ami-launch': ec2AmiLaunch,
  'ec2-ami-copy-launch': ec2AmiCopyLaunch,
  'ebs-snapshot-copy': ebsSnapshotCopy,
  'dynamodb-pitr-cross-region': dynamodbPitr,
  'dynamodb-backup-restore': dynamodbBackup,
  'dynamodb-global-replica': dynamodbGlobalReplica,
};

/** Build one resource's actions with the builder of its strategy. */
export function buildStrategy(ctx: StrategyContext): StrategyResult {
  const builder = BUILDERS[ctx.data.strategy] as Builder<StrategyId>;
  return builder(ctx as StrategyContext<never>);
}

/** What each strategy is called in the UI and the dry run. */
export const STRATEGY_TITLES: Readonly<Record<StrategyId, string>> = {
  's3-replica-failover': 'S3: fail over to the replica bucket',
  's3-version-rollback': 'S3: roll objects back to a version (CopyObject)',
  's3-archive-restore': 'S3: restore archived objects (RestoreObject)',
  'rds-pitr-cross-region': 'RDS: point-in-time restore from replicated backups',
  'rds-snapshot-restore': 'RDS: restore a snapshot already in the secondary region',
  'rds-snapshot-copy-restore': 'RDS: copy a snapshot across regions, then restore',
  'rds-promote-replica': 'RDS: promote the cross-region read replica',
  'ec2-ami-launch': 'EC2: launch from an AMI in the secondary region',
  'ec2-ami-copy-launch': 'EC2: copy the AMI, then launch',
  'ebs-snapshot-copy': 'EBS: copy the snapshot, create and attach the volume',
  'dynamodb-pitr-cross-region': 'DynamoDB: point-in-time restore by source table ARN',
  'dynamodb-backup-restore': 'DynamoDB: restore an on-demand backup',
  'dynamodb-global-replica': 'DynamoDB: use the global table replica',
};

export type { StrategyContext, StrategyResult } from './common';
