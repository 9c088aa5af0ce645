import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  GetItemCommand,
  RestoreTableToPointInTimeCommand,
  ScanCommand,
  TagResourceCommand,
  type AttributeValue,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { appTags } from '../aws/tags';
import { check, diffItem, keyText, type Attr } from '../validate/compare';
import { isNotFound } from '../validate/send';
import type { DrillContext } from './drill-context';
import { minutesSince, waitFor } from './drill-context';
import { drillResourceName } from './drill-id';
import type { ServiceTestOutcome } from './service-result';

/** How many restored items the drill compares with the source. */
export const DYNAMODB_SAMPLE = 25;

type Item = Record<string, AttributeValue>;

/** The SDK item as the plain JSON the validation comparisons take. */
function plain(item: Item): Record<string, Attr> {
  return item as unknown as Record<string, Attr>;
}

/** The key of an item (PURE): only the key attributes. */
export function keyOf(item: Item, keyNames: readonly string[]): Item {
  const key: Item = {};
  for (const k of keyNames) if (item[k]) key[k] = item[k];
  return key;
}

/**
 * The DynamoDB drill: restore a test table from the source's PITR into the secondary region at
 * the latest restorable time, tag it with the drill id, wait for it to be ACTIVE, and compare a
 * sample of its items with the source, key by key (items changed at the source since the
 * restore point are reported, not failed: they are newer than the backup).
 */
export async function dynamodbDrill(
  ctx: DrillContext,
  table: string,
  outcome: ServiceTestOutcome,
): Promise<void> {
  const say = (phase: string, message: string) => ctx.progress('dynamodb', phase, message);
  const region = ctx.regions.secondary;
  outcome.region = region;
  const src = ctx.clients.dynamodb(ctx.regions.primary);
  const ddb = ctx.clients.dynamodb(region);
  say('finding the recovery point', `Reading ${table} and its point-in-time recovery.`);
  const source = (await src.send(new DescribeTableCommand({ TableName: table }))).Table;
  if (!source?.TableArn) throw new Error(`Table ${table} was not found in ${ctx.regions.primary}.`);
  const keys = (source.KeySchema ?? []).map((k) => k.AttributeName ?? '').filter((k) => k !== '');
  const cb = await src.send(new DescribeContinuousBackupsCommand({ TableName: table }));
  const pitr = cb.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
  if (pitr?.PointInTimeRecoveryStatus !== 'ENABLED' || !pitr.LatestRestorableDateTime) {
    outcome.checks.push(
      check(
        'recovery-point',
        'Point-in-time recovery is on',
        'fail',
        `PITR of ${table} is ${pitr?.PointInTimeRecoveryStatus ?? 'DISABLED'}: there is no point in time to restore.`,
        {
          fix: `Turn PITR on: aws dynamodb update-continuous-backups --region ${ctx.regions.primary} --table-name ${table} --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true`,
          requestIds: [cb.$metadata.requestId],
        },
      ),
    );
    return;
  }
  const point = pitr.LatestRestorableDateTime;
  outcome.recoveryPoint = { kind: 'point-in-time', id: source.TableArn, time: point.toISOString() };
  outcome.checks.push(
    check(
      'recovery-point',
      'Point-in-time recovery is on',
      'pass',
      `PITR ENABLED, restorable ${pitr.EarliestRestorableDateTime?.toISOString() ?? '?'} to ${point.toISOString()}.`,
      { requestIds: [cb.$metadata.requestId] },
    ),
  );

  const name = drillResourceName(ctx.id, 'dynamodb');
  say('restoring', `Restoring ${name} in ${region} to ${point.toISOString()}.`);
  const started = ctx.now();
  outcome.rpoMinutes = minutesSince(point, started);
  const restore = await ddb.send(
    new RestoreTableToPointInTimeCommand({
      SourceTableArn: source.TableArn,
      TargetTableName: name,
      RestoreDateTime: point,
    }),
  );
  ctx.created({ kind: 'dynamodb-table', region, id: name, drillId: ctx.id });
  const arn = restore.TableDescription?.TableArn;
  if (!arn) throw new Error('RestoreTableToPointInTime answered without the new table ARN.');
  // The restore API takes no tags: tag at once, so clean-up can prove the table is the drill's.
  await ddb.send(
    new TagResourceCommand({
      ResourceArn: arn,
      Tags: appTags({ incident: ctx.id, source: source.TableArn, createdBy: ctx.createdBy }),
    }),
  );

  const restored = await waitFor<TableDescription | null>(
    ctx,
    `${name} to become ACTIVE`,
    async () => {
      try {
        const t = (await ddb.send(new DescribeTableCommand({ TableName: name }))).Table;
        const state = t?.TableStatus ?? 'CREATING';
        return state === 'ACTIVE' && t ? { done: true, value: t } : { done: false, state };
      } catch (error) {
        if (isNotFound(error)) return { done: true, value: null };
        throw error;
      }
    },
    (state) => say('waiting for ACTIVE', `${name} is ${state}.`),
  );
  outcome.rtoMinutes = minutesSince(started, ctx.now());
  outcome.checks.push(
    check(
      'active',
      'The test table became ACTIVE',
      restored ? 'pass' : 'fail',
      restored
        ? `${name} ACTIVE after ${outcome.rtoMinutes} min.`
        : `${name} disappeared while restoring: the restore failed.`,
      {
        fix: 'Read the table restore error in the console (RestoreSummary), fix the cause (KMS key, quota) and run the drill again.',
        requestIds: [restore.$metadata.requestId],
      },
    ),
  );
  if (!restored) return;

  say('comparing', `Comparing up to ${DYNAMODB_SAMPLE} restored items with ${table}.`);
  const page = await ddb.send(
    new ScanCommand({ TableName: name, Limit: DYNAMODB_SAMPLE, ConsistentRead: true }),
  );
  const items = page.Items ?? [];
  const missing: string[] = [];
  const changed: string[] = [];
  for (const item of items) {
    const got = await src.send(
      new GetItemCommand({ TableName: table, Key: keyOf(item, keys), ConsistentRead: true }),
    );
    const text = keyText(plain(item), keys);
    if (!got.Item) missing.push(text);
    else {
      const diff = diffItem(plain(item), plain(got.Item));
      if (diff.length > 0) changed.push(`${text} (${diff.join(', ')})`);
    }
  }
  const same = items.length - missing.length - changed.length;
  const status =
    items.length === 0
      ? source.ItemCount
        ? 'fail'
        : 'warn'
      : same === 0
        ? 'fail'
        : missing.length + changed.length > 0
          ? 'warn'
          : 'pass';
  outcome.checks.push(
    check(
      'sample-items',
      'Sampled restored items equal the source',
      status,
      items.length === 0
        ? `the restored table has no items (source reports ${source.ItemCount ?? 0}).`
        : `${same} of ${items.length} sampled items identical${changed.length ? `; changed at the source since the restore point: ${changed.slice(0, 5).join('; ')}` : ''}${missing.length ? `; gone from the source since: ${missing.slice(0, 5).join('; ')}` : ''}.`,
      {
        fix: 'Differences beyond writes after the restore point mean the backup is not a faithful copy: open a case with the evidence.',
        requestIds: [page.$metadata.requestId],
      },
    ),
  );
}
