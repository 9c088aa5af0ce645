import type { RecoveryOption, RecoveryOptionKind } from '../api/calls/assess';
import type { StrategyId } from '../recover/types';

/** The runbook that does each recovery option by hand (`null`: nothing to do). */
export const OPTION_RUNBOOKS: Record<RecoveryOptionKind, string | null> = {
  'replica-bucket': 's3-cross-region-failover',
  'version-rollback': 's3-version-rollback',
  'read-replica-promotion': 'rds-read-replica-promotion',
  'cross-region-pitr': 'rds-pitr-cross-region',
  'snapshot-restore': 'rds-snapshot-copy-restore',
  'snapshot-copy-restore': 'rds-snapshot-copy-restore',
  'ami-launch': 'ec2-ami-recovery',
  'ami-copy-launch': 'ec2-ami-recovery',
  'volume-from-snapshot': 'ec2-ebs-volume-recovery',
  'global-table-replica': 'dynamodb-global-table-failover',
  'table-pitr': 'dynamodb-pitr-restore',
  'backup-restore': 'dynamodb-backup-restore',
  'in-place': null,
};

/**
 * The assessment's option kind behind each planner strategy (`null`: the planner's own flow, with
 * no assessment option of its own).
 */
export const STRATEGY_OPTION_KINDS: Record<StrategyId, RecoveryOptionKind | null> = {
  's3-replica-failover': 'replica-bucket',
  's3-version-rollback': 'version-rollback',
  's3-archive-restore': null,
  'rds-pitr-cross-region': 'cross-region-pitr',
  'rds-snapshot-restore': 'snapshot-restore',
  'rds-snapshot-copy-restore': 'snapshot-copy-restore',
  'rds-promote-replica': 'read-replica-promotion',
  'ec2-ami-launch': 'ami-launch',
  'ec2-ami-copy-launch': 'ami-copy-launch',
  'ebs-snapshot-copy': 'volume-from-snapshot',
  'dynamodb-pitr-cross-region': 'table-pitr',
  'dynamodb-backup-restore': 'backup-restore',
  'dynamodb-global-replica': 'global-table-replica',
};

/** The runbook that does a planner strategy by hand: its option's runbook, or its own. */
export function runbookForStrategy(strategy: StrategyId): string {
  const kind = STRATEGY_OPTION_KINDS[strategy];
  const viaOption = kind ? OPTION_RUNBOOKS[kind] : null;
  // The archive restore has no assessment option: its runbook bears the strategy's name.
  return viaOption ?? 's3-archive-restore';
}

/** A runbook to open for an option, with the placeholder values the option already knows. */
export interface OptionRunbookLink {
  runbookId: string;
  values: Record<string, string>;
}

/** The resource name at the end of an ARN: `orders-db` of `arn:aws:rds:us-east-1:1:db:orders-db`. */
function arnName(arn: string): { service: string; account: string; name: string } | null {
  const match = /^arn:aws[a-z-]*:([a-z0-9-]+):[a-z0-9-]*:(\d*):(.+)$/.exec(arn);
  if (!match) return null;
  const resource = match[3]!;
  const name = resource.replace(/^(db|snapshot|table|instance|volume|image)[:/]/, '').split('/')[0]!;
  return { service: match[1]!, account: match[2]!, name };
}

/**
 * The runbook for a recovery option from the assessment or the plan, with its placeholders
 * filled from what the option knows: regions, the source's name, replica, snapshot, AMI, backup,
 * and the latest restorable time as `<restore-time>`. Null for options with no runbook.
 */
export function runbookForOption(option: Pick<RecoveryOption, 'kind' | 'data'>): OptionRunbookLink | null {
  const runbookId = OPTION_RUNBOOKS[option.kind];
  if (!runbookId) return null;
  const d = option.data;
  const values: Record<string, string | undefined> = {
    'primary-region': d.sourceRegion,
    'secondary-region': d.targetRegion,
  };
  const source = arnName(d.sourceArn);
  if (source?.account) values['account-id'] = source.account;
  if (source?.service === 's3') values['bucket-name'] = source.name;
  if (source?.service === 'rds') values['db-instance-id'] = source.name;
  if (source?.service === 'dynamodb') values['table-name'] = source.name;
  if (d.restoreWindow?.latest) values['restore-time'] = d.restoreWindow.latest.replace(/\.\d{3}Z$/, 'Z');
  values['automated-backups-arn'] = d.automatedBackupArn;
  values['db-instance-class'] = d.dbInstanceClass;
  values['instance-type'] = d.instanceType;
  // Only a zone of the region the runbook restores into (the source's zone does not exist there).
  if (d.availabilityZone?.startsWith(d.targetRegion)) values['availability-zone'] = d.availabilityZone;
  values['backup-arn'] = d.backupArn;
  values['object-key'] = d.sampleKeys?.[0];
  if (d.snapshotId) {
    const inTarget = d.snapshotRegion === d.targetRegion;
    values[inTarget ? 'target-db-snapshot-id' : 'db-snapshot-id'] = d.snapshotId;
  }
  if (d.replicaName) {
    const replicaPlaceholder =
      option.kind === 'replica-bucket' || option.kind === 'version-rollback'
        ? 'replica-bucket-name'
        : option.kind === 'read-replica-promotion'
          ? 'replica-db-instance-id'
          : null;
    if (replicaPlaceholder) values[replicaPlaceholder] = d.replicaName;
  }
  if (option.kind === 'version-rollback' && d.replicaName) {
    // The rollback runs on the replica bucket, in the secondary region.
    values['bucket-name'] = d.replicaName;
    values['primary-region'] = d.targetRegion;
  }
  if (d.imageId) values[d.imageRegion === d.targetRegion ? 'copied-ami-id' : 'ami-id'] = d.imageId;
  const volume = d.volumes?.[0];
  if (volume) {
    values[volume.snapshotRegion === d.targetRegion ? 'copied-snapshot-id' : 'snapshot-id'] =
      volume.snapshotId;
    if (volume.device) values['device-name'] = volume.device;
  }
  return {
    runbookId,
    values: Object.fromEntries(
      Object.entries(values).flatMap(([name, value]) =>
        value === undefined || value === '' ? [] : [[name, value]],
      ),
    ),
  };
}
