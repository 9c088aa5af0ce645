import type { OptionData, PlanAction } from '../types';
import {
  action,
  actionId,
  plannedCall,
  problem,
  ref,
  tagParams,
  tagsFor,
  windowProblem,
  type StrategyContext,
  type StrategyResult,
} from './common';

type DdbData<S extends OptionData['strategy']> = Extract<OptionData, { strategy: S }>;

const TABLE_WAIT = { kind: 'table-active' as const, describe: 'DescribeTable until the table is ACTIVE' };

/** PITR, TTL and tags are not carried over by a restore: re-apply the chosen ones on the target. */
function reapply(ctx: StrategyContext, n: number): PlanAction | null {
  const region = ctx.options.regions.secondary;
  const wanted = {
    pitr: ctx.settings.reapply?.pitr ?? ctx.options.reapply.pitr,
    ttl: (ctx.settings.reapply?.ttl ?? ctx.options.reapply.ttl) && !!ctx.resource.details.ttlAttribute,
    tags: ctx.settings.reapply?.tags ?? ctx.options.reapply.tags,
  };
  const restored = actionId(ctx.chainId, n - 1);
  const calls = [
    plannedCall(
      'dynamodb',
      'TagResource',
      region,
      {
        ResourceArn: ref(restored, 'TableArn'),
        Tags: tagParams([
          ...tagsFor(ctx),
          ...(wanted.tags
            ? Object.entries(ctx.resource.tags)
                .filter(([k]) => !k.startsWith('aws:') && !k.startsWith('dr-war-room:'))
                .map(([Key, Value]) => ({ Key, Value }))
            : []),
        ]),
      },
      'create',
    ),
  ];
  if (wanted.pitr) {
    calls.push(
      plannedCall(
        'dynamodb',
        'UpdateContinuousBackups',
        region,
        { TableName: ctx.targetName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } },
        'create',
      ),
    );
  }
  if (wanted.ttl && ctx.resource.details.ttlAttribute) {
    calls.push(
      plannedCall(
        'dynamodb',
        'UpdateTimeToLive',
        region,
        {
          TableName: ctx.targetName,
          TimeToLiveSpecification: { Enabled: true, AttributeName: ctx.resource.details.ttlAttribute },
        },
        'create',
      ),
    );
  }
  return action(ctx, n, {
    title: `Tag ${ctx.targetName}${wanted.pitr ? ', turn PITR on' : ''}${wanted.ttl ? ', re-apply TTL' : ''}`,
    kind: 'dynamodb.reapply',
    calls,
    wait: null,
    target: { type: 'table', name: ctx.targetName },
    idempotency: { adoptBy: 'state' },
    estimatedMinutes: 1,
  });
}

/** Cross-region point-in-time restore by the source table ARN. */
export function dynamodbPitr(ctx: StrategyContext<DdbData<'dynamodb-pitr-cross-region'>>): StrategyResult {
  const region = ctx.options.regions.secondary;
  const issue = windowProblem(ctx, ctx.data.window, 'DynamoDB point-in-time restore of');
  const restore = action(ctx, 0, {
    title: `Restore ${ctx.resource.name} to ${ctx.restoreTime ?? 'the latest restorable time'} as ${ctx.targetName}`,
    kind: 'dynamodb.restore-pitr',
    calls: [
      plannedCall(
        'dynamodb',
        'RestoreTableToPointInTime',
        region,
        {
          SourceTableArn: ctx.data.sourceTableArn,
          TargetTableName: ctx.targetName,
          ...(ctx.restoreTime ? { RestoreDateTime: ctx.restoreTime } : { UseLatestRestorableTime: true }),
          ...sseOverride(ctx.settings.kmsKeyId),
        },
        'create',
      ),
    ],
    wait: TABLE_WAIT,
    target: { type: 'table', name: ctx.targetName },
    quota: 'table-restore',
    idempotency: { adoptBy: 'name' },
    estimatedMinutes: 40,
  });
  const after = reapply(ctx, 1);
  return { problems: issue ? [issue] : [], actions: after ? [restore, after] : [restore] };
}

/** Restore from an on-demand backup. */
export function dynamodbBackup(ctx: StrategyContext<DdbData<'dynamodb-backup-restore'>>): StrategyResult {
  const region = ctx.options.regions.secondary;
  const restore = action(ctx, 0, {
    title: `Restore ${ctx.resource.name} from backup as ${ctx.targetName}`,
    kind: 'dynamodb.restore-backup',
    calls: [
      plannedCall(
        'dynamodb',
        'RestoreTableFromBackup',
        region,
        {
          BackupArn: ctx.data.backupArn,
          TargetTableName: ctx.targetName,
          ...sseOverride(ctx.settings.kmsKeyId),
        },
        'create',
      ),
    ],
    wait: TABLE_WAIT,
    target: { type: 'table', name: ctx.targetName },
    quota: 'table-restore',
    idempotency: { adoptBy: 'name' },
    estimatedMinutes: 30,
  });
  const after = reapply(ctx, 1);
  const backupRegion = ctx.data.backupArn.split(':')[3];
  const problems =
    backupRegion && backupRegion !== region
      ? [
          problem(
            ctx,
            'error',
            'option-unavailable',
            `${ctx.resource.name}: the backup is in ${backupRegion}, and DynamoDB restores a backup only in its own region.`,
            `Copy the backup into ${region} with AWS Backup first, or choose point-in-time restore.`,
          ),
        ]
      : [];
  return { problems, actions: after ? [restore, after] : [restore] };
}

/** A global table: no restore, verify the secondary replica is ACTIVE and point applications at it. */
export function dynamodbGlobalReplica(
  ctx: StrategyContext<DdbData<'dynamodb-global-replica'>>,
): StrategyResult {
  const region = ctx.options.regions.secondary;
  return {
    problems: [],
    actions: [
      action(ctx, 0, {
        title: `Verify the ${region} replica of ${ctx.resource.name} is ACTIVE`,
        kind: 'dynamodb.verify-replica',
        calls: [plannedCall('dynamodb', 'DescribeTable', region, { TableName: ctx.resource.name }, 'read')],
        wait: TABLE_WAIT,
        target: { type: 'table', name: ctx.resource.name },
        idempotency: { adoptBy: 'state' },
        estimatedMinutes: 0.2,
      }),
    ],
  };
}

/** The restore's encryption override when a us-west-2 KMS key is mapped (else AWS's default). */
function sseOverride(kmsKeyId: string | undefined): Record<string, unknown> {
  return kmsKeyId
    ? { SSESpecificationOverride: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: kmsKeyId } }
    : {};
}
