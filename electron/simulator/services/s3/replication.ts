import type { SimContext } from '../../core/types';
import type { S3Bucket, S3ObjectVersion, S3State } from './model';
import { bucketNameFromArn } from './model';

/** Base replication lag (simulated ms) before the random part. */
export const BASE_REPLICATION_LAG_MS = 5_000;

/**
 * Queue the replication of a freshly written version when the bucket's configuration covers its
 * key: the source version becomes PENDING until {@link settleReplication} copies it.
 */
export function scheduleReplication(
  state: S3State,
  bucket: S3Bucket,
  key: string,
  version: S3ObjectVersion,
  ctx: SimContext,
): void {
  if (!bucket.replication || version.deleteMarker) return;
  const rule = [...bucket.replication.rules]
    .sort((a, b) => b.priority - a.priority)
    .find((r) => r.status === 'Enabled' && key.startsWith(r.prefix));
  if (!rule) return;
  const destinationName = bucketNameFromArn(rule.destinationBucket);
  const destination = state.buckets[destinationName];
  if (!destination || destination.versioning !== 'Enabled' || bucket.versioning !== 'Enabled') {
    version.replicationStatus = 'FAILED';
    return;
  }
  version.replicationStatus = 'PENDING';
  const lag =
    BASE_REPLICATION_LAG_MS +
    ctx.rng.int(0, 10_000) +
    ctx.replicationLagMs(bucket.region, destination.region);
  state.pending.push({
    sourceBucket: bucket.name,
    key,
    versionId: version.versionId,
    destinationBucket: destinationName,
    ...(rule.storageClass ? { storageClass: rule.storageClass } : {}),
    dueAt: new Date(ctx.clock.now().getTime() + lag).toISOString(),
  });
}

/**
 * Complete every replication whose lag has passed while both regions are up: the copy lands in
 * the destination with the same version id as REPLICA, and the source becomes COMPLETED.
 * During a source-region outage they stay PENDING (as S3 does), and finish once it ends.
 */
export function settleReplication(state: S3State, ctx: SimContext): void {
  if (state.pending.length === 0) return;
  const now = ctx.clock.now().toISOString();
  const remaining = [];
  for (const job of state.pending) {
    const source = state.buckets[job.sourceBucket];
    const destination = state.buckets[job.destinationBucket];
    const version = source?.objects[job.key]?.find((v) => v.versionId === job.versionId);
    if (!source || !destination || !version) continue;
    const up = ctx.regionAvailable(source.region, 's3') && ctx.regionAvailable(destination.region, 's3');
    if (job.dueAt > now || !up) {
      remaining.push(job);
      continue;
    }
    const replica: S3ObjectVersion = {
      ...structuredClone(version),
      replicationStatus: 'REPLICA',
      storageClass: job.storageClass ?? version.storageClass,
    };
    delete replica.restore;
    const list = (destination.objects[job.key] ??= []);
    if (!list.some((v) => v.versionId === replica.versionId)) {
      list.push(replica);
      list.sort((a, b) => b.lastModified.localeCompare(a.lastModified));
    }
    version.replicationStatus = 'COMPLETED';
  }
  state.pending = remaining;
}
