import type { RecoveryOption, ResourceFact, UnknownFact } from '../api/calls/assess';
import type { AutomatedBackupFacts, DbInstanceFacts, DbSnapshotFacts, TagMap } from './inventory';
import { makeOption, newest } from './recovery-options';
import { READ_REPLICA_LAG_MINUTES, formatMinutes, minutesSince, rpoFromAge, rpoFromWindow } from './rpo';
import type { OptionContext, Subject } from './subject';

/** The RDS facts of both regions. */
export interface RdsFacts {
  instances: readonly DbInstanceFacts[];
  snapshots: readonly DbSnapshotFacts[];
  automatedBackups: readonly AutomatedBackupFacts[];
  accountId: string | null;
}

function regionOfArn(arn: string): string | null {
  return /^arn:[^:]+:rds:([a-z0-9-]+):/.exec(arn)?.[1] ?? null;
}

function idOfArn(arn: string): string {
  return /:db:([^:]+)$/.exec(arn)?.[1] ?? arn;
}

/** What is known about one primary instance: observed, or reconstructed from its copies. */
interface PrimaryDb {
  id: string;
  arn: string;
  facts: DbInstanceFacts | null;
}

const USABLE_REPLICA_STATES = new Set(['available', 'storage-optimization']);

function options(
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

function dbFacts(ctx: OptionContext, db: PrimaryDb, all: RdsFacts): ResourceFact[] {
  const f = db.facts;
  const facts: ResourceFact[] = [];
  if (f) {
    facts.push(
      { label: 'Engine', value: `${f.engine} ${f.engineVersion}`.trim() },
      { label: 'Class', value: f.instanceClass },
      { label: 'Status', value: f.status },
      { label: 'Multi-AZ', value: f.multiAz ? 'yes' : 'no' },
      { label: 'Encrypted', value: f.encrypted ? `yes${f.kmsKeyId ? ` (${f.kmsKeyId})` : ''}` : 'no' },
      { label: 'Storage', value: `${f.allocatedStorageGiB} GiB` },
      { label: 'Backup retention', value: `${f.backupRetentionDays} day(s)` },
      { label: 'Latest restorable time', value: f.latestRestorableTime ?? 'none' },
    );
  }
  for (const region of [ctx.primary, ctx.secondary]) {
    const snaps = all.snapshots.filter(
      (s) => s.region === region && s.instanceId === db.id && s.status === 'available',
    );
    const latest = newest(snaps, (s) => s.createdAt);
    const age = minutesSince(latest?.createdAt ?? null, ctx.now);
    facts.push({
      label: `Snapshots in ${region}`,
      value: ctx.incomplete('rds', region)
        ? `unknown (${region} could not be listed)`
        : snaps.length === 0
          ? 'none'
          : `${snaps.length}, newest ${latest?.id ?? '?'} ${age === null ? '' : `(${formatMinutes(age)} old)`}`.trim(),
    });
  }
  const replicated = all.automatedBackups.find((b) => b.region === ctx.secondary && b.instanceArn === db.arn);
  facts.push({
    label: `Automated backups in ${ctx.secondary}`,
    value: replicated
      ? `replicated (${replicated.status}), window ${replicated.earliest ?? '?'} to ${replicated.latest ?? '?'}`
      : ctx.incomplete('rds', ctx.secondary)
        ? 'unknown'
        : 'not replicated',
  });
  return facts;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The facts that can concern one instance, found through indexes built once: its replicas and
 * namesakes, its snapshots and its automated backups (keeps a 10,000-resource estate linear).
 */
function narrower(all: RdsFacts): (db: { id: string; arn: string }) => RdsFacts {
  const instances = new Map<string, DbInstanceFacts[]>();
  for (const i of all.instances) {
    push(instances, i.id, i);
    if (i.replicaSource !== null && i.replicaSource !== i.id) push(instances, i.replicaSource, i);
  }
  const snapshots = new Map<string, DbSnapshotFacts[]>();
  for (const snap of all.snapshots) push(snapshots, snap.instanceId, snap);
  const backups = new Map<string, AutomatedBackupFacts[]>();
  for (const b of all.automatedBackups) {
    push(backups, b.instanceArn, b);
    if (b.instanceId !== b.instanceArn) push(backups, b.instanceId, b);
  }
  return (db) => ({
    instances: [...new Set([...(instances.get(db.arn) ?? []), ...(instances.get(db.id) ?? [])])],
    snapshots: snapshots.get(db.id) ?? [],
    automatedBackups: [...new Set([...(backups.get(db.arn) ?? []), ...(backups.get(db.id) ?? [])])],
    accountId: all.accountId,
  });
}

/**
 * The RDS subjects (pure): every DB instance of the primary region (observed, or reconstructed
 * from its replica, replicated backups and snapshot copies in the secondary region when the
 * primary does not answer) with its options, and the secondary's own instances.
 */
export function rdsSubjects(all: RdsFacts, ctx: OptionContext): Subject[] {
  const { primary, secondary } = ctx;
  const observed = all.instances.filter((i) => i.region === primary);
  const known = new Map<string, PrimaryDb>(observed.map((i) => [i.arn, { id: i.id, arn: i.arn, facts: i }]));
  const account = all.accountId ?? '000000000000';
  const addRef = (arn: string): void => {
    if (regionOfArn(arn) !== primary || known.has(arn)) return;
    if (!ctx.incomplete('rds', primary)) return;
    known.set(arn, { id: idOfArn(arn), arn, facts: null });
  };
  for (const i of all.instances) {
    if (i.region === secondary && i.replicaSource?.startsWith('arn:')) addRef(i.replicaSource);
  }
  for (const b of all.automatedBackups)
    if (b.region === secondary && b.sourceRegion === primary) addRef(b.instanceArn);
  for (const s of all.snapshots) {
    if (s.region === secondary && s.sourceRegion === primary && s.instanceId) {
      addRef(`arn:aws:rds:${primary}:${account}:db:${s.instanceId}`);
    }
  }
  const subjects: Subject[] = [];
  const replicaIds = new Set<string>();
  const narrow = narrower(all);
  for (const db of known.values()) {
    const mine = narrow(db);
    const { options: opts, copyTags } = options(ctx, db, mine);
    for (const o of opts)
      if (o.kind === 'read-replica-promotion' && o.data.replicaName) replicaIds.add(o.data.replicaName);
    const f = db.facts;
    const unknowns: UnknownFact[] = [];
    if (!f) {
      unknowns.push({
        fact: 'engine, class, Multi-AZ, retention and tags of the source instance',
        reason: `${primary} does not answer; the instance is known from its copies in ${secondary}`,
      });
    }
    const secondarySnaps = mine.snapshots.filter(
      (s) => s.region === secondary && s.instanceId === db.id && s.status === 'available',
    );
    const newestCopy = newest(secondarySnaps, (s) => s.createdAt);
    subjects.push({
      id: db.arn,
      service: 'rds',
      kind: 'db-instance',
      region: primary,
      name: db.id,
      role: 'primary',
      observed: f !== null,
      tags: f ? f.tags : null,
      copyTags,
      facts: dbFacts(ctx, db, mine),
      details: f
        ? {
            engine: f.engine,
            engineVersion: f.engineVersion,
            instanceClass: f.instanceClass,
            multiAZ: f.multiAz,
            encrypted: f.encrypted,
            allocatedStorageGiB: f.allocatedStorageGiB,
            ...(f.port !== null ? { port: f.port } : {}),
            ...(f.kmsKeyId ? { kmsKeyId: f.kmsKeyId } : {}),
            ...(f.subnetGroup ? { subnetGroup: f.subnetGroup } : {}),
            ...(f.availabilityZone ? { availabilityZone: f.availabilityZone } : {}),
          }
        : {},
      options: opts,
      unknowns,
      optionsIncomplete: ctx.incomplete('rds', secondary),
      sizeGiB: f?.allocatedStorageGiB ?? null,
      policy: {
        service: 'rds',
        id: db.id,
        arn: db.arn,
        retentionDays: f ? f.backupRetentionDays : null,
        multiAz: f ? f.multiAz : null,
        encrypted: f ? f.encrypted : null,
        replicatedBackups: opts.some((o) => o.kind === 'cross-region-pitr')
          ? true
          : ctx.incomplete('rds', secondary)
            ? null
            : false,
        newestSecondarySnapshotMinutes: ctx.incomplete('rds', secondary)
          ? undefined
          : newestCopy
            ? minutesSince(newestCopy.createdAt, ctx.now)
            : null,
      },
    });
  }
  for (const i of all.instances) {
    if (i.region !== secondary || replicaIds.has(i.id)) continue;
    if (i.replicaSource && regionOfArn(i.replicaSource) === primary) continue;
    const db: PrimaryDb = { id: i.id, arn: i.arn, facts: i };
    subjects.push({
      id: i.arn,
      service: 'rds',
      kind: 'db-instance',
      region: secondary,
      name: i.id,
      role: 'secondary',
      observed: true,
      tags: i.tags,
      copyTags: null,
      facts: dbFacts({ ...ctx, primary: secondary }, db, narrow(db)).filter(
        (f) => !f.label.startsWith('Automated backups'),
      ),
      details: {
        engine: i.engine,
        engineVersion: i.engineVersion,
        instanceClass: i.instanceClass,
        multiAZ: i.multiAz,
        encrypted: i.encrypted,
        allocatedStorageGiB: i.allocatedStorageGiB,
      },
      options: [
        makeOption({
          kind: 'in-place',
          description: `The instance runs in ${secondary}; it keeps serving.`,
          rpo: { minutes: 0, reason: 'not affected by the primary region' },
          prerequisites: [],
          data: { sourceArn: i.arn, sourceRegion: secondary, targetRegion: secondary },
          sizeGiB: null,
        }),
      ],
      unknowns: [],
      optionsIncomplete: false,
      sizeGiB: i.allocatedStorageGiB,
      policy: {
        service: 'rds',
        id: i.id,
        arn: i.arn,
        retentionDays: i.backupRetentionDays,
        multiAz: i.multiAz,
        encrypted: i.encrypted,
        replicatedBackups: null,
        newestSecondarySnapshotMinutes: undefined,
      },
    });
  }
  return subjects;
}
