import type { ResourceFact, UnknownFact } from '../api/calls/assess';
import { rdsOptions } from './options-rds-restore';
import { knownPrimaryDbs, narrower, regionOfArn, type PrimaryDb, type RdsFacts } from './rds-lookup';
import { makeOption, newest } from './recovery-options';
import { formatMinutes, minutesSince } from './rpo';
import type { OptionContext, Subject } from './subject';

/** The facts shown for an instance: its settings, its snapshots in each region, its replicated backups. */
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

/**
 * The RDS subjects (pure): every DB instance of the primary region (observed, or reconstructed
 * from its replica, replicated backups and snapshot copies in the secondary region when the
 * primary does not answer) with its options, and the secondary's own instances.
 */
export function rdsSubjects(all: RdsFacts, ctx: OptionContext): Subject[] {
  const { primary, secondary } = ctx;
  const known = knownPrimaryDbs(all, ctx);
  const subjects: Subject[] = [];
  const replicaIds = new Set<string>();
  const narrow = narrower(all);
  for (const db of known.values()) {
    const mine = narrow(db);
    const { options: opts, copyTags } = rdsOptions(ctx, db, mine);
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
