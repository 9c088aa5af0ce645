import {
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  paginateListBuckets,
} from '@aws-sdk/client-s3';
import { listFailed, type DiscoveryContext } from './discovery-context';
import { isoOrNull, type BucketFacts, type ReplicationSample } from './inventory';
import { hasAwsCode, reasonOf } from './scan-call-error';

/** The bucket name of an S3 bucket ARN (`arn:aws:s3:::name`), or the value when it is a name. */
export function bucketNameOf(value: string): string {
  return value.startsWith('arn:') ? (value.split(':').pop() ?? value) : value;
}

/** A bucket's region from GetBucketLocation's LocationConstraint (empty means us-east-1, `EU` eu-west-1). */
export function regionFromLocation(constraint: string | undefined | null): string {
  if (!constraint) return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}

async function listBuckets(
  ctx: DiscoveryContext,
): Promise<Array<{ name: string; region: string | null; createdAt: string | null }>> {
  // The secondary region first: during a primary outage it is the one that answers.
  const order = [ctx.regions.secondary, ctx.regions.primary];
  let lastError: unknown = null;
  for (const region of order) {
    try {
      const found: Array<{ name: string; region: string | null; createdAt: string | null }> = [];
      const client = ctx.clients.s3(region);
      for await (const page of paginateListBuckets({ client, pageSize: 1000 }, {})) {
        for (const b of page.Buckets ?? []) {
          if (b.Name)
            found.push({
              name: b.Name,
              region: b.BucketRegion ?? null,
              createdAt: isoOrNull(b.CreationDate),
            });
        }
      }
      return found;
    } catch (error) {
      lastError = error;
    }
  }
  for (const region of order) listFailed(ctx, 's3', region, 'buckets', 'S3 buckets', lastError);
  return [];
}

async function bucketRegion(ctx: DiscoveryContext, name: string): Promise<string | null> {
  try {
    const out = await ctx.clients
      .s3(ctx.regions.secondary)
      .send(new GetBucketLocationCommand({ Bucket: name }));
    return regionFromLocation(out.LocationConstraint);
  } catch {
    return null;
  }
}

/** The configuration facts of a bucket that can be read. */
type ConfigFact = 'versioning' | 'replication' | 'lifecycle' | 'tags';

const ALL_FACTS: readonly ConfigFact[] = ['versioning', 'replication', 'lifecycle', 'tags'];

async function readConfig(
  ctx: DiscoveryContext,
  bucket: BucketFacts,
  facts: readonly ConfigFact[] = ALL_FACTS,
): Promise<void> {
  const client = ctx.clients.s3(bucket.region);
  const Bucket = bucket.name;
  const want = new Set(facts);
  await Promise.all([
    !want.has('versioning')
      ? null
      : client
          .send(new GetBucketVersioningCommand({ Bucket }))
          .then((out) => {
            bucket.versioning = out.Status === 'Enabled' || out.Status === 'Suspended' ? out.Status : 'Off';
          })
          .catch((error: unknown) => bucket.unknown.push({ fact: 'versioning', reason: reasonOf(error) })),
    !want.has('replication')
      ? null
      : client
          .send(new GetBucketReplicationCommand({ Bucket }))
          .then((out) => {
            bucket.replication = (out.ReplicationConfiguration?.Rules ?? []).map((r, i) => ({
              id: r.ID ?? `rule-${i + 1}`,
              status: r.Status ?? 'Enabled',
              prefix: r.Filter?.Prefix ?? r.Prefix ?? '',
              destinationBucket: bucketNameOf(r.Destination?.Bucket ?? ''),
            }));
          })
          .catch((error: unknown) => {
            if (hasAwsCode(error, 'ReplicationConfigurationNotFoundError')) bucket.replication = [];
            else bucket.unknown.push({ fact: 'replication rules', reason: reasonOf(error) });
          }),
    !want.has('lifecycle')
      ? null
      : client
          .send(new GetBucketLifecycleConfigurationCommand({ Bucket }))
          .then((out) => {
            bucket.lifecycle = (out.Rules ?? []).map((r, i) => ({
              id: r.ID ?? `rule-${i + 1}`,
              status: r.Status ?? 'Enabled',
              expirationDays: r.Expiration?.Days ?? null,
              noncurrentExpirationDays: r.NoncurrentVersionExpiration?.NoncurrentDays ?? null,
              transitions: (r.Transitions ?? []).map((t) => ({
                days: t.Days ?? null,
                storageClass: t.StorageClass ?? '',
              })),
            }));
          })
          .catch((error: unknown) => {
            if (hasAwsCode(error, 'NoSuchLifecycleConfiguration')) bucket.lifecycle = [];
            else bucket.unknown.push({ fact: 'lifecycle rules', reason: reasonOf(error) });
          }),
    !want.has('tags')
      ? null
      : client
          .send(new GetBucketTaggingCommand({ Bucket }))
          .then((out) => {
            const tags: Record<string, string> = {};
            for (const t of out.TagSet ?? []) if (t.Key) tags[t.Key] = t.Value ?? '';
            bucket.tags = tags;
          })
          .catch((error: unknown) => {
            if (hasAwsCode(error, 'NoSuchTagSet')) bucket.tags = {};
            else bucket.unknown.push({ fact: 'tags', reason: reasonOf(error) });
          }),
  ]);
}

/** Storage classes whose objects need RestoreObject before they can be read. */
const ARCHIVE_CLASSES = new Set(['GLACIER', 'DEEP_ARCHIVE']);

/**
 * Look at the newest objects of a bucket (from the first page of its listing, up to 1,000):
 * their replication status and age. The newest are the ones still pending after an outage.
 */
async function sample(ctx: DiscoveryContext, bucket: BucketFacts): Promise<ReplicationSample> {
  const client = ctx.clients.s3(bucket.region);
  const result: ReplicationSample = {
    sampled: 0,
    keys: [],
    statuses: {},
    oldestPendingAt: null,
    newestAt: null,
    empty: false,
    listed: 0,
    archived: {},
    error: null,
  };
  try {
    const list = await client.send(new ListObjectsV2Command({ Bucket: bucket.name, MaxKeys: 1000 }));
    const objects = (list.Contents ?? []).filter((o) => typeof o.Key === 'string');
    result.listed = objects.length;
    result.empty = objects.length === 0;
    for (const o of objects) {
      const cls = o.StorageClass ?? 'STANDARD';
      if (ARCHIVE_CLASSES.has(cls)) result.archived[cls] = (result.archived[cls] ?? 0) + 1;
    }
    const newestFirst = objects
      .map((o) => ({ key: o.Key ?? '', at: isoOrNull(o.LastModified) ?? '' }))
      .sort((a, b) => (a.at === b.at ? a.key.localeCompare(b.key) : a.at < b.at ? 1 : -1))
      .slice(0, ctx.sampleSize);
    const heads = await Promise.allSettled(
      newestFirst.map(({ key }) => client.send(new HeadObjectCommand({ Bucket: bucket.name, Key: key }))),
    );
    for (const [i, head] of heads.entries()) {
      if (head.status === 'rejected') {
        result.error ??= reasonOf(head.reason);
        continue;
      }
      result.sampled += 1;
      result.keys.push(newestFirst[i]?.key ?? '');
      const status = head.value.ReplicationStatus ?? 'NONE';
      result.statuses[status] = (result.statuses[status] ?? 0) + 1;
      const at = isoOrNull(head.value.LastModified);
      if (at && (result.newestAt === null || at > result.newestAt)) result.newestAt = at;
      if (at && (status === 'PENDING' || status === 'FAILED')) {
        if (result.oldestPendingAt === null || at < result.oldestPendingAt) result.oldestPendingAt = at;
      }
    }
  } catch (error) {
    result.error = reasonOf(error);
  }
  return result;
}

/**
 * Discover S3: every bucket (listed from the secondary region first), the configuration of those
 * in the two regions (versioning, replication, lifecycle, tags), then replication health from a
 * sample of objects on both sides of every replication pair (and of every secondary bucket
 * when the primary's replication rules could not be read).
 */
export async function discoverS3(ctx: DiscoveryContext): Promise<void> {
  const { primary, secondary } = ctx.regions;
  const listed = await listBuckets(ctx);
  const buckets: BucketFacts[] = [];
  await Promise.all(
    listed.map(async (b) => {
      const region = b.region ?? (await bucketRegion(ctx, b.name));
      if (region !== primary && region !== secondary) return;
      buckets.push({
        name: b.name,
        region,
        arn: `arn:aws:s3:::${b.name}`,
        createdAt: b.createdAt,
        versioning: null,
        replication: null,
        lifecycle: null,
        tags: null,
        sample: null,
        unknown: [],
      });
    }),
  );
  buckets.sort((a, b) => a.name.localeCompare(b.name));
  const byName = new Map(buckets.map((b) => [b.name, b]));
  const primaryBuckets = buckets.filter((b) => b.region === primary);
  const secondaryBuckets = buckets.filter((b) => b.region === secondary);
  // Every secondary bucket's versioning is needed (rollback in a replica); the rest of a
  // secondary bucket's configuration only when it is not a known replica of a primary bucket.
  const secondaryVersioning = Promise.all(secondaryBuckets.map((b) => readConfig(ctx, b, ['versioning'])));
  await Promise.all(primaryBuckets.map((b) => readConfig(ctx, b)));
  const replicaNames = new Set<string>();
  const pairs: Array<{ source: BucketFacts; replica: BucketFacts }> = [];
  let primaryRulesUnknown = false;
  for (const b of primaryBuckets) {
    if (b.replication === null) primaryRulesUnknown = true;
    for (const rule of b.replication ?? []) {
      const destination = byName.get(rule.destinationBucket);
      if (rule.status !== 'Enabled' || destination?.region !== secondary) continue;
      replicaNames.add(destination.name);
      pairs.push({ source: b, replica: destination });
    }
  }
  await Promise.all([
    secondaryVersioning,
    ...secondaryBuckets
      .filter((b) => !replicaNames.has(b.name))
      .map((b) => readConfig(ctx, b, ['replication', 'lifecycle', 'tags'])),
  ]);
  // Replication health: the newest objects of each source; the replica side only when the source
  // cannot be read, and every unpaired secondary bucket when the primary's rules are unknown.
  await Promise.all(
    [...new Set(pairs.map((p) => p.source))].map(async (b) => {
      b.sample = await sample(ctx, b);
    }),
  );
  const toSample = new Set<BucketFacts>();
  for (const { source, replica } of pairs) {
    if (source.sample === null || source.sample.error !== null) toSample.add(replica);
  }
  if (primaryRulesUnknown) for (const b of secondaryBuckets) if (!replicaNames.has(b.name)) toSample.add(b);
  await Promise.all(
    [...toSample].map(async (b) => {
      b.sample = await sample(ctx, b);
    }),
  );
  ctx.inventory.buckets.push(...buckets);
}
