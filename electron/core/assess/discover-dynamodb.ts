import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListBackupsCommand,
  ListTagsOfResourceCommand,
  paginateListTables,
} from '@aws-sdk/client-dynamodb';
import { listFailed, noteAccount, type DiscoveryContext } from './discovery-context';
import { isoOrNull, type TableFacts, type TagMap } from './inventory';
import { reasonOf } from './scan-call-error';

/** A table's facts before anything is known of it: each read fills in what it learns. */
function unknownTable(name: string, region: string): TableFacts {
  return {
    name,
    arn: '',
    region,
    status: null,
    sizeBytes: null,
    itemCount: null,
    replicas: [],
    pitr: null,
    earliestRestorable: null,
    latestRestorable: null,
    recoveryPeriodDays: null,
    ttl: null,
    ttlAttribute: null,
    billingMode: null,
    streams: null,
    tags: null,
    unknown: [],
  };
}

async function describeTable(ctx: DiscoveryContext, region: string, name: string): Promise<void> {
  const client = ctx.clients.dynamodb(region);
  const facts = unknownTable(name, region);
  const backups = client
    .send(new DescribeContinuousBackupsCommand({ TableName: name }))
    .then((out) => {
      const pitr = out.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
      facts.pitr = pitr?.PointInTimeRecoveryStatus === 'ENABLED' ? 'ENABLED' : 'DISABLED';
      facts.earliestRestorable = isoOrNull(pitr?.EarliestRestorableDateTime);
      facts.latestRestorable = isoOrNull(pitr?.LatestRestorableDateTime);
      facts.recoveryPeriodDays = pitr?.RecoveryPeriodInDays ?? (facts.pitr === 'ENABLED' ? 35 : null);
    })
    .catch((error: unknown) => {
      facts.unknown.push({ fact: 'point-in-time recovery', reason: reasonOf(error) });
    });
  const ttl = client
    .send(new DescribeTimeToLiveCommand({ TableName: name }))
    .then((out) => {
      const d = out.TimeToLiveDescription;
      facts.ttlAttribute = d?.TimeToLiveStatus === 'ENABLED' ? (d.AttributeName ?? null) : null;
      facts.ttl = d?.TimeToLiveStatus
        ? `${d.TimeToLiveStatus}${d.AttributeName ? ` (${d.AttributeName})` : ''}`
        : 'DISABLED';
    })
    .catch((error: unknown) => {
      facts.unknown.push({ fact: 'TTL settings', reason: reasonOf(error) });
    });
  const table = client
    .send(new DescribeTableCommand({ TableName: name }))
    .then(async (out) => {
      const t = out.Table;
      facts.arn = t?.TableArn ?? '';
      noteAccount(ctx, facts.arn);
      facts.status = t?.TableStatus ?? null;
      facts.sizeBytes = t?.TableSizeBytes ?? null;
      facts.itemCount = t?.ItemCount ?? null;
      facts.billingMode =
        t?.BillingModeSummary?.BillingMode ??
        (t?.ProvisionedThroughput?.ReadCapacityUnits ? 'PROVISIONED' : null);
      facts.replicas = (t?.Replicas ?? [])
        .filter((r) => r.RegionName && r.RegionName !== region)
        .map((r) => ({ region: r.RegionName ?? '', status: r.ReplicaStatus ?? 'UNKNOWN' }));
      facts.streams = t?.StreamSpecification?.StreamEnabled
        ? `ENABLED (${t.StreamSpecification.StreamViewType ?? 'view type not given'})`
        : 'DISABLED';
      if (!facts.arn) return;
      const tags: TagMap = {};
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListTagsOfResourceCommand({ ResourceArn: facts.arn, NextToken: token }),
        );
        for (const tag of page.Tags ?? []) if (tag.Key) tags[tag.Key] = tag.Value ?? '';
        token = page.NextToken;
      } while (token);
      facts.tags = tags;
    })
    .catch((error: unknown) => {
      if (facts.arn) facts.unknown.push({ fact: 'tags', reason: reasonOf(error) });
      else
        facts.unknown.push({
          fact: 'table description (status, size, replicas, tags)',
          reason: reasonOf(error),
        });
    });
  await Promise.all([backups, ttl, table]);
  if (!facts.arn) {
    const account = ctx.inventory.accountId ?? '000000000000';
    facts.arn = `arn:aws:dynamodb:${region}:${account}:table/${name}`;
  }
  ctx.inventory.tables.push(facts);
}

async function listTables(ctx: DiscoveryContext, region: string): Promise<string[]> {
  const names: string[] = [];
  try {
    const client = ctx.clients.dynamodb(region);
    for await (const page of paginateListTables({ client, pageSize: 100 }, {})) {
      names.push(...(page.TableNames ?? []));
    }
  } catch (error) {
    listFailed(ctx, 'dynamodb', region, 'tables', 'DynamoDB tables', error);
  }
  return names;
}

/**
 * Both regions' tables. The primary's tables are described first; a secondary table that one of
 * them already lists as its global-table replica (with the replica's status) is not described
 * again. Every other secondary table is, and so is every one when the primary could not be read.
 */
async function tables(ctx: DiscoveryContext): Promise<void> {
  const { primary, secondary } = ctx.regions;
  const secondaryNames = listTables(ctx, secondary);
  const primaryNames = await listTables(ctx, primary);
  await Promise.all(primaryNames.map((name) => describeTable(ctx, primary, name)));
  const known = new Map<string, { status: string; arn: string }>();
  for (const t of ctx.inventory.tables) {
    if (t.region !== primary || t.status === null) continue;
    const replica = t.replicas.find((r) => r.region === secondary);
    if (replica)
      known.set(t.name, { status: replica.status, arn: t.arn.replace(`:${primary}:`, `:${secondary}:`) });
  }
  await Promise.all(
    (await secondaryNames).map(async (name) => {
      const replica = known.get(name);
      if (!replica) {
        await describeTable(ctx, secondary, name);
        return;
      }
      ctx.inventory.tables.push({
        ...unknownTable(name, secondary),
        arn: replica.arn,
        status: replica.status,
        replicas: [{ region: primary, status: 'ACTIVE' }],
      });
    }),
  );
}

async function backups(ctx: DiscoveryContext, region: string): Promise<void> {
  try {
    const client = ctx.clients.dynamodb(region);
    let start: string | undefined;
    do {
      const page = await client.send(new ListBackupsCommand({ ExclusiveStartBackupArn: start, Limit: 100 }));
      for (const b of page.BackupSummaries ?? []) {
        if (!b.BackupArn) continue;
        ctx.inventory.tableBackups.push({
          arn: b.BackupArn,
          region,
          tableName: b.TableName ?? '',
          tableArn: b.TableArn ?? null,
          createdAt: isoOrNull(b.BackupCreationDateTime),
          status: b.BackupStatus ?? 'UNKNOWN',
          type: b.BackupType ?? 'USER',
          sizeBytes: b.BackupSizeBytes ?? null,
        });
      }
      start = page.LastEvaluatedBackupArn;
    } while (start);
  } catch (error) {
    listFailed(ctx, 'dynamodb', region, 'backups', 'DynamoDB on-demand backups', error);
  }
}

/** Discover DynamoDB in both regions: every table (description, PITR, TTL, tags) and the on-demand backups. */
export async function discoverDynamodb(ctx: DiscoveryContext): Promise<void> {
  await Promise.all([tables(ctx), backups(ctx, ctx.regions.primary), backups(ctx, ctx.regions.secondary)]);
}
