import type { SimContext, SimRequest, SimResponse } from '../../core/types';
import type { XmlObject } from '../../core/xml';
import { ownerOf } from './bucket-ops';
import type { S3Bucket, S3ObjectVersion } from './model';
import { invalidArgument } from './s3-errors';
import { xmlOk } from './s3-xml';

function maxKeysOf(req: SimRequest): number {
  const raw = req.query['max-keys'];
  if (raw === undefined) return 1000;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(value)) {
    throw invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', raw);
  }
  return Math.min(value, 1000);
}

function encodingOf(req: SimRequest): ((value: string) => string) | undefined {
  const type = req.query['encoding-type'];
  if (type === undefined) return undefined;
  if (type !== 'url')
    throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', type);
  return (value) => encodeURIComponent(value).replace(/%2F/g, '/');
}

/** The common prefix a key rolls up into, or undefined when it is listed itself. */
export function commonPrefixOf(
  key: string,
  prefix: string,
  delimiter: string | undefined,
): string | undefined {
  if (!delimiter) return undefined;
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}

function checksumAlgorithms(version: S3ObjectVersion): string[] {
  return Object.keys(version.checksums).map((a) => a.toUpperCase());
}

interface ContinuationToken {
  after: string;
  skipPrefix?: string;
}

function decodeToken(token: string): ContinuationToken {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinuationToken;
    if (typeof parsed.after !== 'string') throw new Error('bad');
    return parsed;
  } catch {
    throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
  }
}

function encodeToken(token: ContinuationToken): string {
  return Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');
}

/** ListObjectsV2: Prefix, Delimiter, MaxKeys, StartAfter, ContinuationToken, EncodingType=url. */
export function listObjectsV2(req: SimRequest, ctx: SimContext, bucket: S3Bucket): SimResponse {
  const prefix = req.query['prefix'] ?? '';
  const delimiter = req.query['delimiter'] || undefined;
  const maxKeys = maxKeysOf(req);
  const encode = encodingOf(req);
  const enc = (v: string): string => (encode ? encode(v) : v);
  const startAfter = req.query['start-after'] ?? '';
  const tokenRaw = req.query['continuation-token'];
  const token = tokenRaw !== undefined ? decodeToken(tokenRaw) : undefined;
  const after = token ? token.after : startAfter;
  const keys = Object.keys(bucket.objects)
    .filter(
      (k) => k.startsWith(prefix) && k > after && !(token?.skipPrefix && k.startsWith(token.skipPrefix)),
    )
    .sort();
  const contents: XmlObject[] = [];
  const prefixes: string[] = [];
  let count = 0;
  let truncated = false;
  let lastToken: ContinuationToken | undefined;
  for (const key of keys) {
    const current = bucket.objects[key]?.[0];
    if (!current || current.deleteMarker) continue;
    const rolled = commonPrefixOf(key, prefix, delimiter);
    if (rolled !== undefined && prefixes[prefixes.length - 1] === rolled) continue;
    if (count >= maxKeys) {
      truncated = true;
      break;
    }
    count += 1;
    if (rolled !== undefined) {
      prefixes.push(rolled);
      lastToken = { after: key, skipPrefix: rolled };
    } else {
      contents.push({
        Key: enc(key),
        LastModified: current.lastModified,
        ETag: current.etag,
        ChecksumAlgorithm: checksumAlgorithms(current),
        Size: current.size,
        StorageClass: current.storageClass,
        ...(req.query['fetch-owner'] === 'true' ? { Owner: ownerOf(ctx) } : {}),
      });
      lastToken = { after: key };
    }
  }
  return xmlOk('ListBucketResult', {
    Name: bucket.name,
    Prefix: enc(prefix),
    ...(delimiter ? { Delimiter: enc(delimiter) } : {}),
    MaxKeys: maxKeys,
    ...(encode ? { EncodingType: 'url' } : {}),
    KeyCount: count,
    IsTruncated: truncated,
    ...(tokenRaw !== undefined ? { ContinuationToken: tokenRaw } : {}),
    ...(truncated && lastToken ? { NextContinuationToken: encodeToken(lastToken) } : {}),
    ...(req.query['start-after'] !== undefined ? { StartAfter: enc(startAfter) } : {}),
    Contents: contents,
    CommonPrefixes: prefixes.map((p) => ({ Prefix: enc(p) })),
  });
}

/** ListObjectVersions: Prefix, Delimiter, MaxKeys, KeyMarker/VersionIdMarker, delete markers. */
export function listObjectVersions(req: SimRequest, ctx: SimContext, bucket: S3Bucket): SimResponse {
  const prefix = req.query['prefix'] ?? '';
  const delimiter = req.query['delimiter'] || undefined;
  const maxKeys = maxKeysOf(req);
  const encode = encodingOf(req);
  const enc = (v: string): string => (encode ? encode(v) : v);
  const keyMarker = req.query['key-marker'] ?? '';
  const versionIdMarker = req.query['version-id-marker'] || undefined;
  if (versionIdMarker && !keyMarker) {
    throw invalidArgument(
      'A version-id marker cannot be specified without a key marker.',
      'version-id-marker',
      versionIdMarker,
    );
  }
  const owner = ownerOf(ctx);
  const keys = Object.keys(bucket.objects)
    .filter((k) => k.startsWith(prefix) && (versionIdMarker ? k >= keyMarker : k > keyMarker))
    .sort();
  const versions: XmlObject[] = [];
  const markers: XmlObject[] = [];
  const prefixes: string[] = [];
  let count = 0;
  let truncated = false;
  let nextKey: string | undefined;
  let nextVersion: string | undefined;
  outer: for (const key of keys) {
    const rolled = commonPrefixOf(key, prefix, delimiter);
    if (rolled !== undefined) {
      if (rolled === keyMarker || prefixes[prefixes.length - 1] === rolled) continue;
      if (count >= maxKeys) {
        truncated = true;
        break;
      }
      count += 1;
      prefixes.push(rolled);
      nextKey = rolled;
      nextVersion = undefined;
      continue;
    }
    const list = bucket.objects[key] ?? [];
    let start = 0;
    if (versionIdMarker && key === keyMarker) {
      const at = list.findIndex((v) => v.versionId === versionIdMarker);
      start = at < 0 ? list.length : at + 1;
    }
    for (let i = start; i < list.length; i += 1) {
      const version = list[i] as S3ObjectVersion;
      if (count >= maxKeys) {
        truncated = true;
        break outer;
      }
      count += 1;
      const common = {
        Key: enc(key),
        VersionId: version.versionId,
        IsLatest: i === 0,
        LastModified: version.lastModified,
      };
      if (version.deleteMarker) markers.push({ Owner: owner, ...common });
      else {
        versions.push({
          ...common,
          ETag: version.etag,
          ChecksumAlgorithm: checksumAlgorithms(version),
          Size: version.size,
          StorageClass: version.storageClass,
          Owner: owner,
        });
      }
      nextKey = key;
      nextVersion = version.versionId;
    }
  }
  return xmlOk('ListVersionsResult', {
    Name: bucket.name,
    Prefix: enc(prefix),
    KeyMarker: enc(keyMarker),
    VersionIdMarker: versionIdMarker ?? '',
    ...(truncated && nextKey !== undefined ? { NextKeyMarker: enc(nextKey) } : {}),
    ...(truncated && nextVersion !== undefined ? { NextVersionIdMarker: nextVersion } : {}),
    MaxKeys: maxKeys,
    ...(delimiter ? { Delimiter: enc(delimiter) } : {}),
    ...(encode ? { EncodingType: 'url' } : {}),
    IsTruncated: truncated,
    Version: versions,
    DeleteMarker: markers,
    CommonPrefixes: prefixes.map((p) => ({ Prefix: enc(p) })),
  });
}
