/**
 * DynamoDB checks of a restored table: ACTIVE; item count against the source (or what the
 * assessment recorded); sampled items compared key by key; indexes present; and the settings a
 * restore does not carry over (PITR, TTL, streams, auto scaling, tags) as findings.
 */
import type { CheckContext } from './check-context';
import { check, diffItem, keyText, type Attr } from './compare';
import { errorText, isNotFound, requestIdOf, send } from './send';
import type { ValidationSubject } from './subjects';
import type { ValidationCheck } from './types';

type Item = Record<string, Attr>;

interface TableDescription {
  TableName?: string;
  TableArn?: string;
  TableStatus?: string;
  KeySchema?: Array<{ AttributeName?: string }>;
  GlobalSecondaryIndexes?: Array<{ IndexName?: string }>;
  LocalSecondaryIndexes?: Array<{ IndexName?: string }>;
  StreamSpecification?: { StreamEnabled?: boolean; StreamViewType?: string };
  BillingModeSummary?: { BillingMode?: string };
  RestoreSummary?: { RestoreDateTime?: Date; SourceTableArn?: string };
}

/** Tags a restore never copies and the app sets itself. */
function userTags(tags: Record<string, string> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags ?? {}))
    if (!k.startsWith('aws:') && !k.startsWith('dr-war-room:')) out[k] = v;
  return out;
}

async function describe(
  clients: CheckContext['clients'],
  region: string,
  name: string,
): Promise<TableDescription | null> {
  try {
    const a = await send(clients, 'dynamodb', region, 'DescribeTable', { TableName: name });
    return (a.Table as TableDescription | undefined) ?? null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

async function countItems(clients: CheckContext['clients'], region: string, name: string): Promise<number> {
  let count = 0;
  let start: Item | undefined;
  do {
    const page = await send(clients, 'dynamodb', region, 'Scan', {
      TableName: name,
      Select: 'COUNT',
      ...(start ? { ExclusiveStartKey: start } : {}),
    });
    count += (page.Count as number | undefined) ?? 0;
    start = page.LastEvaluatedKey as Item | undefined;
  } while (start);
  return count;
}

function indexNames(t: TableDescription): string[] {
  return [...(t.GlobalSecondaryIndexes ?? []), ...(t.LocalSecondaryIndexes ?? [])]
    .map((i) => i.IndexName ?? '')
    .filter(Boolean)
    .sort();
}

/** The restored table's checks, and the restore time AWS reports (for the RPO). */
export async function checkDynamo(
  ctx: CheckContext,
  s: ValidationSubject,
): Promise<{ checks: ValidationCheck[]; restoredAt: string | null }> {
  const region = s.targetRegion;
  let target: TableDescription | null;
  try {
    target = await describe(ctx.clients, region, s.targetId);
  } catch (error) {
    return {
      checks: [
        check('status', 'Table ACTIVE', 'fail', `DescribeTable ${s.targetId} failed: ${errorText(error)}`),
      ],
      restoredAt: null,
    };
  }
  if (!target)
    return {
      checks: [
        check('status', 'Table ACTIVE', 'fail', `${s.targetId} does not exist in ${region}.`, {
          fix: 'Check the endpoint map; the restore may have failed.',
        }),
      ],
      restoredAt: null,
    };
  const restoredAt = target.RestoreSummary?.RestoreDateTime
    ? new Date(target.RestoreSummary.RestoreDateTime).toISOString()
    : null;
  const checks: ValidationCheck[] = [
    check(
      'status',
      'Table ACTIVE',
      target.TableStatus === 'ACTIVE' ? 'pass' : 'fail',
      `${s.targetId} is ${target.TableStatus ?? 'unknown'}${restoredAt ? `; restored to ${restoredAt}` : ''}.`,
      {
        fix: `Wait for ACTIVE: aws dynamodb wait table-exists --table-name ${s.targetId} --region ${region}`,
      },
    ),
  ];
  const keys = (target.KeySchema ?? []).map((k) => k.AttributeName ?? '').filter(Boolean);
  let source: TableDescription | null = null;
  let sourceError: string | null = null;
  try {
    source = await describe(ctx.sourceClients, s.sourceRegion, s.source);
    if (!source) sourceError = `source table ${s.source} not found in ${s.sourceRegion}`;
  } catch (error) {
    sourceError = `source ${s.source} in ${s.sourceRegion} unreachable (${errorText(error).slice(0, 100)})`;
  }

  // Item count.
  try {
    const targetCount = await countItems(ctx.clients, region, s.targetId);
    if (source) {
      const sourceCount = await countItems(ctx.sourceClients, s.sourceRegion, s.source);
      const diff = sourceCount - targetCount;
      checks.push(
        check(
          'item-count',
          'Item count as the source',
          diff === 0 ? 'pass' : diff > 0 ? 'fail' : 'warn',
          diff === 0
            ? `${targetCount} items = ${sourceCount} in the source (counted by Scan).`
            : `${targetCount} items in the target, ${sourceCount} in the source: ${Math.abs(diff)} ${diff > 0 ? 'missing' : 'more in the target'}${restoredAt ? ` (items written to the source after ${restoredAt} are the data-loss window)` : ''}.`,
          {
            fix: 'Items are missing: compare with the source by key, and re-copy those written before the restore point.',
          },
        ),
      );
    } else {
      const recorded = s.assessed?.facts.find((f) => f.label === 'Items')?.value;
      const n = recorded !== undefined && /^\d+$/.test(recorded) ? Number(recorded) : null;
      checks.push(
        check(
          'item-count',
          'Item count as the source',
          n !== null && n === targetCount ? 'pass' : 'warn',
          n === null
            ? `${targetCount} items in the target; ${sourceError ?? 'source unknown'} and no count recorded by the assessment.`
            : `${targetCount} items in the target; the assessment recorded ${n} (DescribeTable's approximate count, refreshed about every 6 hours); ${sourceError ?? ''}.`,
          { fix: 'Compare with the source when its region answers again.' },
        ),
      );
    }
  } catch (error) {
    checks.push(check('item-count', 'Item count as the source', 'fail', `Scan failed: ${errorText(error)}`));
  }

  // Sampled items, key by key.
  if (!source) {
    checks.push(
      check(
        'sample-items',
        'Sampled items equal the source',
        'skipped',
        `skipped: ${sourceError ?? 'source unknown'}.`,
      ),
    );
  } else {
    try {
      const page = await send(ctx.sourceClients, 'dynamodb', s.sourceRegion, 'Scan', {
        TableName: s.source,
        Limit: ctx.options.dynamodbSample,
      });
      const items = (page.Items as Item[] | undefined) ?? [];
      const missing: string[] = [];
      const different: string[] = [];
      for (const item of items) {
        const key: Item = {};
        for (const k of keys) if (item[k]) key[k] = item[k];
        const got = await send(ctx.clients, 'dynamodb', region, 'GetItem', {
          TableName: s.targetId,
          Key: key,
          ConsistentRead: true,
        });
        const restored = got.Item as Item | undefined;
        if (!restored) missing.push(keyText(item, keys));
        else {
          const diff = diffItem(item, restored);
          if (diff.length > 0) different.push(`${keyText(item, keys)} (${diff.join(', ')})`);
        }
      }
      const bad = missing.length + different.length;
      checks.push(
        check(
          'sample-items',
          'Sampled items equal the source',
          items.length === 0 ? 'warn' : bad > 0 ? 'fail' : 'pass',
          items.length === 0
            ? 'the source has no items to sample.'
            : `${items.length - bad} of ${items.length} sampled items identical${missing.length ? `; missing: ${missing.slice(0, 5).join('; ')}` : ''}${different.length ? `; different: ${different.slice(0, 5).join('; ')}` : ''}.`,
          {
            fix: 'Restore to a later point, or copy the missing items from the source.',
            requestIds: [requestIdOf(page)],
          },
        ),
      );
    } catch (error) {
      checks.push(
        check(
          'sample-items',
          'Sampled items equal the source',
          'fail',
          `Sampling failed: ${errorText(error)}`,
        ),
      );
    }
  }

  // Indexes.
  const have = indexNames(target);
  if (source) {
    const want = indexNames(source);
    const lost = want.filter((n) => !have.includes(n));
    checks.push(
      check(
        'indexes',
        'Indexes present',
        lost.length === 0 ? 'pass' : 'fail',
        `target: ${have.join(', ') || '(none)'}; source: ${want.join(', ') || '(none)'}${lost.length ? `; missing ${lost.join(', ')}` : ''}.`,
        { fix: 'Create the missing indexes (aws dynamodb update-table --global-secondary-index-updates …).' },
      ),
    );
  } else {
    checks.push(
      check(
        'indexes',
        'Indexes present',
        'skipped',
        `skipped: ${sourceError ?? 'source unknown'}; the target has ${have.join(', ') || 'no indexes'}.`,
      ),
    );
  }

  checks.push(...(await settingFindings(ctx, s, target, source)));
  return { checks, restoredAt };
}

/** PITR, TTL, streams, auto scaling and tags: what a restore does not carry over. */
async function settingFindings(
  ctx: CheckContext,
  s: ValidationSubject,
  target: TableDescription,
  source: TableDescription | null,
): Promise<ValidationCheck[]> {
  const region = s.targetRegion;
  const d = s.assessed?.details ?? {};
  const out: ValidationCheck[] = [];
  const reapply = 'Re-apply with validate.reapply (PITR, TTL and tags) on the restored table.';
  try {
    const a = await send(ctx.clients, 'dynamodb', region, 'DescribeContinuousBackups', {
      TableName: s.targetId,
    });
    const status =
      (
        a.ContinuousBackupsDescription as
          { PointInTimeRecoveryDescription?: { PointInTimeRecoveryStatus?: string } } | undefined
      )?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus ?? 'DISABLED';
    const wanted = d.pitrEnabled !== false;
    out.push(
      check(
        'pitr',
        'PITR on (not restored)',
        status === 'ENABLED' || !wanted ? 'pass' : 'warn',
        `point-in-time recovery ${status}${wanted ? '' : ' (the source had it off)'}.`,
        { fix: reapply, requestIds: [requestIdOf(a)] },
      ),
    );
  } catch (error) {
    out.push(
      check(
        'pitr',
        'PITR on (not restored)',
        'warn',
        `DescribeContinuousBackups failed: ${errorText(error)}`,
      ),
    );
  }
  try {
    const a = await send(ctx.clients, 'dynamodb', region, 'DescribeTimeToLive', { TableName: s.targetId });
    const ttl = a.TimeToLiveDescription as { TimeToLiveStatus?: string; AttributeName?: string } | undefined;
    const want = d.ttlAttribute ?? null;
    const on = ttl?.TimeToLiveStatus === 'ENABLED' || ttl?.TimeToLiveStatus === 'ENABLING';
    const ok = want ? on && ttl?.AttributeName === want : true;
    out.push(
      check(
        'ttl',
        'TTL as the source (not restored)',
        ok ? 'pass' : 'warn',
        `target TTL ${ttl?.TimeToLiveStatus ?? 'DISABLED'}${ttl?.AttributeName ? ` on ${ttl.AttributeName}` : ''}; source ${want ? `on ${want}` : d.ttlAttribute === null ? 'off' : 'unknown'}.`,
        { fix: reapply, requestIds: [requestIdOf(a)] },
      ),
    );
  } catch (error) {
    out.push(
      check(
        'ttl',
        'TTL as the source (not restored)',
        'warn',
        `DescribeTimeToLive failed: ${errorText(error)}`,
      ),
    );
  }
  const srcStreams = source
    ? source.StreamSpecification?.StreamEnabled
      ? (source.StreamSpecification.StreamViewType ?? 'on')
      : 'off'
    : (d.streams ?? 'unknown');
  const tgtStreams = target.StreamSpecification?.StreamEnabled
    ? (target.StreamSpecification.StreamViewType ?? 'on')
    : 'off';
  out.push(
    check(
      'streams',
      'Streams as the source (not restored)',
      srcStreams === 'unknown'
        ? 'warn'
        : /off|disabled|none/i.test(srcStreams) || srcStreams === tgtStreams
          ? 'pass'
          : 'warn',
      `target streams ${tgtStreams}; source ${srcStreams}.`,
      {
        fix: `Enable the stream and re-point its consumers (Lambda triggers): aws dynamodb update-table --table-name ${s.targetId} --stream-specification StreamEnabled=true,StreamViewType=${srcStreams === 'unknown' ? 'NEW_AND_OLD_IMAGES' : srcStreams} --region ${region}`,
      },
    ),
  );
  const billing = target.BillingModeSummary?.BillingMode ?? d.billingMode ?? 'unknown';
  out.push(
    check(
      'auto-scaling',
      'Auto scaling (not restored)',
      billing === 'PAY_PER_REQUEST' ? 'pass' : 'warn',
      billing === 'PAY_PER_REQUEST'
        ? 'on-demand capacity: no auto scaling to re-create.'
        : `billing ${billing}: auto scaling policies are not restored and are not visible to this app (Application Auto Scaling).`,
      {
        fix: 'Re-create the scaling targets and policies (aws application-autoscaling register-scalable-target / put-scaling-policy) as on the source.',
      },
    ),
  );
  const wantTags = userTags(s.assessed?.tags);
  try {
    const arn = target.TableArn ?? '';
    const a = await send(ctx.clients, 'dynamodb', region, 'ListTagsOfResource', { ResourceArn: arn });
    const have: Record<string, string> = {};
    for (const t of (a.Tags as Array<{ Key?: string; Value?: string }> | undefined) ?? [])
      if (t.Key) have[t.Key] = t.Value ?? '';
    const missing = Object.entries(wantTags)
      .filter(([k, v]) => have[k] !== v)
      .map(([k]) => k);
    out.push(
      check(
        'tags',
        'Tags as the source (not restored)',
        missing.length === 0 ? 'pass' : 'warn',
        missing.length === 0
          ? `${Object.keys(wantTags).length} source tags present.`
          : `missing or different: ${missing.join(', ')}.`,
        { fix: reapply, requestIds: [requestIdOf(a)] },
      ),
    );
  } catch (error) {
    out.push(
      check(
        'tags',
        'Tags as the source (not restored)',
        'warn',
        `ListTagsOfResource failed: ${errorText(error)}`,
      ),
    );
  }
  return out;
}
