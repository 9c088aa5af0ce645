/**
 * Finding what concerns an RDS instance (pure): ARN parts, the primary instances known directly or
 * only from their copies in the secondary region, and per-instance views of the facts.
 */
import type { AutomatedBackupFacts, DbInstanceFacts, DbSnapshotFacts } from './inventory';
import { pushToList as push } from './push-to-list';
import type { OptionContext } from './subject';

/** The RDS facts of both regions. */
export interface RdsFacts {
  instances: readonly DbInstanceFacts[];
  snapshots: readonly DbSnapshotFacts[];
  automatedBackups: readonly AutomatedBackupFacts[];
  accountId: string | null;
}

/** The region of an RDS ARN, or null when it is not one. */
export function regionOfArn(arn: string): string | null {
  return /^arn:[^:]+:rds:([a-z0-9-]+):/.exec(arn)?.[1] ?? null;
}

/** The resource id at the end of a DB instance ARN (the ARN itself when it has none). */
export function idOfArn(arn: string): string {
  return /:db:([^:]+)$/.exec(arn)?.[1] ?? arn;
}

/** What is known about one primary instance: observed, or reconstructed from its copies. */
export interface PrimaryDb {
  id: string;
  arn: string;
  facts: DbInstanceFacts | null;
}

/**
 * The facts that can concern one instance, found through indexes built once: its replicas and
 * namesakes, its snapshots and its automated backups (keeps a 10,000-resource estate linear).
 */
export function narrower(all: RdsFacts): (db: { id: string; arn: string }) => RdsFacts {
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
 * The primary region's DB instances: those observed there, plus (only when the primary could not
 * be listed) those known from their replicas, replicated automated backups and snapshot copies in
 * the secondary region. Keyed by ARN, observed ones first.
 */
export function knownPrimaryDbs(all: RdsFacts, ctx: OptionContext): Map<string, PrimaryDb> {
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
  return known;
}
