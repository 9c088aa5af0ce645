import { z } from 'zod';
import type { SimContext } from '../../core/types';
import type { RegionReference } from '../../scenario/region-reference';
import { digest, syntheticContent } from './content';
import type { S3Bucket, S3ObjectVersion, S3State } from './model';
import { bucketNameFromArn, deleteMarkerVersion, STORAGE_CLASSES } from './model';
import { BASE_REPLICATION_LAG_MS } from './replication';
import { newVersionId } from './versions';

const DAY_MS = 86_400_000;
const MAX_SYNTHETIC = 16 * 1024 * 1024;

const storageClass = z.enum(STORAGE_CLASSES);

const versionSpec = z
  .object({
    /** Text content; sets the size. */
    content: z.string().optional(),
    /** Size in bytes of synthetic content (when no content is given). */
    size: z.number().int().min(0).max(MAX_SYNTHETIC, 'synthetic objects are limited to 16 MiB').optional(),
    /** Age of this version in days before the scenario start. */
    ageDays: z.number().min(0).default(0),
    storageClass: storageClass.default('STANDARD'),
    contentType: z.string().default('application/octet-stream'),
    /** A delete marker instead of content. */
    deleteMarker: z.boolean().default(false),
  })
  .strict();

const objectSpec = versionSpec
  .extend({
    key: z.string().min(1),
    /** Older versions, newest first (only for versioned buckets). */
    previousVersions: z.array(versionSpec).default([]),
    /** Replication state at t0 when the bucket replicates (default COMPLETED with a replica). */
    replicationStatus: z.enum(['COMPLETED', 'PENDING', 'FAILED']).optional(),
    /** Whether the object was uploaded with a SHA-256 checksum (default true). */
    checksum: z.boolean().default(true),
  })
  .strict();

const replicationRule = z
  .object({
    id: z.string().min(1),
    priority: z.number().int().min(0).default(1),
    status: z.enum(['Enabled', 'Disabled']).default('Enabled'),
    prefix: z.string().default(''),
    /** Destination bucket name or ARN. */
    destinationBucket: z.string().min(1),
    storageClass: storageClass.optional(),
  })
  .strict();

const lifecycleRule = z
  .object({
    id: z.string().min(1),
    status: z.enum(['Enabled', 'Disabled']).default('Enabled'),
    prefix: z.string().default(''),
    transitions: z.array(z.object({ days: z.number().int().min(0), storageClass }).strict()).default([]),
    expirationDays: z.number().int().min(1).optional(),
    noncurrentVersionExpirationDays: z.number().int().min(1).optional(),
  })
  .strict();

const bucketSpec = z
  .object({
    name: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        'must be a valid bucket name (3-63 lower-case letters, digits, dots, dashes)',
      ),
    region: z.string().min(1),
    ageDays: z.number().min(0).default(365),
    versioning: z.enum(['Enabled', 'Suspended']).optional(),
    tags: z.record(z.string(), z.string()).optional(),
    replication: z
      .object({ role: z.string().min(1), rules: z.array(replicationRule).min(1) })
      .strict()
      .optional(),
    lifecycle: z.array(lifecycleRule).optional(),
    objects: z.array(objectSpec).default([]),
  })
  .strict();

/** The `s3:` section of a scenario. */
export const s3ScenarioSchema = z
  .object({ buckets: z.array(bucketSpec).default([]) })
  .strict()
  .superRefine((section, ctx) => {
    const seen = new Set<string>();
    section.buckets.forEach((bucket, index) => {
      if (seen.has(bucket.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['buckets', index, 'name'],
          message: `duplicate bucket name ${bucket.name}`,
        });
      }
      seen.add(bucket.name);
      bucket.replication?.rules.forEach((rule, ruleIndex) => {
        const destination = bucketNameFromArn(rule.destinationBucket);
        if (!section.buckets.some((b) => b.name === destination)) {
          ctx.addIssue({
            code: 'custom',
            path: ['buckets', index, 'replication', 'rules', ruleIndex, 'destinationBucket'],
            message: `destination bucket ${destination} is not in the scenario; add it to s3.buckets`,
          });
        }
        if (!bucket.versioning) {
          ctx.addIssue({
            code: 'custom',
            path: ['buckets', index, 'versioning'],
            message: 'replication needs versioning: Enabled on the source bucket',
          });
        }
      });
      bucket.objects.forEach((object, objectIndex) => {
        if (object.previousVersions.length > 0 && !bucket.versioning) {
          ctx.addIssue({
            code: 'custom',
            path: ['buckets', index, 'objects', objectIndex, 'previousVersions'],
            message: 'older versions need a versioned bucket (versioning: Enabled)',
          });
        }
      });
    });
  });

/** The `s3:` section of a scenario. */
export type S3Section = z.infer<typeof s3ScenarioSchema>;

/** Every region the `s3:` section names, with its field path (each must be one of the scenario's regions). */
export function s3ScenarioRegions(section: S3Section): RegionReference[] {
  return section.buckets.map((b, n) => ({ path: ['buckets', n, 'region'], region: b.region }));
}
type VersionSpec = z.infer<typeof versionSpec>;

function buildVersion(
  spec: VersionSpec,
  seed: string,
  versionId: string,
  lastModified: Date,
  withChecksum: boolean,
): S3ObjectVersion {
  if (spec.deleteMarker) return deleteMarkerVersion(versionId, lastModified);
  const content =
    spec.content !== undefined
      ? Buffer.from(spec.content, 'utf8')
      : syntheticContent(seed, spec.size ?? 1024);
  const d = digest(content);
  return {
    versionId,
    deleteMarker: false,
    lastModified: lastModified.toISOString(),
    size: d.size,
    etag: d.etag,
    sha256: d.sha256,
    checksums: withChecksum ? { sha256: d.sha256 } : {},
    storageClass: spec.storageClass,
    contentType: spec.contentType,
    metadata: {},
    ...(spec.content !== undefined ? { body: content.toString('base64') } : { syntheticSeed: seed }),
  };
}

/** Build the S3 state from a scenario section: buckets, object versions and (completed) replicas. */
export function s3FromScenario(section: S3Section, ctx: SimContext): S3State {
  const now = ctx.clock.now().getTime();
  const state: S3State = { buckets: {}, pending: [] };
  for (const spec of section.buckets) {
    const bucket: S3Bucket = {
      name: spec.name,
      region: spec.region,
      creationDate: new Date(now - spec.ageDays * DAY_MS).toISOString(),
      objects: {},
      ...(spec.versioning ? { versioning: spec.versioning } : {}),
      ...(spec.tags ? { tags: { ...spec.tags } } : {}),
      ...(spec.lifecycle ? { lifecycle: spec.lifecycle.map((r) => ({ ...r })) } : {}),
      ...(spec.replication
        ? {
            replication: {
              role: spec.replication.role.replaceAll('{accountId}', ctx.accountId),
              rules: spec.replication.rules.map((r) => ({
                id: r.id,
                priority: r.priority,
                status: r.status,
                prefix: r.prefix,
                destinationBucket: r.destinationBucket.startsWith('arn:')
                  ? r.destinationBucket
                  : `arn:aws:s3:::${r.destinationBucket}`,
                ...(r.storageClass ? { storageClass: r.storageClass } : {}),
              })),
            },
          }
        : {}),
    };
    for (const object of spec.objects) {
      const specs = [object, ...object.previousVersions];
      const versions = specs.map((v, i) => {
        const id = bucket.versioning ? newVersionId(ctx.rng) : 'null';
        const seed = `${spec.name}/${object.key}#${i}`;
        return buildVersion(v, seed, id, new Date(now - v.ageDays * DAY_MS - i * 60_000), object.checksum);
      });
      bucket.objects[object.key] = bucket.versioning ? versions : versions.slice(0, 1);
    }
    state.buckets[spec.name] = bucket;
  }
  // Replication at t0: objects covered by an enabled rule are COMPLETED with a REPLICA copy, unless the scenario says otherwise.
  for (const spec of section.buckets) {
    const bucket = state.buckets[spec.name];
    if (!bucket?.replication) continue;
    for (const object of spec.objects) {
      const rule = bucket.replication.rules.find(
        (r) => r.status === 'Enabled' && object.key.startsWith(r.prefix),
      );
      if (!rule) continue;
      const destination = state.buckets[bucketNameFromArn(rule.destinationBucket)];
      for (const version of bucket.objects[object.key] ?? []) {
        if (version.deleteMarker) continue;
        const status = destination ? (object.replicationStatus ?? 'COMPLETED') : 'FAILED';
        version.replicationStatus = status;
        if (status === 'PENDING' && destination) {
          state.pending.push({
            sourceBucket: bucket.name,
            key: object.key,
            versionId: version.versionId,
            destinationBucket: destination.name,
            ...(rule.storageClass ? { storageClass: rule.storageClass } : {}),
            dueAt: new Date(now + BASE_REPLICATION_LAG_MS + ctx.rng.int(0, 10_000)).toISOString(),
          });
        }
        if (status !== 'COMPLETED' || !destination) continue;
        const replica: S3ObjectVersion = {
          ...structuredClone(version),
          replicationStatus: 'REPLICA',
          storageClass: rule.storageClass ?? version.storageClass,
        };
        const list = (destination.objects[object.key] ??= []);
        list.push(replica);
        list.sort((a, b) => b.lastModified.localeCompare(a.lastModified));
      }
    }
  }
  return state;
}
