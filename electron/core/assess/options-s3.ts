import type { RecoveryOption, ResourceFact } from '../api/calls/assess';
import type { BucketFacts } from './inventory';
import { makeOption } from './recovery-options';
import { formatMinutes, minutesSince, s3ReplicaRpo } from './rpo';
import type { OptionContext, Subject } from './subject';

/** Name parts that mark a bucket as another bucket's copy (`orders-dr`, `orders-replica`, `dr-orders`). */
function replicaAffixes(secondary: string): { suffixes: string[]; prefixes: string[] } {
  const compact = secondary.replace(/^([a-z]{2})-([a-z])[a-z]*-(\d+)$/, '$1$2$3');
  return {
    suffixes: ['-dr', '-replica', '-backup', '-copy', `-${secondary}`, `-${compact}`, '.dr', '.replica'],
    prefixes: ['dr-', 'replica-', 'backup-'],
  };
}

/**
 * The primary bucket a secondary bucket is a replica of, when the primary's replication rules
 * could not be read: a `replica-of`/`source-bucket` tag, or a name that adds a replica affix to
 * the source's name. Null when none matches (pure).
 */
export function inferReplicaSource(
  replica: Pick<BucketFacts, 'name' | 'tags'>,
  primaryNames: ReadonlySet<string>,
  secondary: string,
): string | null {
  const tags = replica.tags ?? {};
  for (const key of ['replica-of', 'source-bucket', 'dr-war-room:source', 'source']) {
    const value = Object.entries(tags).find(([k]) => k.toLowerCase() === key)?.[1];
    if (value) {
      const name = value.startsWith('arn:') ? (value.split(':').pop() ?? value) : value;
      if (primaryNames.has(name)) return name;
    }
  }
  const { suffixes, prefixes } = replicaAffixes(secondary);
  for (const suffix of suffixes) {
    if (replica.name.endsWith(suffix)) {
      const base = replica.name.slice(0, -suffix.length);
      if (primaryNames.has(base)) return base;
    }
  }
  for (const prefix of prefixes) {
    if (replica.name.startsWith(prefix)) {
      const base = replica.name.slice(prefix.length);
      if (primaryNames.has(base)) return base;
    }
  }
  return null;
}

function bucketFacts(b: BucketFacts, replica: { name: string; via: string } | null): ResourceFact[] {
  const facts: ResourceFact[] = [
    { label: 'Region', value: b.region },
    { label: 'Versioning', value: b.versioning ?? 'unknown' },
    {
      label: 'Replication',
      value:
        b.replication === null
          ? 'unknown'
          : b.replication.length === 0
            ? 'none'
            : b.replication.map((r) => `${r.id} (${r.status}) → ${r.destinationBucket}`).join('; '),
    },
    {
      label: 'Lifecycle',
      value:
        b.lifecycle === null
          ? 'unknown'
          : b.lifecycle.length === 0
            ? 'none'
            : b.lifecycle
                .map((r) => {
                  const parts = [
                    ...r.transitions.map((t) => `${t.storageClass} after ${t.days ?? '?'} d`),
                    ...(r.expirationDays !== null ? [`expire after ${r.expirationDays} d`] : []),
                    ...(r.noncurrentExpirationDays !== null
                      ? [`noncurrent expire after ${r.noncurrentExpirationDays} d`]
                      : []),
                  ];
                  return `${r.id} (${r.status}): ${parts.join(', ') || 'no actions'}`;
                })
                .join('; '),
    },
  ];
  if (replica) facts.push({ label: 'Replica bucket', value: `${replica.name} (${replica.via})` });
  if (b.sample) {
    const statuses = Object.entries(b.sample.statuses)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    facts.push({
      label: 'Replication sample',
      value: b.sample.empty
        ? 'bucket is empty'
        : `${b.sample.sampled} object(s): ${statuses || 'none read'}${b.sample.error ? ` (${b.sample.error})` : ''}`,
    });
  }
  const archived = Object.entries(b.sample?.archived ?? {});
  if (archived.length > 0) {
    facts.push({
      label: 'Archived objects',
      value: `${archived.map(([cls, n]) => `${n} ${cls}`).join(', ')} of ${b.sample?.listed ?? 0} listed: reading them needs RestoreObject first (hours)`,
    });
  }
  if (b.createdAt) facts.push({ label: 'Created', value: b.createdAt });
  return facts;
}

/** Merge unknown facts that share a reason into one line ("versioning, tags: us-east-1 does not answer"). */
export function groupUnknowns(
  unknowns: ReadonlyArray<{ fact: string; reason: string }>,
): Array<{ fact: string; reason: string }> {
  const byReason = new Map<string, string[]>();
  for (const u of unknowns) {
    const key = u.reason.replace(/ \((\w+) on \w+\)$/, ' ($1)');
    byReason.set(key, [...(byReason.get(key) ?? []), u.fact]);
  }
  return [...byReason].map(([reason, facts]) => ({ fact: facts.join(', '), reason }));
}

function expirations(b: BucketFacts): Array<{ rule: string; days: number; noncurrent: boolean }> | null {
  if (b.lifecycle === null) return null;
  const out: Array<{ rule: string; days: number; noncurrent: boolean }> = [];
  for (const r of b.lifecycle) {
    if (r.status !== 'Enabled') continue;
    if (r.expirationDays !== null) out.push({ rule: r.id, days: r.expirationDays, noncurrent: false });
    if (r.noncurrentExpirationDays !== null)
      out.push({ rule: r.id, days: r.noncurrentExpirationDays, noncurrent: true });
  }
  return out;
}

function replicaOptions(
  ctx: OptionContext,
  source: BucketFacts,
  replica: BucketFacts | null,
  replicaName: string,
  via: 'rule' | 'inferred',
): RecoveryOption[] {
  const rpo = s3ReplicaRpo(source.sample, replica?.sample ?? null, ctx.now);
  const exists = replica !== null;
  const common = {
    sourceArn: source.arn,
    sourceRegion: source.region,
    targetRegion: ctx.secondary,
    replicaName,
    replicaArn: `arn:aws:s3:::${replicaName}`,
    sampleKeys: replica?.sample?.keys ?? source.sample?.keys ?? [],
  };
  const options: RecoveryOption[] = [
    makeOption({
      kind: 'replica-bucket',
      description: `Point applications at ${replicaName} in ${ctx.secondary} (output the bucket mapping); it holds the replicated objects.`,
      rpo,
      prerequisites: [
        { text: `replica bucket ${replicaName} exists in ${ctx.secondary}`, met: exists },
        {
          text:
            via === 'rule'
              ? 'an enabled replication rule copies objects to it'
              : `it is a replica of ${source.name} (inferred from its name or tags; the source's rules could not be read)`,
          met: via === 'rule' ? true : rpo.minutes !== null,
        },
      ],
      data: common,
      sizeGiB: null,
    }),
  ];
  if (replica?.versioning === 'Enabled') {
    options.push(
      makeOption({
        kind: 'version-rollback',
        description: `If bad writes were replicated too, copy earlier versions over the current ones in ${replicaName} (CopyObject with the version id; RestoreObject does not roll back).`,
        rpo: { minutes: rpo.minutes, reason: `as the replica: ${rpo.reason}` },
        prerequisites: [
          { text: `${replicaName} is versioned`, met: true },
          { text: `replica bucket ${replicaName} holds replicated objects`, met: rpo.minutes !== null },
        ],
        data: common,
        sizeGiB: null,
      }),
    );
  }
  return options;
}

/**
 * The S3 subjects (pure): every bucket of the primary region with its replica in the secondary
 * (from its replication rules, or inferred from the replica side when the rules could not be
 * read), and the secondary region's own buckets that are not replicas.
 */
export function s3Subjects(buckets: readonly BucketFacts[], ctx: OptionContext): Subject[] {
  const byName = new Map(buckets.map((b) => [b.name, b]));
  const primaryBuckets = buckets.filter((b) => b.region === ctx.primary);
  const primaryNames = new Set(primaryBuckets.map((b) => b.name));
  const replicaOf = new Map<string, { source: string; via: 'rule' | 'inferred' }>();
  for (const b of primaryBuckets) {
    for (const rule of b.replication ?? []) {
      const dest = byName.get(rule.destinationBucket);
      if (rule.status === 'Enabled' && dest?.region === ctx.secondary) {
        replicaOf.set(dest.name, { source: b.name, via: 'rule' });
      }
    }
  }
  for (const b of buckets) {
    if (b.region !== ctx.secondary || replicaOf.has(b.name)) continue;
    const source = inferReplicaSource(b, primaryNames, ctx.secondary);
    if (source && byName.get(source)?.replication === null)
      replicaOf.set(b.name, { source, via: 'inferred' });
  }
  const replicasBySource = new Map<string, Array<{ bucket: BucketFacts; via: 'rule' | 'inferred' }>>();
  for (const [replica, { source, via }] of replicaOf) {
    const bucket = byName.get(replica);
    if (!bucket) continue;
    const list = replicasBySource.get(source) ?? [];
    list.push({ bucket, via });
    replicasBySource.set(source, list);
  }
  // Without the primary's rules, "no replica" is certain only when every secondary bucket is
  // listed and each is either paired or shown (by a readable sample) to hold no REPLICA objects.
  const unpairedReplicaHolders = buckets.filter(
    (b) =>
      b.region === ctx.secondary &&
      !replicaOf.has(b.name) &&
      (b.sample === null || b.sample.error !== null || (b.sample.statuses['REPLICA'] ?? 0) > 0),
  );
  const secondaryComplete = !ctx.incomplete('s3', ctx.secondary) && !ctx.incomplete('s3', ctx.primary);
  const subjects: Subject[] = [];
  for (const b of buckets) {
    if (b.region === ctx.primary) {
      const replicas = replicasBySource.get(b.name) ?? [];
      const ruleTargets = (b.replication ?? []).filter((r) => r.status === 'Enabled');
      const toSecondary = ruleTargets.filter(
        (r) => byName.get(r.destinationBucket)?.region === ctx.secondary,
      );
      const options: RecoveryOption[] = [];
      for (const r of replicas) options.push(...replicaOptions(ctx, b, r.bucket, r.bucket.name, r.via));
      for (const rule of toSecondary) {
        if (!replicas.some((r) => r.bucket.name === rule.destinationBucket)) {
          options.push(...replicaOptions(ctx, b, null, rule.destinationBucket, 'rule'));
        }
      }
      const unknowns = groupUnknowns(b.unknown);
      const rulesUnknown = b.replication === null;
      const noReplicaCertain =
        rulesUnknown && replicas.length === 0 && secondaryComplete && unpairedReplicaHolders.length === 0;
      const replicaFact = replicas[0]
        ? { name: replicas[0].bucket.name, via: replicas[0].via === 'rule' ? 'replication rule' : 'inferred' }
        : null;
      if (rulesUnknown && replicas.length === 0 && !noReplicaCertain) {
        unknowns.push({
          fact: `a replica in ${ctx.secondary}`,
          reason: `the replication rules could not be read, and ${unpairedReplicaHolders.map((h) => h.name).join(', ') || 'some bucket'} in ${ctx.secondary} may hold its replicas`,
        });
      }
      subjects.push({
        id: b.arn,
        service: 's3',
        kind: 'bucket',
        region: b.region,
        name: b.name,
        role: 'primary',
        observed: true,
        tags: b.tags,
        copyTags: replicas[0]?.bucket.tags ?? null,
        facts: bucketFacts(b, replicaFact),
        details: { ...(b.versioning ? { versioning: b.versioning } : {}) },
        options,
        unknowns,
        optionsIncomplete: rulesUnknown && replicas.length === 0 && !noReplicaCertain,
        sizeGiB: null,
        policy: {
          service: 's3',
          name: b.name,
          versioning: b.versioning,
          replication:
            toSecondary.length > 0 || replicas.length > 0
              ? 'to-secondary'
              : rulesUnknown && !noReplicaCertain
                ? 'unknown'
                : 'none',
          expirations: expirations(b),
        },
      });
      continue;
    }
    if (replicaOf.has(b.name)) continue;
    const replicaObjects = b.sample?.statuses['REPLICA'] ?? 0;
    const facts = bucketFacts(b, null);
    if (replicaObjects > 0) {
      facts.push({
        label: 'Holds replicas',
        value: `${replicaObjects} sampled object(s) are REPLICA copies of an unidentified source`,
      });
    }
    const newestAge = minutesSince(b.sample?.newestAt ?? null, ctx.now);
    if (newestAge !== null)
      facts.push({ label: 'Newest sampled object', value: `${formatMinutes(newestAge)} old` });
    subjects.push({
      id: b.arn,
      service: 's3',
      kind: 'bucket',
      region: b.region,
      name: b.name,
      role: 'secondary',
      observed: true,
      tags: b.tags,
      copyTags: null,
      facts,
      details: { ...(b.versioning ? { versioning: b.versioning } : {}) },
      options: [
        makeOption({
          kind: 'in-place',
          description: `The bucket lives in ${ctx.secondary}; it keeps serving.`,
          rpo: { minutes: 0, reason: 'not affected by the primary region' },
          prerequisites: [],
          data: { sourceArn: b.arn, sourceRegion: b.region, targetRegion: ctx.secondary },
          sizeGiB: null,
        }),
      ],
      unknowns: groupUnknowns(b.unknown),
      optionsIncomplete: false,
      sizeGiB: null,
      policy: {
        service: 's3',
        name: b.name,
        versioning: b.versioning,
        replication: 'none',
        expirations: expirations(b),
      },
    });
  }
  return subjects;
}
