import { phaseAt } from '../../protocol/lifecycle';
import {
  DELETE_MINUTES,
  RESTORE_LAG_MINUTES,
  type RdsAutomatedBackupRecord,
  type RdsInstanceRecord,
  type RdsSnapshotRecord,
} from './model';

/** The instance's status now, or undefined when it has been deleted and is gone. */
export function instanceStatus(instance: RdsInstanceRecord, now: Date): string | undefined {
  if (instance.deletedAt) {
    const gone = Date.parse(instance.deletedAt) + DELETE_MINUTES * 60_000;
    return now.getTime() < gone ? 'deleting' : undefined;
  }
  return phaseAt(instance.phases, now);
}

/** True when the instance still exists (not deleted and gone). */
export function instanceExists(instance: RdsInstanceRecord, now: Date): boolean {
  return instanceStatus(instance, now) !== undefined;
}

/** The snapshot's status now. */
export function snapshotStatus(snapshot: RdsSnapshotRecord, now: Date): string {
  return phaseAt(snapshot.phases, now);
}

/** The point-in-time restore window of an instance, or undefined when it has none (retention 0, not yet backed up). */
export function instanceRestoreWindow(
  instance: RdsInstanceRecord,
  now: Date,
): { earliest: Date; latest: Date } | undefined {
  if (instance.backupRetentionPeriod <= 0) return undefined;
  const status = instanceStatus(instance, now);
  if (status === undefined || status === 'creating' || status === 'failed') return undefined;
  const created = Date.parse(instance.createdAt);
  const latest = Math.max(created, now.getTime() - RESTORE_LAG_MINUTES * 60_000);
  const earliest = Math.min(
    latest,
    Math.max(created, now.getTime() - instance.backupRetentionPeriod * 86_400_000),
  );
  return { earliest: new Date(earliest), latest: new Date(latest) };
}

/** The restore window of automated backups (replicated ones freeze when replication stopped). */
export function backupRestoreWindow(
  backup: RdsAutomatedBackupRecord,
  now: Date,
): { earliest: Date; latest: Date } {
  const lagged = now.getTime() - backup.lagMinutes * 60_000;
  const stopped = backup.stoppedAt ? Date.parse(backup.stoppedAt) : Number.POSITIVE_INFINITY;
  const latest = Math.max(Date.parse(backup.instanceCreateTime), Math.min(lagged, stopped));
  const retentionFloor = now.getTime() - backup.backupRetentionPeriod * 86_400_000;
  const earliest = Math.min(latest, Math.max(Date.parse(backup.earliestTime), retentionFloor));
  return { earliest: new Date(earliest), latest: new Date(latest) };
}
