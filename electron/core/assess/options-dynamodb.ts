import type { RecoveryOption, ResourceFact } from '../api/calls/assess';
import type { TableBackupFacts, TableFacts, TagMap } from './inventory';
import { makeOption, newest } from './recovery-options';
import { gib } from './rto-estimate';
import { GLOBAL_TABLE_LAG_MINUTES, formatMinutes, minutesSince, rpoFromAge, rpoFromWindow } from './rpo';
import type { OptionContext, Subject } from './subject';

/** The DynamoDB facts of both regions. */
export interface DynamodbFacts {
  tables: readonly TableFacts[];
  backups: readonly TableBackupFacts[];
  accountId: string | null;
}

interface PrimaryTable {
  name: string;
  arn: string;
  facts: TableFacts | null;
  /** The same table's replica in the secondary region, if found there. */
  replica: TableFacts | null;
}

function tableOptions(ctx: OptionContext, t: PrimaryTable, all: DynamodbFacts): RecoveryOption[] {
  const { primary, secondary, now } = ctx;
  const f = t.facts;
  const size = gib(f?.sizeBytes ?? t.replica?.sizeBytes ?? null);
  const base = { sourceArn: t.arn, sourceRegion: primary, targetRegion: secondary };
  const out: RecoveryOption[] = [];
  const fromSource = f?.replicas.find((r) => r.region === secondary);
  if (fromSource || t.replica) {
    const status = t.replica?.status ?? fromSource?.status ?? 'UNKNOWN';
    const active = status === 'ACTIVE';
    const replicaArn = t.replica?.arn ?? t.arn.replace(`:${primary}:`, `:${secondary}:`);
    out.push(
      makeOption({
        kind: 'global-table-replica',
        description: `The global table already has a live replica in ${secondary}: point applications at it (there is no failover API).`,
        rpo: active
          ? {
              minutes: GLOBAL_TABLE_LAG_MINUTES,
              reason: `replica is ACTIVE; global-table replication usually lags about a second (${GLOBAL_TABLE_LAG_MINUTES} minute bound assumed)`,
            }
          : { minutes: null, reason: `the replica is ${status}, not ACTIVE` },
        prerequisites: [
          { text: `a replica exists in ${secondary}`, met: true },
          { text: `the replica is ACTIVE (it is ${status})`, met: active },
        ],
        data: { ...base, replicaName: t.name, replicaArn, replicaStatus: status },
        sizeGiB: size,
      }),
    );
  }
  if (f?.pitr === 'ENABLED' || f?.pitr === null || f === null) {
    const enabled = f?.pitr === 'ENABLED';
    const primaryAnswers = !ctx.unreachable('dynamodb', primary);
    out.push(
      makeOption({
        kind: 'table-pitr',
        description: `Restore a new table in ${secondary} from the source's continuous backups (RestoreTableToPointInTime with SourceTableArn), then re-apply TTL, streams, tags and PITR.`,
        rpo: enabled
          ? rpoFromWindow(f.latestRestorable, now)
          : { minutes: null, reason: 'point-in-time recovery state of the source table is unknown' },
        prerequisites: [
          { text: 'point-in-time recovery is enabled on the source table', met: enabled ? true : null },
          { text: `${primary} answers (the restore reads the source table's backups)`, met: primaryAnswers },
        ],
        data: {
          ...base,
          ...(f ? { restoreWindow: { earliest: f.earliestRestorable, latest: f.latestRestorable } } : {}),
        },
        sizeGiB: size,
      }),
    );
  }
  const backups = all.backups.filter(
    (b) =>
      b.region === secondary &&
      b.status === 'AVAILABLE' &&
      (b.tableArn === t.arn || (t.replica !== null && b.tableArn === t.replica.arn)),
  );
  const backup = newest(backups, (b) => b.createdAt);
  if (backup) {
    out.push(
      makeOption({
        kind: 'backup-restore',
        description: `Restore a new table in ${secondary} from on-demand backup ${backup.arn.split('/').pop() ?? backup.arn} (RestoreTableFromBackup).`,
        rpo: rpoFromAge(backup.createdAt, now, 'backup'),
        prerequisites: [{ text: `the backup is AVAILABLE in ${secondary}`, met: true }],
        data: {
          ...base,
          backupArn: backup.arn,
          ...(backup.createdAt ? { pointInTime: backup.createdAt } : {}),
        },
        sizeGiB: gib(backup.sizeBytes) ?? size,
      }),
    );
  }
  return out;
}

function tableFacts(ctx: OptionContext, t: PrimaryTable, all: DynamodbFacts): ResourceFact[] {
  const f = t.facts;
  const facts: ResourceFact[] = [];
  if (f) {
    facts.push(
      { label: 'Status', value: f.status ?? 'unknown' },
      { label: 'Items', value: f.itemCount === null ? 'unknown' : String(f.itemCount) },
      { label: 'Size', value: f.sizeBytes === null ? 'unknown' : `${f.sizeBytes} bytes` },
      {
        label: 'Point-in-time recovery',
        value:
          f.pitr === null
            ? 'unknown'
            : f.pitr === 'ENABLED'
              ? `enabled, window ${f.earliestRestorable ?? '?'} to ${f.latestRestorable ?? '?'}${f.recoveryPeriodDays ? `, ${f.recoveryPeriodDays}-day period` : ''}`
              : 'disabled',
      },
      { label: 'TTL', value: f.ttl ?? 'unknown' },
      { label: 'Streams', value: f.streams ?? 'unknown' },
      { label: 'Billing', value: f.billingMode ?? 'unknown' },
    );
  }
  const replicas = [
    ...(f?.replicas ?? []),
    ...(t.replica ? [{ region: ctx.secondary, status: t.replica.status ?? '?' }] : []),
  ];
  const unique = new Map(replicas.map((r) => [r.region, r.status]));
  facts.push({
    label: 'Global-table replicas',
    value: unique.size === 0 ? 'none' : [...unique].map(([r, s]) => `${r} (${s})`).join(', '),
  });
  for (const region of [ctx.primary, ctx.secondary]) {
    const backups = all.backups.filter(
      (b) => b.region === region && (b.tableArn === t.arn || b.tableName === t.name),
    );
    const latest = newest(backups, (b) => b.createdAt);
    const age = minutesSince(latest?.createdAt ?? null, ctx.now);
    facts.push({
      label: `On-demand backups in ${region}`,
      value: ctx.incomplete('dynamodb', region)
        ? `unknown (${region} could not be listed)`
        : backups.length === 0
          ? 'none'
          : `${backups.length}, newest ${age === null ? '?' : `${formatMinutes(age)} old`}`,
    });
  }
  return facts;
}

/**
 * The DynamoDB subjects (pure): every table of the primary region (observed, or reconstructed from
 * its global-table replica in the secondary region when the primary does not answer) with its
 * options, and the secondary's own tables that are not replicas.
 */
export function dynamodbSubjects(all: DynamodbFacts, ctx: OptionContext): Subject[] {
  const { primary, secondary } = ctx;
  const secondaryByName = new Map(all.tables.filter((t) => t.region === secondary).map((t) => [t.name, t]));
  const known = new Map<string, PrimaryTable>();
  for (const t of all.tables) {
    if (t.region !== primary) continue;
    const replica = secondaryByName.get(t.name);
    const linked =
      replica &&
      (replica.replicas.some((r) => r.region === primary) || t.replicas.some((r) => r.region === secondary));
    known.set(t.name, { name: t.name, arn: t.arn, facts: t, replica: linked ? replica : null });
  }
  if (ctx.incomplete('dynamodb', primary)) {
    for (const t of secondaryByName.values()) {
      if (known.has(t.name) || !t.replicas.some((r) => r.region === primary)) continue;
      known.set(t.name, {
        name: t.name,
        arn: t.arn.replace(`:${secondary}:`, `:${primary}:`),
        facts: null,
        replica: t,
      });
    }
  }
  const replicaNames = new Set([...known.values()].filter((t) => t.replica).map((t) => t.name));
  const subjects: Subject[] = [];
  for (const t of known.values()) {
    const f = t.facts;
    const options = tableOptions(ctx, t, all);
    const copyTags: TagMap | null = t.replica?.tags ?? null;
    subjects.push({
      id: t.arn,
      service: 'dynamodb',
      kind: 'table',
      region: primary,
      name: t.name,
      role: 'primary',
      observed: f !== null,
      tags: f ? f.tags : null,
      copyTags,
      facts: tableFacts(ctx, t, all),
      details: f
        ? {
            ...(f.pitr !== null ? { pitrEnabled: f.pitr === 'ENABLED' } : {}),
            ttlAttribute: f.ttlAttribute,
            ...(f.billingMode ? { billingMode: f.billingMode } : {}),
            ...(f.streams ? { streams: f.streams } : {}),
          }
        : {},
      options,
      unknowns: f
        ? [...f.unknown]
        : [
            {
              fact: 'PITR, TTL, streams and tags of the source table',
              reason: `${primary} does not answer; the table is known from its global-table replica in ${secondary}`,
            },
          ],
      optionsIncomplete: ctx.incomplete('dynamodb', secondary),
      sizeGiB: gib(f?.sizeBytes ?? null),
      policy: {
        service: 'dynamodb',
        name: t.name,
        pitr: f ? f.pitr : null,
        recoveryPeriodDays: f ? f.recoveryPeriodDays : null,
        globalReplicaInSecondary: options.some((o) => o.kind === 'global-table-replica'),
      },
    });
  }
  for (const t of secondaryByName.values()) {
    if (replicaNames.has(t.name)) continue;
    if (t.replicas.some((r) => r.region === primary)) continue;
    subjects.push({
      id: t.arn,
      service: 'dynamodb',
      kind: 'table',
      region: secondary,
      name: t.name,
      role: 'secondary',
      observed: true,
      tags: t.tags,
      copyTags: null,
      facts: tableFacts(
        { ...ctx, primary: secondary },
        { name: t.name, arn: t.arn, facts: t, replica: null },
        all,
      ),
      details: {
        ...(t.pitr !== null ? { pitrEnabled: t.pitr === 'ENABLED' } : {}),
        ttlAttribute: t.ttlAttribute,
      },
      options: [
        makeOption({
          kind: 'in-place',
          description: `The table lives in ${secondary}; it keeps serving.`,
          rpo: { minutes: 0, reason: 'not affected by the primary region' },
          prerequisites: [],
          data: { sourceArn: t.arn, sourceRegion: secondary, targetRegion: secondary },
          sizeGiB: null,
        }),
      ],
      unknowns: [...t.unknown],
      optionsIncomplete: false,
      sizeGiB: gib(t.sizeBytes),
      policy: {
        service: 'dynamodb',
        name: t.name,
        pitr: t.pitr,
        recoveryPeriodDays: t.recoveryPeriodDays,
        globalReplicaInSecondary: false,
      },
    });
  }
  return subjects;
}
