import { createdByIncident } from '../../../aws/tags';
import { sleep } from '../backoff';
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

/**
 * How long to wait between tries when AWS refuses a call on a table just tagged: DynamoDB tags
 * reach IAM a little after TagResource returns, and the app's policy allows PITR and TTL only on
 * tables carrying its incident tag. About 30 s in all, then the refusal stands.
 */
export const TAG_PROPAGATION_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000];

/**
 * The re-apply routine with a given wait schedule: tag the restored table, turn PITR on and
 * re-apply TTL (each idempotent). A call after the tag that AWS refuses with AccessDenied is
 * tried again after each delay, since the tag it depends on may not have reached IAM yet.
 */
export function dynamodbReapplyWith(delaysMs: readonly number[]): ActionRunner {
  return async (ctx) => {
    const name = ctx.chain.targetName;
    let tagged = false;
    for (const call of ctx.calls) {
      for (let tries = 0; ; tries += 1) {
        try {
          await ctx.send(call, name);
          break;
        } catch (error) {
          const message = error instanceof Error ? error.message : '';
          if (call.operation === 'UpdateTimeToLive' && /already enabled/i.test(message)) break;
          const delay = delaysMs[tries];
          if (!tagged || delay === undefined || !/AccessDenied/.test(errorCode(error))) throw error;
          await sleep(delay);
        }
      }
      if (call.operation === 'TagResource') tagged = true;
    }
    return { TableName: name };
  };
}

/** Tag the restored table, turn PITR on and re-apply TTL, waiting for the tag to reach IAM. */
export const dynamodbReapply: ActionRunner = dynamodbReapplyWith(TAG_PROPAGATION_DELAYS_MS);

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
