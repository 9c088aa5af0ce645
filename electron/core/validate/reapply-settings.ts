/**
 * Re-applying PITR, TTL and tags on a restored DynamoDB table (restores do not carry them over):
 * a pure plan of the writes from what the source had and what the table has now, and the edge
 * that checks the table is this incident's, sends the writes, and reports each.
 */
import { AppError } from '../api/errors';
import type { AwsClients } from '../aws/clients';
import { allowKinds } from '../aws/guard';
import { TAG_INCIDENT } from '../aws/tags';
import { cliEquivalent } from '../recover/cli-equivalent';
import type { ParamValue } from '../recover/types';
import { requestIdOf, send } from './send';
import type { ValidationSubject } from './subjects';
import type { ReapplyResult } from './types';

/** Which settings to re-apply (each defaults to true), and whether only to preview. */
export interface ReapplyChoice {
  pitr?: boolean;
  ttl?: boolean;
  tags?: boolean;
  /** Only say what would be sent (each call and its aws CLI equivalent); send nothing. */
  dryRun?: boolean;
}

/** One write the re-apply would send. */
export interface PlannedWrite {
  setting: 'pitr' | 'ttl' | 'tags';
  operation: string;
  params: Record<string, ParamValue>;
  cli: string;
  detail: string;
}

/** The user's tags of a resource: without AWS's (`aws:`) and this app's (`dr-war-room:`). PURE. */
export function userTags(tags: Record<string, string> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags ?? {}))
    if (!k.startsWith('aws:') && !k.startsWith('dr-war-room:')) out[k] = v;
  return out;
}

/**
 * The writes that bring a restored table's settings back, and what is skipped and why (PURE):
 * PITR on; TTL on the source's attribute unless it is already on or the source had none; the
 * source's own tags unless there are none on record.
 */
export function planReapply(input: {
  table: string;
  tableArn: string;
  region: string;
  choice: ReapplyChoice;
  /** The source's TTL attribute, as assessed. */
  sourceTtlAttribute: string | null | undefined;
  /** The source's tags, as assessed. */
  sourceTags: Record<string, string> | null | undefined;
  /** The table's TTL now (DescribeTimeToLive), when asked for. */
  ttlNow: { TimeToLiveStatus?: string; AttributeName?: string } | undefined;
}): { planned: PlannedWrite[]; skipped: ReapplyResult['skipped'] } {
  const { table, region, choice } = input;
  const skipped: ReapplyResult['skipped'] = [];
  const planned: PlannedWrite[] = [];
  const write = (
    setting: PlannedWrite['setting'],
    operation: string,
    params: Record<string, ParamValue>,
    detail: string,
  ) =>
    planned.push({
      setting,
      operation,
      params,
      detail,
      cli: cliEquivalent('dynamodb', operation, region, params),
    });
  if (choice.pitr ?? true)
    write(
      'pitr',
      'UpdateContinuousBackups',
      { TableName: table, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } },
      'point-in-time recovery enabled',
    );
  if (choice.ttl ?? true) {
    const attribute = input.sourceTtlAttribute;
    const now = input.ttlNow;
    if (!attribute) skipped.push({ setting: 'ttl', reason: 'the source has no TTL attribute on record' });
    else if (now?.TimeToLiveStatus === 'ENABLED' && now.AttributeName === attribute)
      skipped.push({ setting: 'ttl', reason: `TTL already on ${attribute}` });
    else
      write(
        'ttl',
        'UpdateTimeToLive',
        { TableName: table, TimeToLiveSpecification: { Enabled: true, AttributeName: attribute } },
        `TTL on ${attribute}`,
      );
  }
  if (choice.tags ?? true) {
    const tags = userTags(input.sourceTags);
    if (Object.keys(tags).length === 0) skipped.push({ setting: 'tags', reason: 'no source tags on record' });
    else
      write(
        'tags',
        'TagResource',
        { ResourceArn: input.tableArn, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
        Object.keys(tags).join(', '),
      );
  }
  return { planned, skipped };
}

/**
 * Re-apply the settings on the restored table of `s` (a DynamoDB subject): refuses
 * (`OPERATION_NOT_ALLOWED`, nothing changed) a table not tagged with this incident, sends the
 * planned writes unless `dryRun`, and returns the result (the caller journals it).
 */
export async function reapplySettings(
  clientsOf: () => Promise<AwsClients>,
  incidentId: string,
  s: ValidationSubject,
  choice: ReapplyChoice,
): Promise<ReapplyResult> {
  const region = s.targetRegion;
  const clients = (await clientsOf()).withPolicy(
    allowKinds(['read', 'create'], 'Re-applying table settings'),
  );
  const described = await send(clients, 'dynamodb', region, 'DescribeTable', { TableName: s.targetId });
  const arn = (described.Table as { TableArn?: string } | undefined)?.TableArn;
  if (!arn) throw new AppError('NOT_FOUND', `${s.targetId} does not exist in ${region}.`);
  const tagAnswer = await send(clients, 'dynamodb', region, 'ListTagsOfResource', { ResourceArn: arn });
  const incidentTag = ((tagAnswer.Tags as Array<{ Key?: string; Value?: string }> | undefined) ?? []).find(
    (t) => t.Key === TAG_INCIDENT,
  )?.Value;
  if (incidentTag !== incidentId)
    throw new AppError(
      'OPERATION_NOT_ALLOWED',
      `${s.targetId} is not a table this incident restored (tag ${TAG_INCIDENT}=${incidentTag ?? 'absent'}): settings are re-applied on restored targets only. Nothing was changed.`,
    );
  const d = s.assessed?.details ?? {};
  const ttlNow =
    (choice.ttl ?? true)
      ? ((await send(clients, 'dynamodb', region, 'DescribeTimeToLive', { TableName: s.targetId }))
          .TimeToLiveDescription as { TimeToLiveStatus?: string; AttributeName?: string } | undefined)
      : undefined;
  const { planned, skipped } = planReapply({
    table: s.targetId,
    tableArn: arn,
    region,
    choice,
    sourceTtlAttribute: d.ttlAttribute,
    sourceTags: s.assessed?.tags,
    ttlNow,
  });
  const applied: ReapplyResult['applied'] = [];
  if (!choice.dryRun)
    for (const w of planned) {
      const a = await send(clients, 'dynamodb', region, w.operation, w.params as Record<string, unknown>);
      applied.push({ setting: w.setting, detail: w.detail, requestId: requestIdOf(a) });
    }
  return {
    incidentId,
    resourceId: s.resourceId,
    table: s.targetId,
    dryRun: choice.dryRun === true,
    planned: planned.map(({ setting, operation, cli, detail }) => ({ setting, operation, cli, detail })),
    applied,
    skipped,
  };
}
