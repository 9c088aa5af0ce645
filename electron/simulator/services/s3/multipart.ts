import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { SimServiceError } from '../../core/sim-error';
import type { SimContext, SimRequest, SimResponse } from '../../core/types';
import type { S3Bucket, S3MultipartUpload, S3ObjectVersion, S3State } from './model';
import { STORAGE_CLASSES } from './model';
import { metadataFromRequest } from './object-read-ops';
import { parseTaggingHeader, uploadPayload, writeVersion } from './object-write-ops';
import { malformedXml } from './s3-errors';
import { xmlOk } from './s3-xml';
import { newVersionId } from './versions';

/** The smallest part S3 accepts, except the last. */
export const MIN_PART_SIZE = 5 * 1024 * 1024;
const xmlParser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => name === 'Part',
});

function uploadsOf(state: S3State): Record<string, S3MultipartUpload> {
  state.uploads ??= {};
  return state.uploads;
}

function findUpload(state: S3State, uploadId: string, bucket: string, key: string): S3MultipartUpload {
  const upload = uploadsOf(state)[uploadId];
  if (!upload || upload.bucket !== bucket || upload.key !== key) {
    throw new SimServiceError(
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      404,
      { fields: { UploadId: uploadId } },
    );
  }
  return upload;
}

/** CreateMultipartUpload (`POST ?uploads`). */
export function createMultipartUpload(
  req: SimRequest,
  ctx: SimContext,
  state: S3State,
  bucket: S3Bucket,
  key: string,
): SimResponse {
  const storageClass = req.headers['x-amz-storage-class'] || 'STANDARD';
  if (!(STORAGE_CLASSES as readonly string[]).includes(storageClass)) {
    throw new SimServiceError('InvalidStorageClass', 'The storage class you specified is not valid', 400, {
      fields: { StorageClassRequested: storageClass },
    });
  }
  const uploadId = `${newVersionId(ctx.rng)}${newVersionId(ctx.rng)}`;
  const tags = parseTaggingHeader(req.headers['x-amz-tagging']);
  uploadsOf(state)[uploadId] = {
    uploadId,
    bucket: bucket.name,
    key,
    initiated: ctx.clock.now().toISOString(),
    storageClass,
    contentType: req.headers['content-type'] ?? 'binary/octet-stream',
    metadata: metadataFromRequest(req),
    ...(tags && Object.keys(tags).length > 0 ? { tags } : {}),
    parts: {},
  };
  return xmlOk('InitiateMultipartUploadResult', { Bucket: bucket.name, Key: key, UploadId: uploadId });
}

/** UploadPart (`PUT ?partNumber=N&uploadId=U`). */
export function uploadPart(req: SimRequest, state: S3State, bucket: S3Bucket, key: string): SimResponse {
  const upload = findUpload(state, req.query['uploadId'] ?? '', bucket.name, key);
  const raw = req.query['partNumber'] ?? '';
  const partNumber = Number(raw);
  if (!/^\d+$/.test(raw) || partNumber < 1 || partNumber > 10_000) {
    throw new SimServiceError(
      'InvalidArgument',
      'Part number must be an integer between 1 and 10000, inclusive',
      400,
      {
        fields: { ArgumentName: 'partNumber', ArgumentValue: raw },
      },
    );
  }
  const { payload, headers } = uploadPayload(req);
  const etag = `"${createHash('md5').update(payload).digest('hex')}"`;
  upload.parts[String(partNumber)] = { etag, size: payload.length, body: payload.toString('base64') };
  const echo: Record<string, string> = { etag };
  for (const [name, value] of Object.entries(headers))
    if (name.startsWith('x-amz-checksum-')) echo[name] = value;
  return { status: 200, headers: echo, body: '' };
}

/** CompleteMultipartUpload (`POST ?uploadId=U`): the parts listed, in order, become one new version. */
export function completeMultipartUpload(
  req: SimRequest,
  ctx: SimContext,
  state: S3State,
  bucket: S3Bucket,
  key: string,
): SimResponse {
  const upload = findUpload(state, req.query['uploadId'] ?? '', bucket.name, key);
  let listed: { PartNumber?: string; ETag?: string }[];
  try {
    const parsed = xmlParser.parse(req.body.toString('utf8')) as {
      CompleteMultipartUpload?: { Part?: { PartNumber?: string; ETag?: string }[] };
    };
    listed = parsed.CompleteMultipartUpload?.Part ?? [];
  } catch {
    throw malformedXml();
  }
  if (listed.length === 0) throw malformedXml();
  const chunks: Buffer[] = [];
  const md5s: Buffer[] = [];
  let previous = 0;
  listed.forEach((entry, index) => {
    const number = Number(entry.PartNumber);
    if (!Number.isInteger(number) || number <= previous) {
      throw new SimServiceError(
        'InvalidPartOrder',
        'The list of parts was not in ascending order. Parts must be ordered by part number.',
        400,
      );
    }
    previous = number;
    const part = upload.parts[String(number)];
    const etag = (entry.ETag ?? '').replace(/&quot;/g, '"');
    const quoted = etag.startsWith('"') ? etag : `"${etag}"`;
    if (!part || part.etag !== quoted) {
      throw new SimServiceError(
        'InvalidPart',
        "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
        400,
        { fields: { PartNumber: String(number), ETag: quoted } },
      );
    }
    if (index < listed.length - 1 && part.size < MIN_PART_SIZE) {
      throw new SimServiceError(
        'EntityTooSmall',
        'Your proposed upload is smaller than the minimum allowed object size.',
        400,
        {
          fields: {
            PartNumber: String(number),
            ProposedSize: String(part.size),
            MinSizeAllowed: String(MIN_PART_SIZE),
          },
        },
      );
    }
    const body = Buffer.from(part.body, 'base64');
    chunks.push(body);
    md5s.push(createHash('md5').update(body).digest());
  });
  const content = Buffer.concat(chunks);
  const etag = `"${createHash('md5').update(Buffer.concat(md5s)).digest('hex')}-${listed.length}"`;
  const version: S3ObjectVersion = {
    versionId: bucket.versioning === 'Enabled' ? newVersionId(ctx.rng) : 'null',
    deleteMarker: false,
    lastModified: ctx.clock.now().toISOString(),
    size: content.length,
    etag,
    sha256: createHash('sha256').update(content).digest('base64'),
    checksums: {},
    storageClass: upload.storageClass,
    contentType: upload.contentType,
    metadata: upload.metadata,
    ...(upload.tags ? { tags: upload.tags } : {}),
    body: content.toString('base64'),
  };
  writeVersion(state, bucket, key, version, ctx);
  delete uploadsOf(state)[upload.uploadId];
  return xmlOk(
    'CompleteMultipartUploadResult',
    {
      Location: `https://${bucket.name}.s3.${bucket.region}.amazonaws.com/${encodeURI(key)}`,
      Bucket: bucket.name,
      Key: key,
      ETag: etag,
    },
    bucket.versioning ? { 'x-amz-version-id': version.versionId } : {},
  );
}

/** AbortMultipartUpload (`DELETE ?uploadId=U`). */
export function abortMultipartUpload(
  req: SimRequest,
  state: S3State,
  bucket: S3Bucket,
  key: string,
): SimResponse {
  const upload = findUpload(state, req.query['uploadId'] ?? '', bucket.name, key);
  delete uploadsOf(state)[upload.uploadId];
  return { status: 204, headers: {}, body: '' };
}
