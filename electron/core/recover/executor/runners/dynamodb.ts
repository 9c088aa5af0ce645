import { createdByIncident } from '../../../aws/tags';
import { errorCode, TargetConflictError, type ActionRunner, type RunnerContext } from '../runner-context';

interface Table {
  TableName?: string;
  TableArn?: string;
  TableStatus?: string;
  RestoreSummary?: { SourceTableArn?: string; SourceBackupArn?: string };
}

async function findTable(ctx: RunnerContext, name: string): Promise<Table | null> {
  try {
    const answer = await ctx.lookup('dynamodb', 'DescribeTable', { TableName: name }, name);
    return (answer.Table as Table | undefined) ?? null;
  } catch (error) {
    if (errorCode(error) === 'ResourceNotFoundException') return null;
    throw error;
  }
}

/**
 * A table of the target name may be adopted when its tags say this incident created it, or when
 * it was restored from this very source (a crash between the restore and the tagging).
 */
async function adoptTable(
  ctx: RunnerContext,
  table: Table,
  name: string,
  source: string,
): Promise<Record<string, string>> {
  const fromSource =
    table.RestoreSummary?.SourceTableArn === source || table.RestoreSummary?.SourceBackupArn === source;
  let ours = false;
  if (table.TableArn && !fromSource) {
    const tags = await ctx.lookup('dynamodb', 'ListTagsOfResource', { ResourceArn: table.TableArn }, name);
    ours = createdByIncident(
      tags.Tags as Array<{ Key?: string; Value?: string }> | undefined,
      ctx.incidentId,
    );
  }
  if (!fromSource && !ours) {
    throw new TargetConflictError(
      `The table ${name} exists in the secondary region and was not restored by ${ctx.incidentId}; it is left untouched.`,
      name,
    );
  }
  return { TableName: name, ...(table.TableArn ? { TableArn: table.TableArn } : {}) };
}

/** RestoreTableToPointInTime / RestoreTableFromBackup: adopt the target when this incident made it. */
export const dynamodbRestore: ActionRunner = async (ctx) => {
  const call = ctx.calls[0]!;
  const name = String(call.params.TargetTableName);
  const source = String(call.params.SourceTableArn ?? call.params.BackupArn);
  if (ctx.resuming || ctx.attempt > 0) {
    const existing = await findTable(ctx, name);
    if (existing) return adoptTable(ctx, existing, name, source);
  }
  try {
    const answer = await ctx.send(call, name);
    const table = answer.TableDescription as Table | undefined;
    return { TableName: name, ...(table?.TableArn ? { TableArn: table.TableArn } : {}) };
  } catch (error) {
    if (errorCode(error) !== 'TableAlreadyExistsException') throw error;
    const existing = await findTable(ctx, name);
    if (!existing) throw error;
    return adoptTable(ctx, existing, name, source);
  }
};

/** Tag the restored table, turn PITR on and re-apply TTL (each idempotent). */
export const dynamodbReapply: ActionRunner = async (ctx) => {
  const name = ctx.chain.targetName;
  for (const call of ctx.calls) {
    try {
      await ctx.send(call, name);
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      if (call.operation === 'UpdateTimeToLive' && /already enabled/i.test(message)) continue;
      throw error;
    }
  }
  return { TableName: name };
};

/** A global table: read the secondary replica (the wait then checks it is ACTIVE). */
export const dynamodbVerifyReplica: ActionRunner = async (ctx) => {
  const call = ctx.calls[0]!;
  const answer = await ctx.send(call, String(call.params.TableName));
  const table = answer.Table as Table | undefined;
  if (!table)
    throw new TargetConflictError(
      `The replica ${String(call.params.TableName)} does not exist in ${call.region}.`,
      String(call.params.TableName),
    );
  return {
    TableName: table.TableName ?? String(call.params.TableName),
    ...(table.TableArn ? { TableArn: table.TableArn } : {}),
  };
};
