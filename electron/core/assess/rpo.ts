/**
 * Achievable recovery points (pure): how much data would be lost, in minutes, by each kind of
 * copy. Every function takes `now` so results are reproducible.
 */

const MINUTE = 60_000;

/** The bound S3 replication is designed to meet (S3 Replication Time Control: 15 minutes). */
export const S3_REPLICATION_BOUND_MINUTES = 15;

/** The lag assumed for an RDS cross-region read replica that is replicating (the metric is in CloudWatch). */
export const READ_REPLICA_LAG_MINUTES = 5;

/** The lag assumed for an ACTIVE DynamoDB global-table replica (usually about a second). */
export const GLOBAL_TABLE_LAG_MINUTES = 1;

/** Whole minutes elapsed from an ISO time until `now` (never negative); null for a missing time. */
export function minutesSince(iso: string | null | undefined, now: Date): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return Math.max(0, Math.floor((now.getTime() - t) / MINUTE));
}

/** A duration in minutes as people say it: `45 minutes`, `26 hours`, `3 days`. */
export function formatMinutes(minutes: number): string {
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 72) return `${hours} hours`;
  const days = Math.round(minutes / 1440);
  return `${days} days`;
}

/** The RPO of a restore to the latest restorable time of a window: the time since that point. */
export function rpoFromWindow(latest: string | null, now: Date): { minutes: number | null; reason: string } {
  const minutes = minutesSince(latest, now);
  if (minutes === null) return { minutes: null, reason: 'the restore window has no latest restorable time' };
  return { minutes, reason: `latest restorable time ${latest} (${formatMinutes(minutes)} ago)` };
}

/** The RPO of a restore from a copy taken at a point in time: the copy's age. */
export function rpoFromAge(
  takenAt: string | null,
  now: Date,
  what: string,
): { minutes: number | null; reason: string } {
  const minutes = minutesSince(takenAt, now);
  if (minutes === null) return { minutes: null, reason: `the ${what} has no creation time` };
  return { minutes, reason: `${what} taken ${takenAt} (${formatMinutes(minutes)} ago)` };
}

/** What an object sample says about S3 replication. */
export interface SampleView {
  sampled: number;
  statuses: Record<string, number>;
  oldestPendingAt: string | null;
  empty: boolean;
}

/**
 * The RPO of failing over to a replica bucket, from samples of the source (COMPLETED, PENDING,
 * FAILED) and of the replica (REPLICA). Objects stuck PENDING set the bound to their age; with no
 * replicated object anywhere, there is no usable copy.
 */
export function s3ReplicaRpo(
  source: SampleView | null,
  replica: SampleView | null,
  now: Date,
): { minutes: number | null; reason: string } {
  const replicas = replica?.statuses['REPLICA'] ?? 0;
  if (source && source.sampled > 0) {
    const failed = source.statuses['FAILED'] ?? 0;
    const pending = minutesSince(source.oldestPendingAt, now);
    if (failed > 0) {
      return {
        minutes: null,
        reason: `${failed} of ${source.sampled} sampled objects FAILED to replicate: the replica is incomplete`,
      };
    }
    const pendingCount = source.statuses['PENDING'] ?? 0;
    if (pending !== null && pendingCount > 0) {
      const minutes = Math.max(S3_REPLICATION_BOUND_MINUTES, pending);
      return {
        minutes,
        reason: `${pendingCount} of ${source.sampled} newest objects are still PENDING replication (the oldest written ${formatMinutes(pending)} ago): they are not in the replica yet`,
      };
    }
    const completed = source.statuses['COMPLETED'] ?? 0;
    if (completed === 0 && replicas === 0 && (pending === null || pending === 0)) {
      return {
        minutes: null,
        reason: 'no sampled object shows replication (no COMPLETED or REPLICA status)',
      };
    }
    return {
      minutes: S3_REPLICATION_BOUND_MINUTES,
      reason: `${completed} of ${source.sampled} sampled objects COMPLETED; replication is bounded by about ${S3_REPLICATION_BOUND_MINUTES} minutes`,
    };
  }
  if (replica && replicas > 0) {
    return {
      minutes: S3_REPLICATION_BOUND_MINUTES,
      reason: `${replicas} of ${replica.sampled} sampled replica objects are REPLICA copies; the source side could not be read, so objects still pending there are not counted (about ${S3_REPLICATION_BOUND_MINUTES} minutes assumed)`,
    };
  }
  if (source?.empty && (replica === null || replica.empty)) {
    return { minutes: 0, reason: 'the bucket is empty: nothing to lose' };
  }
  if (replica && replica.sampled === 0 && !replica.empty) {
    return { minutes: null, reason: 'the replica objects could not be read' };
  }
  return { minutes: null, reason: 'no REPLICA copies were found in the replica bucket' };
}
