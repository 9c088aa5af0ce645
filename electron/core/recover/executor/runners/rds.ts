import { createdByIncident } from '../../../aws/tags';
import type { SdkAnswer } from '../commands';
import { errorCode, TargetConflictError, type ActionRunner, type RunnerContext } from '../runner-context';

interface DbInstance {
  DBInstanceIdentifier?: string;
  DBInstanceArn?: string;
  DBInstanceStatus?: string;
  TagList?: Array<{ Key?: string; Value?: string }>;
  ReadReplicaSourceDBInstanceIdentifier?: string;
}

function instanceOutput(db: DbInstance | undefined, fallback: string): Record<string, string> {
  return {
    DBInstanceIdentifier: db?.DBInstanceIdentifier ?? fallback,
    ...(db?.DBInstanceArn ? { DBInstanceArn: db.DBInstanceArn } : {}),
  };
}

async function findInstance(ctx: RunnerContext, id: string): Promise<DbInstance | null> {
  try {
    const answer = await ctx.lookup('rds', 'DescribeDBInstances', { DBInstanceIdentifier: id }, id);
    return ((answer.DBInstances as DbInstance[] | undefined) ?? [])[0] ?? null;
  } catch (error) {
    if (errorCode(error) === 'DBInstanceNotFound' || errorCode(error) === 'DBInstanceNotFoundFault')
      return null;
    throw error;
  }
}

function adopt(ctx: RunnerContext, db: DbInstance, name: string): Record<string, string> {
  if (ctx.attempt > 0 && db.DBInstanceStatus === 'failed') {
    throw new TargetConflictError(
      `The earlier restore into ${name} failed; the failed instance stays for investigation (nothing is deleted). Set another targetName for this resource and build the plan again.`,
      name,
    );
  }
  if (!createdByIncident(db.TagList, ctx.incidentId)) {
    throw new TargetConflictError(
      `The DB instance ${name} exists in ${ctx.calls[0]?.region ?? 'the secondary region'} and was not created by ${ctx.incidentId}; it is left untouched.`,
      name,
    );
  }
  return instanceOutput(db, name);
}

/** RestoreDBInstanceToPointInTime / RestoreDBInstanceFromDBSnapshot: adopt by name when this incident created it. */
export const rdsRestore: ActionRunner = async (ctx) => {
  const call = ctx.calls[0]!;
  const name = String(call.params.TargetDBInstanceIdentifier ?? call.params.DBInstanceIdentifier);
  if (ctx.resuming || ctx.attempt > 0) {
    const existing = await findInstance(ctx, name);
    if (existing) return adopt(ctx, existing, name);
  }
  try {
    const answer = await ctx.send(call, name);
    return instanceOutput(answer.DBInstance as DbInstance | undefined, name);
  } catch (error) {
    if (!/DBInstanceAlreadyExists/.test(errorCode(error))) throw error;
    const existing = await findInstance(ctx, name);
    if (!existing) throw error;
    return adopt(ctx, existing, name);
  }
};

interface DbSnapshot {
  DBSnapshotIdentifier?: string;
  DBSnapshotArn?: string;
  TagList?: Array<{ Key?: string; Value?: string }>;
}

async function findSnapshot(ctx: RunnerContext, id: string): Promise<DbSnapshot | null> {
  try {
    const answer = await ctx.lookup('rds', 'DescribeDBSnapshots', { DBSnapshotIdentifier: id }, id);
    return ((answer.DBSnapshots as DbSnapshot[] | undefined) ?? [])[0] ?? null;
  } catch (error) {
    if (/DBSnapshotNotFound/.test(errorCode(error))) return null;
    throw error;
  }
}

function snapshotOutput(s: DbSnapshot | undefined, name: string, ctx: RunnerContext): Record<string, string> {
  if (s && !createdByIncident(s.TagList, ctx.incidentId)) {
    throw new TargetConflictError(
      `The DB snapshot ${name} exists and was not created by ${ctx.incidentId}; it is left untouched.`,
      name,
    );
  }
  return {
    DBSnapshotIdentifier: s?.DBSnapshotIdentifier ?? name,
    ...(s?.DBSnapshotArn ? { DBSnapshotArn: s.DBSnapshotArn } : {}),
  };
}

/** CopyDBSnapshot (full source ARN; the SDK presigns the cross-region request): adopt by name. */
export const rdsCopySnapshot: ActionRunner = async (ctx) => {
  const call = ctx.calls[0]!;
  const name = String(call.params.TargetDBSnapshotIdentifier);
  if (ctx.resuming || ctx.attempt > 0) {
    const existing = await findSnapshot(ctx, name);
    if (existing) return snapshotOutput(existing, name, ctx);
  }
  try {
    const answer: SdkAnswer = await ctx.send(call, name);
    const snap = answer.DBSnapshot as DbSnapshot | undefined;
    return {
      DBSnapshotIdentifier: snap?.DBSnapshotIdentifier ?? name,
      ...(snap?.DBSnapshotArn ? { DBSnapshotArn: snap.DBSnapshotArn } : {}),
    };
  } catch (error) {
    if (!/DBSnapshotAlreadyExists/.test(errorCode(error))) throw error;
    const existing = await findSnapshot(ctx, name);
    if (!existing) throw error;
    return snapshotOutput(existing, name, ctx);
  }
};

/** PromoteReadReplica on the secondary replica (skipped when it is already standalone), then tag it. */
export const rdsPromote: ActionRunner = async (ctx) => {
  const [promote, tag] = ctx.calls;
  const id = String(promote!.params.DBInstanceIdentifier);
  const current = await findInstance(ctx, id);
  if (!current)
    throw new TargetConflictError(`The read replica ${id} does not exist in ${promote!.region}.`, id);
  if (current.ReadReplicaSourceDBInstanceIdentifier) await ctx.send(promote!, id);
  if (tag) await ctx.send(tag, id);
  return instanceOutput(current, id);
};
