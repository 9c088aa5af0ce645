/**
 * The recovery options of one primary DB instance (pure): promote its read replica in the
 * secondary region, restore from replicated automated backups (point in time), restore from a
 * snapshot copy there, or copy a primary snapshot first.
 */
import type { RecoveryOption } from '../api/calls/assess';
import type { TagMap } from './inventory';
import { makeOption, newest } from './recovery-options';
import { READ_REPLICA_LAG_MINUTES, rpoFromAge, rpoFromWindow } from './rpo';
import { regionOfArn, type PrimaryDb, type RdsFacts } from './rds-lookup';
import type { OptionContext } from './subject';

const USABLE_REPLICA_STATES = new Set(['available', 'storage-optimization']);

/**
 * Every option for `db` from the facts that concern it, strongest first as found, and the tags of
 * its copy in the secondary region (the replica's, else the newest snapshot copy's).
 */
export function rdsOptions(
  ctx: OptionContext,
  db: PrimaryDb,
  all: RdsFacts,
): { options: RecoveryOption[]; copyTags: TagMap | null } {
  const { primary, secondary, now } = ctx;
  const f = db.facts;
  const size = f?.allocatedStorageGiB ?? null;
  const base = {
    sourceArn: db.arn,
    sourceRegion: primary,
    targetRegion: secondary,
    ...(f
      ? {
          dbInstanceClass: f.instanceClass,
          multiAz: f.multiAz,
          encrypted: f.encrypted,
          allocatedStorageGiB: f.allocatedStorageGiB,
          ...(f.kmsKeyId ? { kmsKeyId: f.kmsKeyId } : {}),
        }
      : {}),
  };
  const out: RecoveryOption[] = [];
  let copyTags: TagMap | null = null;

  const replica = all.instances.find(
    (i) =>
      i.region === secondary &&
      i.replicaSource !== null &&
      (i.replicaSource === db.arn || i.replicaSource === db.id),
  );
  if (replica) {
    copyTags = replica.tags;
    const usable = USABLE_REPLICA_STATES.has(replica.status);
    out.push(
      makeOption({
        kind: 'read-replica-promotion',
        description: `Promote ${replica.id} in ${secondary} to a standalone instance (PromoteReadReplica on the replica; the source is not touched).`,
        rpo: usable
          ? {
              minutes: READ_REPLICA_LAG_MINUTES,
              reason: `the replica is ${replica.status}; replication lag is in CloudWatch (ReplicaLag), about ${READ_REPLICA_LAG_MINUTES} minutes assumed`,
            }
          : { minutes: null, reason: `the replica is ${replica.status}, not available` },
        prerequisites: [
          { text: `read replica ${replica.id} exists in ${secondary}`, met: true },
          {
            text: `the replica is available (it is ${replica.status}; promotion fails while backing-up)`,
            met: usable,
          },
        ],
        data: {
          ...base,
          replicaName: replica.id,
          replicaArn: replica.arn,
          replicaStatus: replica.status,
          dbInstanceClass: replica.instanceClass,
        },
        sizeGiB: replica.allocatedStorageGiB,
      }),
    );
  }

  const backups = all.automatedBackups.filter(
    (b) =>
      b.region === secondary &&
      (b.instanceArn === db.arn || (b.sourceRegion === primary && b.instanceId === db.id)),
  );
  const backup = newest(backups, (b) => b.latest);
  if (backup) {
    const rpo = rpoFromWindow(backup.latest, now);
    out.push(
      makeOption({
        kind: 'cross-region-pitr',
        description: `Restore a new instance in ${secondary} from the replicated automated backups (RestoreDBInstanceToPointInTime with SourceDBInstanceAutomatedBackupsArn), to the latest restorable time or a chosen time in the window.`,
        rpo,
        prerequisites: [
          { text: `automated backups are replicated to ${secondary}`, met: true },
          { text: 'the restore window has a latest restorable time', met: backup.latest !== null },
          ...(backup.encrypted || f?.encrypted
            ? [
                {
                  text: `a KMS key in ${secondary} for the encrypted restore (set in the recovery mapping)`,
                  met: true,
                },
              ]
            : []),
        ],
        data: {
          ...base,
          automatedBackupArn: backup.arn,
          restoreWindow: { earliest: backup.earliest, latest: backup.latest },
          encrypted: backup.encrypted,
          allocatedStorageGiB: f?.allocatedStorageGiB ?? backup.allocatedStorageGiB,
        },
        sizeGiB: size ?? backup.allocatedStorageGiB,
      }),
    );
  }

  const secondaryInstanceIds = new Set(all.instances.filter((i) => i.region === secondary).map((i) => i.id));
  const copies = all.snapshots.filter(
    (s) =>
      s.region === secondary &&
      s.status === 'available' &&
      s.instanceId === db.id &&
      (s.sourceRegion === primary ||
        (s.sourceSnapshotArn !== null && regionOfArn(s.sourceSnapshotArn) === primary) ||
        !secondaryInstanceIds.has(db.id)),
  );
  const copy = newest(copies, (s) => s.createdAt);
  if (copy) {
    copyTags ??= copy.tags;
    out.push(
      makeOption({
        kind: 'snapshot-restore',
        description: `Restore a new instance in ${secondary} from snapshot ${copy.id} (RestoreDBInstanceFromDBSnapshot).`,
        rpo: rpoFromAge(copy.createdAt, now, `snapshot ${copy.id}`),
        prerequisites: [{ text: `snapshot ${copy.id} is available in ${secondary}`, met: true }],
        data: {
          ...base,
          snapshotId: copy.id,
          snapshotArn: copy.arn,
          snapshotRegion: secondary,
          ...(copy.createdAt ? { pointInTime: copy.createdAt } : {}),
          encrypted: copy.encrypted,
        },
        sizeGiB: size ?? copy.allocatedStorageGiB,
      }),
    );
  }

  const originals = all.snapshots.filter(
    (s) => s.region === primary && s.status === 'available' && s.instanceId === db.id,
  );
  const original = newest(originals, (s) => s.createdAt);
  const primaryAnswers = !ctx.unreachable('rds', primary);
  if (original) {
    out.push(
      makeOption({
        kind: 'snapshot-copy-restore',
        description: `Copy snapshot ${original.id} to ${secondary} (CopyDBSnapshot with the full source ARN), then restore a new instance from the copy.`,
        rpo: rpoFromAge(original.createdAt, now, `snapshot ${original.id}`),
        prerequisites: [
          { text: `snapshot ${original.id} is available in ${primary}`, met: true },
          { text: `${primary} answers (the copy reads the source snapshot there)`, met: primaryAnswers },
        ],
        data: {
          ...base,
          snapshotId: original.id,
          snapshotArn: original.arn,
          snapshotRegion: primary,
          ...(original.createdAt ? { pointInTime: original.createdAt } : {}),
          encrypted: original.encrypted,
        },
        sizeGiB: size ?? original.allocatedStorageGiB,
      }),
    );
  }
  return { options: out, copyTags };
}
