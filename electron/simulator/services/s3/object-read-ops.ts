import type { SimContext, SimRequest, SimResponse } from '../../core/types';
import { SimServiceError } from '../../core/sim-error';
import { versionContent } from './content';
import type { S3Bucket, S3ObjectVersion } from './model';
import { ARCHIVED_CLASSES } from './model';
import { httpDate, userMetadata } from './request';
import { invalidObjectState, noSuchKey, noSuchVersion } from './s3-errors';
import { xmlOk } from './s3-xml';

/**
 * The version a request addresses (`versionId` query, else the current one); throws S3's
 * errors for a missing key or version and for a delete marker.
 */
export function resolveVersion(
  bucket: S3Bucket,
  key: string,
  versionId: string | undefined,
  method: string,
): S3ObjectVersion {
  const list = bucket.objects[key];
  if (versionId !== undefined) {
    const version = list?.find((v) => v.versionId === versionId);
    if (!version) {
      if (!/^[A-Za-z0-9._]+$/.test(versionId) && versionId !== 'null') {
        throw new SimServiceError('InvalidArgument', 'Invalid version id specified', 400, {
          fields: { ArgumentName: 'versionId', ArgumentValue: versionId },
        });
      }
      throw noSuchVersion(key, versionId);
    }
    if (version.deleteMarker) {
      throw new SimServiceError(
        'MethodNotAllowed',
        'The specified method is not allowed against this resource.',
        405,
        {
          headers: { 'x-amz-delete-marker': 'true', 'x-amz-version-id': version.versionId, allow: 'DELETE' },
          fields: { Method: method, ResourceType: 'DeleteMarker' },
        },
      );
    }
    return version;
  }
  const current = list?.[0];
  if (!current) throw noSuchKey(key);
  if (current.deleteMarker) throw noSuchKey(key, current.versionId);
  return current;
}

/** `If-Match` (412 `PreconditionFailed`) and `If-None-Match` (304) on reads. */
export function checkPreconditions(req: SimRequest, version: S3ObjectVersion): void {
  const ifMatch = req.headers['if-match'];
  if (ifMatch !== undefined && ifMatch !== '*' && ifMatch.replace(/^W\//, '') !== version.etag) {
    throw new SimServiceError(
      'PreconditionFailed',
      'At least one of the pre-conditions you specified did not hold',
      412,
      {
        fields: { Condition: 'If-Match' },
      },
    );
  }
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined && (ifNoneMatch === '*' || ifNoneMatch === version.etag)) {
    throw new SimServiceError('NotModified', 'Not Modified', 304, { headers: { etag: version.etag } });
  }
}

/** The `x-amz-restore` header value for an archived object with a restore request, at `now`. */
export function restoreHeader(version: S3ObjectVersion, now: Date): string | undefined {
  if (!version.restore) return undefined;
  const ready = new Date(version.restore.readyAt);
  if (now < ready) return 'ongoing-request="true"';
  const expiry = new Date(ready.getTime() + version.restore.days * 86_400_000);
  return `ongoing-request="false", expiry-date="${expiry.toUTCString()}"`;
}

/** True when an archived object has a readable restored copy now. */
export function isRestoredNow(version: S3ObjectVersion, now: Date): boolean {
  if (!version.restore) return false;
  const ready = new Date(version.restore.readyAt).getTime();
  const expiry = ready + version.restore.days * 86_400_000;
  return now.getTime() >= ready && now.getTime() < expiry;
}

/** Response headers describing an object version (HeadObject/GetObject). */
export function objectHeaders(
  version: S3ObjectVersion,
  bucket: S3Bucket,
  req: SimRequest,
  ctx: SimContext,
): Record<string, string> {
  const headers: Record<string, string> = {
    'last-modified': httpDate(version.lastModified),
    etag: version.etag,
    'content-type': version.contentType || 'binary/octet-stream',
    'accept-ranges': 'bytes',
  };
  if (bucket.versioning) headers['x-amz-version-id'] = version.versionId;
  if (version.storageClass !== 'STANDARD') headers['x-amz-storage-class'] = version.storageClass;
  if (version.replicationStatus) headers['x-amz-replication-status'] = version.replicationStatus;
  const restore = restoreHeader(version, ctx.clock.now());
  if (restore) headers['x-amz-restore'] = restore;
  if ((req.headers['x-amz-checksum-mode'] ?? '').toUpperCase() === 'ENABLED') {
    for (const [algorithm, value] of Object.entries(version.checksums))
      headers[`x-amz-checksum-${algorithm}`] = value;
    if (Object.keys(version.checksums).length > 0) headers['x-amz-checksum-type'] = 'FULL_OBJECT';
  }
  for (const [name, value] of Object.entries(version.metadata)) headers[`x-amz-meta-${name}`] = value;
  const tagCount = Object.keys(version.tags ?? {}).length;
  if (tagCount > 0) headers['x-amz-tagging-count'] = String(tagCount);
  return headers;
}

/** HeadObject. */
export function headObject(req: SimRequest, ctx: SimContext, bucket: S3Bucket, key: string): SimResponse {
  const version = resolveVersion(bucket, key, req.query['versionId'], 'HEAD');
  checkPreconditions(req, version);
  return {
    status: 200,
    headers: { ...objectHeaders(version, bucket, req, ctx), 'content-length': String(version.size) },
    body: '',
  };
}

function parseRange(header: string, size: number): { start: number; end: number } | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return undefined;
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return undefined;
  let start: number;
  let end: number;
  if (a === '') {
    start = Math.max(0, size - Number(b));
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) {
    throw new SimServiceError('InvalidRange', 'The requested range is not satisfiable', 416, {
      fields: { RangeRequested: header, ActualObjectSize: String(size) },
      headers: { 'content-range': `bytes */${size}` },
    });
  }
  return { start, end };
}

/** GetObject (with Range); archived objects need a completed restore (`InvalidObjectState` otherwise). */
export function getObject(req: SimRequest, ctx: SimContext, bucket: S3Bucket, key: string): SimResponse {
  const version = resolveVersion(bucket, key, req.query['versionId'], 'GET');
  checkPreconditions(req, version);
  if (ARCHIVED_CLASSES.has(version.storageClass) && !isRestoredNow(version, ctx.clock.now())) {
    throw invalidObjectState(
      "The operation is not valid for the object's storage class",
      version.storageClass,
    );
  }
  const content = versionContent(version);
  const headers = objectHeaders(version, bucket, req, ctx);
  const rangeHeader = req.headers['range'];
  const range = rangeHeader ? parseRange(rangeHeader, content.length) : undefined;
  if (range) {
    for (const name of Object.keys(headers)) if (name.startsWith('x-amz-checksum-')) delete headers[name];
    const part = content.subarray(range.start, range.end + 1);
    return {
      status: 206,
      headers: {
        ...headers,
        'content-range': `bytes ${range.start}-${range.end}/${content.length}`,
        'content-length': String(part.length),
      },
      body: part,
      streaming: true,
    };
  }
  return {
    status: 200,
    headers: { ...headers, 'content-length': String(content.length) },
    body: content,
    streaming: true,
  };
}

/** GetObjectTagging. */
export function getObjectTagging(req: SimRequest, bucket: S3Bucket, key: string): SimResponse {
  const version = resolveVersion(bucket, key, req.query['versionId'], 'GET');
  return xmlOk(
    'Tagging',
    { TagSet: { Tag: Object.entries(version.tags ?? {}).map(([Key, Value]) => ({ Key, Value })) } },
    bucket.versioning ? { 'x-amz-version-id': version.versionId } : {},
  );
}

/** Metadata of a new object from request headers. */
export function metadataFromRequest(req: SimRequest): Record<string, string> {
  return userMetadata(req.headers);
}
