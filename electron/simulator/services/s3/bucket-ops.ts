import type { SimContext, SimRequest, SimResponse } from '../../core/types';
import type { XmlObject } from '../../core/xml';
import { SimServiceError } from '../../core/sim-error';
import type { S3Bucket, S3State } from './model';
import { xmlOk } from './s3-xml';
import { invalidArgument } from './s3-errors';
import { createHash } from 'node:crypto';

const canonicalIds = new Map<string, string>();

/** The account's S3 canonical user id (a hash of the account id, computed once per account). */
function canonicalIdOf(accountId: string): string {
  let id = canonicalIds.get(accountId);
  if (id === undefined) {
    id = createHash('sha256').update(accountId).digest('hex');
    canonicalIds.set(accountId, id);
  }
  return id;
}

/** The owner block S3 puts in listings. */
export function ownerOf(ctx: SimContext): XmlObject {
  return { ID: canonicalIdOf(ctx.accountId), DisplayName: `account-${ctx.accountId}` };
}

/** ListBuckets (global): prefix, bucket-region, max-buckets and continuation-token. */
export function listBuckets(req: SimRequest, ctx: SimContext, state: S3State): SimResponse {
  const prefix = req.query['prefix'] ?? '';
  const region = req.query['bucket-region'];
  const maxRaw = req.query['max-buckets'];
  const max = maxRaw === undefined ? 10_000 : Number(maxRaw);
  if (!Number.isInteger(max) || max < 1 || max > 10_000) {
    throw invalidArgument(
      'max-buckets must be an integer between 1 and 10000',
      'max-buckets',
      String(maxRaw),
    );
  }
  const token = req.query['continuation-token'];
  const after = token ? Buffer.from(token, 'base64url').toString('utf8') : '';
  const names = Object.keys(state.buckets)
    .sort()
    .filter((n) => n.startsWith(prefix) && n > after)
    .filter((n) => !region || state.buckets[n]?.region === region);
  const page = names.slice(0, max);
  const last = page[page.length - 1];
  return xmlOk('ListAllMyBucketsResult', {
    Owner: ownerOf(ctx),
    Buckets: {
      Bucket: page.map((n) => {
        const b = state.buckets[n] as S3Bucket;
        return { Name: b.name, CreationDate: b.creationDate, BucketRegion: b.region };
      }),
    },
    ...(names.length > page.length && last
      ? { ContinuationToken: Buffer.from(last).toString('base64url') }
      : {}),
    ...(req.query['prefix'] !== undefined ? { Prefix: prefix } : {}),
  });
}

/** GetBucketLocation: empty for us-east-1, as S3 answers. */
export function getBucketLocation(bucket: S3Bucket): SimResponse {
  const location = bucket.region === 'us-east-1' ? '' : bucket.region;
  return {
    status: 200,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${location}</LocationConstraint>`,
  };
}

/** GetBucketVersioning: no Status when versioning was never enabled. */
export function getBucketVersioning(bucket: S3Bucket): SimResponse {
  return xmlOk('VersioningConfiguration', bucket.versioning ? { Status: bucket.versioning } : {});
}

/** GetBucketReplication, or `ReplicationConfigurationNotFoundError` (404). */
export function getBucketReplication(bucket: S3Bucket): SimResponse {
  if (!bucket.replication) {
    throw new SimServiceError(
      'ReplicationConfigurationNotFoundError',
      'The replication configuration was not found',
      404,
      {
        fields: { BucketName: bucket.name },
      },
    );
  }
  return xmlOk('ReplicationConfiguration', {
    Role: bucket.replication.role,
    Rule: bucket.replication.rules.map((r) => ({
      ID: r.id,
      Priority: r.priority,
      Filter: { Prefix: r.prefix },
      Status: r.status,
      Destination: {
        Bucket: r.destinationBucket,
        ...(r.storageClass ? { StorageClass: r.storageClass } : {}),
      },
      DeleteMarkerReplication: { Status: 'Disabled' },
    })),
  });
}

/** GetBucketLifecycleConfiguration, or `NoSuchLifecycleConfiguration` (404). */
export function getBucketLifecycle(bucket: S3Bucket): SimResponse {
  if (!bucket.lifecycle || bucket.lifecycle.length === 0) {
    throw new SimServiceError(
      'NoSuchLifecycleConfiguration',
      'The lifecycle configuration does not exist',
      404,
      {
        fields: { BucketName: bucket.name },
      },
    );
  }
  return xmlOk('LifecycleConfiguration', {
    Rule: bucket.lifecycle.map((r) => ({
      ID: r.id,
      Filter: { Prefix: r.prefix },
      Status: r.status,
      Transition: r.transitions.map((t) => ({ Days: t.days, StorageClass: t.storageClass })),
      ...(r.expirationDays ? { Expiration: { Days: r.expirationDays } } : {}),
      ...(r.noncurrentVersionExpirationDays
        ? { NoncurrentVersionExpiration: { NoncurrentDays: r.noncurrentVersionExpirationDays } }
        : {}),
    })),
  });
}

/** GetBucketTagging, or `NoSuchTagSet` (404). */
export function getBucketTagging(bucket: S3Bucket): SimResponse {
  const tags = bucket.tags ?? {};
  if (Object.keys(tags).length === 0) {
    throw new SimServiceError('NoSuchTagSet', 'The TagSet does not exist', 404, {
      fields: { BucketName: bucket.name },
    });
  }
  return xmlOk('Tagging', { TagSet: { Tag: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) } });
}

/** HeadBucket: 200 with the bucket's region. */
export function headBucket(bucket: S3Bucket): SimResponse {
  return { status: 200, headers: { 'x-amz-bucket-region': bucket.region }, body: '' };
}
