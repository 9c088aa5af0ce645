import { s3TaggingHeader } from '../../aws/tags';
import type { OptionData } from '../types';
import { action, plannedCall, problem, type StrategyContext, type StrategyResult } from './common';

type S3Data<S extends OptionData['strategy']> = Extract<OptionData, { strategy: S }>;

/** Fail over to the replica bucket after checking REPLICA copies exist (HeadObject on sample keys). */
export function s3ReplicaFailover(ctx: StrategyContext<S3Data<'s3-replica-failover'>>): StrategyResult {
  const { replicaBucket, replicaRegion, sampleKeys } = ctx.data;
  const keys = sampleKeys.slice(0, 20);
  const calls =
    keys.length > 0
      ? keys.map((Key) =>
          plannedCall('s3', 'HeadObject', replicaRegion, { Bucket: replicaBucket, Key }, 'read'),
        )
      : [plannedCall('s3', 'ListObjectsV2', replicaRegion, { Bucket: replicaBucket, MaxKeys: 20 }, 'read')];
  return {
    problems:
      keys.length === 0
        ? [
            problem(
              ctx,
              'warning',
              'no-option',
              `${ctx.resource.name}: no sample objects known; the replica check lists the replica bucket and reads up to 20 objects.`,
              'Nothing to do; run the assessment again for a sample.',
            ),
          ]
        : [],
    actions: [
      action(ctx, 0, {
        title: `Check REPLICA copies in ${replicaBucket} and map ${ctx.resource.name} → ${replicaBucket}`,
        kind: 's3.check-replica',
        calls,
        wait: null,
        target: { type: 'bucket', name: replicaBucket },
        idempotency: { adoptBy: 'state' },
        estimatedMinutes: 0.5,
      }),
    ],
  };
}

/** Roll objects back to chosen versions with CopyObject (`CopySource` with `?versionId=`). */
export function s3VersionRollback(ctx: StrategyContext<S3Data<'s3-version-rollback'>>): StrategyResult {
  const { bucket, region, objects } = ctx.data;
  const tagging = s3TaggingHeader({
    incident: ctx.options.incidentId,
    source: ctx.resource.arn,
    createdBy: ctx.options.createdBy,
  });
  return {
    problems:
      objects.length === 0
        ? [
            problem(
              ctx,
              'error',
              'no-option',
              `${ctx.resource.name}: nothing to roll back (no versions chosen, or every object is already as it was at that time).`,
              'Choose the point in time to roll back to in the plan builder (or give the versions), or use the replica failover.',
            ),
          ]
        : [],
    actions: [
      action(ctx, 0, {
        title: `Roll ${objects.length} object${objects.length === 1 ? '' : 's'} of ${bucket} back with CopyObject`,
        kind: 's3.copy-versions',
        calls: objects.map((o) =>
          plannedCall(
            's3',
            'CopyObject',
            region,
            {
              Bucket: bucket,
              Key: o.key,
              CopySource: `${bucket}/${encodeURIComponent(o.key).replace(/%2F/g, '/')}?versionId=${encodeURIComponent(o.versionId)}`,
              TaggingDirective: 'REPLACE',
              Tagging: tagging,
            },
            'create',
          ),
        ),
        wait: null,
        target: { type: 'bucket', name: bucket },
        idempotency: { adoptBy: 'state' },
        estimatedMinutes: Math.max(0.2, objects.length * 0.02),
      }),
    ],
  };
}

/** Thaw archived objects with RestoreObject (archived objects only; never a version rollback). */
export function s3ArchiveRestore(ctx: StrategyContext<S3Data<'s3-archive-restore'>>): StrategyResult {
  const { bucket, region, objects, days, tier } = ctx.data;
  const hours = tier === 'Expedited' ? 0.1 : tier === 'Standard' ? 5 : 12;
  return {
    problems: [],
    actions: [
      action(ctx, 0, {
        title: `Restore ${objects.length} archived object${objects.length === 1 ? '' : 's'} of ${bucket} for ${days} days (${tier})`,
        kind: 's3.restore-archived',
        calls: objects.map((o) =>
          plannedCall(
            's3',
            'RestoreObject',
            region,
            {
              Bucket: bucket,
              Key: o.key,
              ...(o.versionId ? { VersionId: o.versionId } : {}),
              RestoreRequest: { Days: days, GlacierJobParameters: { Tier: tier } },
            },
            'create',
          ),
        ),
        wait: null,
        target: { type: 'bucket', name: bucket },
        idempotency: { adoptBy: 'state' },
        estimatedMinutes: hours * 60,
      }),
    ],
  };
}
