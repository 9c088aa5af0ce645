import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import type { SimContext, SimRequest, SimResponse } from '../../core/types';
import { SimServiceError } from '../../core/sim-error';
import { decodeAwsChunked, digest, versionContent } from './content';
import type { S3Bucket, S3ObjectVersion, S3State } from './model';
import { ARCHIVED_CLASSES, deleteMarkerVersion, STORAGE_CLASSES } from './model';
import { isRestoredNow, metadataFromRequest, resolveVersion } from './object-read-ops';
import { scheduleReplication } from './replication';
import { invalidArgument, invalidObjectState, malformedXml, noSuchBucket } from './s3-errors';
import { xmlOk } from './s3-xml';
import { newVersionId } from './versions';

const CHECKSUM_ALGORITHMS = ['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'] as const;
const xmlParser = new XMLParser({ ignoreAttributes: true, parseTagValue: false });

/** The payload of an upload, decoding `aws-chunked` bodies; trailing checksum headers are merged in. */
export function uploadPayload(req: SimRequest): { payload: Buffer; headers: Record<string, string> } {
  const encoding = req.headers['content-encoding'] ?? '';
  const sha = req.headers['x-amz-content-sha256'] ?? '';
  if (encoding.includes('aws-chunked') || sha.startsWith('STREAMING-')) {
    try {
      const decoded = decodeAwsChunked(req.body);
      return { payload: decoded.payload, headers: { ...req.headers, ...decoded.trailers } };
    } catch (error) {
      throw new SimServiceError(
        'IncompleteBody',
        `The request body is not valid aws-chunked: ${(error as Error).message}`,
        400,
      );
    }
  }
  return { payload: req.body, headers: req.headers };
}

function checkStorageClass(value: string | undefined): string {
  if (value === undefined || value === '') return 'STANDARD';
  if (!(STORAGE_CLASSES as readonly string[]).includes(value)) {
    throw new SimServiceError('InvalidStorageClass', 'The storage class you specified is not valid', 400, {
      fields: { StorageClassRequested: value },
    });
  }
  return value;
}

/** Checksums sent with an upload (header or trailer), verified where the simulator can compute them. */
export function uploadChecksums(headers: Record<string, string>, payload: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const sent = headers[`x-amz-checksum-${algorithm}`];
    if (!sent) continue;
    let actual: string | undefined;
    if (algorithm === 'sha256') actual = createHash('sha256').update(payload).digest('base64');
    if (algorithm === 'sha1') actual = createHash('sha1').update(payload).digest('base64');
    if (algorithm === 'crc32') {
      const buf = Buffer.alloc(4);
      buf.writeUInt32BE(crc32(payload) >>> 0);
      actual = buf.toString('base64');
    }
    if (actual !== undefined && actual !== sent) {
      throw new SimServiceError(
        'BadDigest',
        `The ${algorithm.toUpperCase()} you specified did not match the calculated checksum.`,
        400,
      );
    }
    out[algorithm] = sent;
  }
  const md5 = headers['content-md5'];
  if (md5 && createHash('md5').update(payload).digest('base64') !== md5) {
    throw new SimServiceError(
      'BadDigest',
      'The Content-MD5 you specified did not match what we received.',
      400,
    );
  }
  return out;
}

/** Object tags from an `x-amz-tagging` header (URL-encoded `k=v&k2=v2`), validated as S3 does. */
export function parseTaggingHeader(value: string | undefined): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const tags: Record<string, string> = {};
  for (const [key, tagValue] of new URLSearchParams(value)) {
    if (!key || key.length > 128 || tagValue.length > 256) {
      throw new SimServiceError(
        'InvalidTag',
        `The tag "${key}" is not valid (keys 1-128, values 0-256 characters).`,
        400,
      );
    }
    if (key in tags)
      throw new SimServiceError(
        'InvalidTag',
        `Cannot provide multiple tags with the same key "${key}".`,
        400,
      );
    tags[key] = tagValue;
  }
  if (Object.keys(tags).length > 10) {
    throw new SimServiceError('BadRequest', 'Object tags cannot be greater than 10', 400);
  }
  return tags;
}

/** Add a version as the current one, honouring the bucket's versioning state, and queue its replication. */
export function writeVersion(
  state: S3State,
  bucket: S3Bucket,
  key: string,
  version: S3ObjectVersion,
  ctx: SimContext,
): void {
  const list = (bucket.objects[key] ??= []);
  if (bucket.versioning !== 'Enabled') {
    const nullIndex = list.findIndex((v) => v.versionId === 'null');
    if (nullIndex >= 0) list.splice(nullIndex, 1);
  }
  list.unshift(version);
  scheduleReplication(state, bucket, key, version, ctx);
}

function nextVersionId(bucket: S3Bucket, ctx: SimContext): string {
  return bucket.versioning === 'Enabled' ? newVersionId(ctx.rng) : 'null';
}

function writeHeaders(bucket: S3Bucket, version: S3ObjectVersion): Record<string, string> {
  const headers: Record<string, string> = {};
  if (bucket.versioning) headers['x-amz-version-id'] = version.versionId;
  for (const [algorithm, value] of Object.entries(version.checksums))
    headers[`x-amz-checksum-${algorithm}`] = value;
  return headers;
}

/** PutObject. */
export function putObject(
  req: SimRequest,
  ctx: SimContext,
  state: S3State,
  bucket: S3Bucket,
  key: string,
): SimResponse {
  const existing = bucket.objects[key]?.[0];
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch === '*' && existing && !existing.deleteMarker) {
    throw new SimServiceError(
      'PreconditionFailed',
      'At least one of the pre-conditions you specified did not hold',
      412,
      {
        fields: { Condition: 'If-None-Match' },
      },
    );
  }
  const ifMatch = req.headers['if-match'];
  if (ifMatch !== undefined && (!existing || existing.deleteMarker || existing.etag !== ifMatch)) {
    throw new SimServiceError(
      existing && !existing.deleteMarker ? 'PreconditionFailed' : 'NoSuchKey',
      existing && !existing.deleteMarker
        ? 'At least one of the pre-conditions you specified did not hold'
        : 'The specified key does not exist.',
      existing && !existing.deleteMarker ? 412 : 404,
    );
  }
  const { payload, headers } = uploadPayload(req);
  const checksums = uploadChecksums(headers, payload);
  const d = digest(payload);
  const version: S3ObjectVersion = {
    versionId: nextVersionId(bucket, ctx),
    deleteMarker: false,
    lastModified: ctx.clock.now().toISOString(),
    size: d.size,
    etag: d.etag,
    sha256: d.sha256,
    checksums,
    storageClass: checkStorageClass(req.headers['x-amz-storage-class']),
    contentType: req.headers['content-type'] ?? 'binary/octet-stream',
    metadata: metadataFromRequest(req),
    body: payload.toString('base64'),
  };
  const tags = parseTaggingHeader(req.headers['x-amz-tagging']);
  if (tags && Object.keys(tags).length > 0) version.tags = tags;
  writeVersion(state, bucket, key, version, ctx);
  return { status: 200, headers: { etag: version.etag, ...writeHeaders(bucket, version) }, body: '' };
}

/** Parse `x-amz-copy-source`: `[/]bucket/key[?versionId=V]`, URL-encoded. */
export function parseCopySource(value: string): { bucket: string; key: string; versionId?: string } {
  const [pathPart = '', queryPart] = value.split('?', 2);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart.replace(/^\//, ''));
  } catch {
    throw invalidArgument(
      'Copy Source must mention the source bucket and key: sourcebucket/sourcekey',
      'x-amz-copy-source',
      value,
    );
  }
  const slash = decoded.indexOf('/');
  if (slash <= 0 || slash === decoded.length - 1) {
    throw invalidArgument(
      'Copy Source must mention the source bucket and key: sourcebucket/sourcekey',
      'x-amz-copy-source',
      value,
    );
  }
  const versionId = queryPart ? (new URLSearchParams(queryPart).get('versionId') ?? undefined) : undefined;
  return {
    bucket: decoded.slice(0, slash),
    key: decoded.slice(slash + 1),
    ...(versionId ? { versionId } : {}),
  };
}

/** CopyObject: a new current version from a source version (how S3 rolls an object back). */
export function copyObject(
  req: SimRequest,
  ctx: SimContext,
  state: S3State,
  bucket: S3Bucket,
  key: string,
): SimResponse {
  const source = parseCopySource(req.headers['x-amz-copy-source'] ?? '');
  const sourceBucket = state.buckets[source.bucket];
  if (!sourceBucket) throw noSuchBucket(source.bucket);
  if (!ctx.regionAvailable(sourceBucket.region, 's3')) {
    throw new SimServiceError(
      'ServiceUnavailable',
      `The copy source bucket's region ${sourceBucket.region} is unavailable.`,
      503,
    );
  }
  const from = resolveVersion(sourceBucket, source.key, source.versionId, 'GET');
  if (ARCHIVED_CLASSES.has(from.storageClass) && !isRestoredNow(from, ctx.clock.now())) {
    throw invalidObjectState(
      'The source object of the COPY action is not in the active tier and is only stored in Amazon S3 Glacier.',
      from.storageClass,
    );
  }
  const directive = (req.headers['x-amz-metadata-directive'] ?? 'COPY').toUpperCase();
  if (directive !== 'COPY' && directive !== 'REPLACE') {
    throw invalidArgument('Unknown metadata directive.', 'x-amz-metadata-directive', directive);
  }
  const storageClass = checkStorageClass(req.headers['x-amz-storage-class']);
  if (
    sourceBucket === bucket &&
    source.key === key &&
    directive === 'COPY' &&
    !source.versionId &&
    storageClass === from.storageClass
  ) {
    throw new SimServiceError(
      'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      400,
    );
  }
  const content = versionContent(from);
  const algorithm = req.headers['x-amz-checksum-algorithm']?.toLowerCase();
  const checksums = { ...from.checksums };
  if (algorithm === 'sha256') checksums['sha256'] = from.sha256;
  const version: S3ObjectVersion = {
    versionId: nextVersionId(bucket, ctx),
    deleteMarker: false,
    lastModified: ctx.clock.now().toISOString(),
    size: from.size,
    etag: from.etag,
    sha256: from.sha256,
    checksums,
    storageClass,
    contentType:
      directive === 'REPLACE' ? (req.headers['content-type'] ?? 'binary/octet-stream') : from.contentType,
    metadata: directive === 'REPLACE' ? metadataFromRequest(req) : { ...from.metadata },
    ...(from.body !== undefined ? { body: from.body } : { body: content.toString('base64') }),
  };
  const taggingDirective = (req.headers['x-amz-tagging-directive'] ?? 'COPY').toUpperCase();
  if (taggingDirective !== 'COPY' && taggingDirective !== 'REPLACE') {
    throw invalidArgument('Unknown tagging directive.', 'x-amz-tagging-directive', taggingDirective);
  }
  const tags = taggingDirective === 'REPLACE' ? parseTaggingHeader(req.headers['x-amz-tagging']) : from.tags;
  if (tags && Object.keys(tags).length > 0) version.tags = { ...tags };
  writeVersion(state, bucket, key, version, ctx);
  const headers = writeHeaders(bucket, version);
  for (const name of Object.keys(headers)) if (name.startsWith('x-amz-checksum-')) delete headers[name];
  if (sourceBucket.versioning) headers['x-amz-copy-source-version-id'] = from.versionId;
  return xmlOk(
    'CopyObjectResult',
    {
      LastModified: version.lastModified,
      ETag: version.etag,
      ...(version.checksums['sha256'] ? { ChecksumSHA256: version.checksums['sha256'] } : {}),
    },
    headers,
  );
}

/** DeleteObject: a delete marker in a versioned bucket, or removal of one version / the null version. */
export function deleteObject(req: SimRequest, ctx: SimContext, bucket: S3Bucket, key: string): SimResponse {
  const versionId = req.query['versionId'];
  const list = bucket.objects[key] ?? [];
  if (versionId !== undefined) {
    const at = list.findIndex((v) => v.versionId === versionId);
    const headers: Record<string, string> = { 'x-amz-version-id': versionId };
    if (at >= 0) {
      const [removed] = list.splice(at, 1);
      if (removed?.deleteMarker) headers['x-amz-delete-marker'] = 'true';
      if (list.length === 0) delete bucket.objects[key];
    }
    return { status: 204, headers, body: '' };
  }
  if (bucket.versioning) {
    const marker = deleteMarkerVersion(
      bucket.versioning === 'Enabled' ? newVersionId(ctx.rng) : 'null',
      ctx.clock.now(),
    );
    if (marker.versionId === 'null') {
      const nullIndex = list.findIndex((v) => v.versionId === 'null');
      if (nullIndex >= 0) list.splice(nullIndex, 1);
    }
    list.unshift(marker);
    bucket.objects[key] = list;
    return {
      status: 204,
      headers: { 'x-amz-delete-marker': 'true', 'x-amz-version-id': marker.versionId },
      body: '',
    };
  }
  delete bucket.objects[key];
  return { status: 204, headers: {}, body: '' };
}

const RESTORE_HOURS: Record<string, Record<string, number>> = {
  GLACIER: { Expedited: 0.05, Standard: 4, Bulk: 8 },
  DEEP_ARCHIVE: { Standard: 12, Bulk: 48 },
};

/**
 * RestoreObject: thaws a temporary copy of an archived (GLACIER, DEEP_ARCHIVE) object. Any other
 * storage class gets `InvalidObjectState` (403); a restore under way, `RestoreAlreadyInProgress` (409).
 */
export function restoreObject(req: SimRequest, ctx: SimContext, bucket: S3Bucket, key: string): SimResponse {
  const version = resolveVersion(bucket, key, req.query['versionId'], 'POST');
  if (!ARCHIVED_CLASSES.has(version.storageClass)) {
    throw invalidObjectState(
      "Restore is not allowed for the object's current storage class",
      version.storageClass,
    );
  }
  let days = 1;
  let tier = 'Standard';
  if (req.body.length > 0) {
    let parsed: unknown;
    try {
      parsed = xmlParser.parse(req.body.toString('utf8'));
    } catch {
      throw malformedXml();
    }
    const request = (
      parsed as {
        RestoreRequest?: { Days?: string; GlacierJobParameters?: { Tier?: string }; Tier?: string };
      }
    ).RestoreRequest;
    if (!request || typeof request !== 'object') throw malformedXml();
    if (request.Days !== undefined) {
      days = Number(request.Days);
      if (!Number.isInteger(days) || days < 1)
        throw invalidArgument('Days must be a positive integer', 'Days', String(request.Days));
    }
    tier = request.GlacierJobParameters?.Tier ?? request.Tier ?? 'Standard';
  }
  const hours = RESTORE_HOURS[version.storageClass]?.[tier];
  if (hours === undefined) {
    throw invalidArgument(`Restore tier ${tier} is not available for ${version.storageClass}`, 'Tier', tier);
  }
  const now = ctx.clock.now();
  const versionHeader: Record<string, string> = bucket.versioning
    ? { 'x-amz-version-id': version.versionId }
    : {};
  if (version.restore && now < new Date(version.restore.readyAt)) {
    throw new SimServiceError('RestoreAlreadyInProgress', 'Object restore is already in progress', 409);
  }
  if (version.restore && isRestoredNow(version, now)) {
    version.restore.days =
      days + Math.ceil((now.getTime() - new Date(version.restore.readyAt).getTime()) / 86_400_000);
    return { status: 200, headers: versionHeader, body: '' };
  }
  version.restore = { readyAt: new Date(now.getTime() + hours * 3_600_000).toISOString(), days, tier };
  return { status: 202, headers: versionHeader, body: '' };
}
