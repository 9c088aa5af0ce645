import type { OptionData, ParamValue, PlanProblem } from '../types';
import {
  action,
  missingSettings,
  plannedCall,
  problem,
  tagParams,
  tagsFor,
  windowProblem,
  type StrategyContext,
  type StrategyResult,
} from './common';

type RdsData<S extends OptionData['strategy']> = Extract<OptionData, { strategy: S }>;

/** The target settings every new RDS instance gets explicitly (AWS defaults are rarely right). */
function instanceTargetParams(ctx: StrategyContext): Record<string, ParamValue> {
  const s = ctx.settings;
  return {
    TargetDBInstanceIdentifier: ctx.targetName,
    DBSubnetGroupName: s.subnetGroup ?? null,
    VpcSecurityGroupIds: s.securityGroupIds ?? null,
    DBInstanceClass: s.instanceClass ?? ctx.resource.details.instanceClass ?? null,
    MultiAZ: s.multiAZ ?? ctx.resource.details.multiAZ ?? false,
    Tags: tagParams(tagsFor(ctx)),
  };
}

function settingsProblems(ctx: StrategyContext): PlanProblem[] {
  const p = missingSettings(ctx, ['subnetGroup', 'securityGroupIds'], 'rds');
  return p ? [p] : [];
}

const DB_WAIT = {
  kind: 'db-instance-available' as const,
  describe: 'DescribeDBInstances until the status is available',
};

/** Cross-region point-in-time restore from replicated automated backups. */
export function rdsPitr(ctx: StrategyContext<RdsData<'rds-pitr-cross-region'>>): StrategyResult {
  const region = ctx.options.regions.secondary;
  const problems = settingsProblems(ctx);
  const windowIssue = windowProblem(ctx, ctx.data.window, 'RDS point-in-time restore of');
  if (windowIssue) problems.push(windowIssue);
  const params: Record<string, ParamValue> = {
    SourceDBInstanceAutomatedBackupsArn: ctx.data.automatedBackupsArn,
    ...instanceTargetParams(ctx),
    ...(ctx.restoreTime ? { RestoreTime: ctx.restoreTime } : { UseLatestRestorableTime: true }),
    ...(ctx.data.encrypted && ctx.settings.kmsKeyId ? { KmsKeyId: ctx.settings.kmsKeyId } : {}),
  };
  if (ctx.data.encrypted && !ctx.settings.kmsKeyId) {
    problems.push(
      problem(
        ctx,
        'warning',
        'missing-mapping',
        `${ctx.resource.name} is encrypted and no KMS key is set for ${region}: the replicated backup's key is used.`,
        'Set kmsKeyId under defaults.rds in recovery-mapping.yaml to choose the key.',
      ),
    );
  }
  return {
    problems,
    actions: [
      action(ctx, 0, {
        title: `Restore ${ctx.resource.name} to ${ctx.restoreTime ?? 'the latest restorable time'} as ${ctx.targetName}`,
        kind: 'rds.restore-pitr',
        calls: [plannedCall('rds', 'RestoreDBInstanceToPointInTime', region, params, 'create')],
        wait: DB_WAIT,
        target: { type: 'db-instance', name: ctx.targetName },
        idempotency: { adoptBy: 'name' },
        estimatedMinutes: 35,
      }),
    ],
  };
}

/** Restore from a snapshot already in the secondary region. */
export function rdsSnapshotRestore(ctx: StrategyContext<RdsData<'rds-snapshot-restore'>>): StrategyResult {
  const region = ctx.options.regions.secondary;
  const { TargetDBInstanceIdentifier, ...rest } = instanceTargetParams(ctx);
  return {
    problems: settingsProblems(ctx),
    actions: [
      action(ctx, 0, {
        title: `Restore ${ctx.resource.name} from snapshot ${ctx.data.snapshotId} as ${ctx.targetName}`,
        kind: 'rds.restore-snapshot',
        calls: [
          plannedCall(
            'rds',
            'RestoreDBInstanceFromDBSnapshot',
            region,
            {
              DBInstanceIdentifier: TargetDBInstanceIdentifier ?? ctx.targetName,
              DBSnapshotIdentifier: ctx.data.snapshotId,
              ...rest,
            },
            'create',
          ),
        ],
        wait: DB_WAIT,
        target: { type: 'db-instance', name: ctx.targetName },
        idempotency: { adoptBy: 'name' },
        estimatedMinutes: 25,
      }),
    ],
  };
}

/** Copy a snapshot across regions (full source ARN; KMS key for encrypted copies), then restore it. */
export function rdsSnapshotCopyRestore(
  ctx: StrategyContext<RdsData<'rds-snapshot-copy-restore'>>,
): StrategyResult {
  const region = ctx.options.regions.secondary;
  const problems = settingsProblems(ctx);
  const copyName = `${ctx.targetName}-copy`.slice(0, 255);
  if (ctx.data.encrypted && !ctx.settings.kmsKeyId) {
    problems.push(
      problem(
        ctx,
        'error',
        'missing-mapping',
        `${ctx.resource.name}: the snapshot is encrypted, so copying it into ${region} needs a KMS key there.`,
        `Set kmsKeyId (a key in ${region}) under defaults.rds in recovery-mapping.yaml.`,
      ),
    );
  }
  const { TargetDBInstanceIdentifier, ...rest } = instanceTargetParams(ctx);
  return {
    problems,
    actions: [
      action(ctx, 0, {
        title: `Copy snapshot of ${ctx.resource.name} into ${region}`,
        kind: 'rds.copy-snapshot',
        calls: [
          plannedCall(
            'rds',
            'CopyDBSnapshot',
            region,
            {
              SourceDBSnapshotIdentifier: ctx.data.sourceSnapshotArn,
              TargetDBSnapshotIdentifier: copyName,
              KmsKeyId: ctx.data.encrypted ? (ctx.settings.kmsKeyId ?? null) : null,
              CopyTags: false,
              Tags: tagParams(tagsFor(ctx)),
            },
            'create',
          ),
        ],
        wait: { kind: 'db-snapshot-available', describe: 'DescribeDBSnapshots until the copy is available' },
        target: { type: 'db-snapshot', name: copyName },
        quota: 'rds-snapshot-copy',
        idempotency: { adoptBy: 'name' },
        estimatedMinutes: 45,
      }),
      action(ctx, 1, {
        title: `Restore ${ctx.resource.name} from the copied snapshot as ${ctx.targetName}`,
        kind: 'rds.restore-snapshot',
        calls: [
          plannedCall(
            'rds',
            'RestoreDBInstanceFromDBSnapshot',
            region,
            {
              DBInstanceIdentifier: TargetDBInstanceIdentifier ?? ctx.targetName,
              DBSnapshotIdentifier: copyName,
              ...rest,
            },
            'create',
          ),
        ],
        wait: DB_WAIT,
        target: { type: 'db-instance', name: ctx.targetName },
        idempotency: { adoptBy: 'name' },
        estimatedMinutes: 25,
      }),
    ],
  };
}

/** Promote the cross-region read replica (acts on the replica in the secondary region only). */
export function rdsPromoteReplica(ctx: StrategyContext<RdsData<'rds-promote-replica'>>): StrategyResult {
  const region = ctx.options.regions.secondary;
  return {
    problems: [],
    actions: [
      action(ctx, 0, {
        title: `Promote read replica ${ctx.data.replicaId} in ${region}`,
        kind: 'rds.promote-replica',
        calls: [
          plannedCall(
            'rds',
            'PromoteReadReplica',
            region,
            { DBInstanceIdentifier: ctx.data.replicaId, BackupRetentionPeriod: 7 },
            'create',
          ),
          plannedCall(
            'rds',
            'AddTagsToResource',
            region,
            { ResourceName: ctx.data.replicaArn, Tags: tagParams(tagsFor(ctx)) },
            'create',
          ),
        ],
        wait: DB_WAIT,
        target: { type: 'db-instance', name: ctx.data.replicaId },
        idempotency: { adoptBy: 'state' },
        estimatedMinutes: 10,
      }),
    ],
  };
}
