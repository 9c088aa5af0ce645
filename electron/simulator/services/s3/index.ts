import type { ServiceSimulator, SimContext, SimErrorShape, SimRequest, SimResponse } from '../../core/types';
import { SimServiceError } from '../../core/sim-error';
import {
  getBucketLifecycle,
  getBucketLocation,
  getBucketReplication,
  getBucketTagging,
  getBucketVersioning,
  headBucket,
  listBuckets,
} from './bucket-ops';
import { listObjectsV2, listObjectVersions } from './list-ops';
import type { S3Bucket, S3State } from './model';
import { getObject, getObjectTagging, headObject } from './object-read-ops';
import { copyObject, deleteObject, putObject, restoreObject } from './object-write-ops';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  uploadPart,
} from './multipart';
import { settleReplication } from './replication';
import { hasSubresource, parseS3Address } from './request';
import { noSuchBucket } from './s3-errors';
import { encodeS3Error } from './s3-xml';
import type { S3Section } from './scenario';
import { s3FromScenario, s3ScenarioSchema } from './scenario';

function notImplemented(what: string): SimServiceError {
  return new SimServiceError(
    'NotImplemented',
    `A header or query you provided implies functionality that is not implemented (the simulator does not model ${what}).`,
    501,
  );
}

function wrongRegion(bucket: S3Bucket): SimServiceError {
  return new SimServiceError(
    'PermanentRedirect',
    'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
    301,
    {
      headers: { 'x-amz-bucket-region': bucket.region },
      fields: { Endpoint: `${bucket.name}.s3.${bucket.region}.amazonaws.com`, Bucket: bucket.name },
    },
  );
}

function bucketOperation(req: SimRequest, ctx: SimContext, bucket: S3Bucket): SimResponse {
  if (req.method === 'GET') {
    if (hasSubresource(req, 'location')) return getBucketLocation(bucket);
    if (hasSubresource(req, 'versioning')) return getBucketVersioning(bucket);
    if (hasSubresource(req, 'replication')) return getBucketReplication(bucket);
    if (hasSubresource(req, 'lifecycle')) return getBucketLifecycle(bucket);
    if (hasSubresource(req, 'tagging')) return getBucketTagging(bucket);
    if (hasSubresource(req, 'versions')) return listObjectVersions(req, ctx, bucket);
    if (req.query['list-type'] === '2') return listObjectsV2(req, ctx, bucket);
    const sub = Object.keys(req.query).find((k) => k !== 'x-id');
    if (sub) throw notImplemented(`GET ?${sub}`);
    throw notImplemented('ListObjects (v1); use ListObjectsV2');
  }
  if (req.method === 'HEAD') return headBucket(bucket);
  throw notImplemented(`${req.method} on a bucket`);
}

function objectOperation(
  req: SimRequest,
  ctx: SimContext,
  state: S3State,
  bucket: S3Bucket,
  key: string,
): SimResponse {
  switch (req.method) {
    case 'GET':
      if (hasSubresource(req, 'tagging')) return getObjectTagging(req, bucket, key);
      if (hasSubresource(req, 'acl')) throw notImplemented('object ACLs');
      return getObject(req, ctx, bucket, key);
    case 'HEAD':
      return headObject(req, ctx, bucket, key);
    case 'PUT':
      if (hasSubresource(req, 'partNumber') && hasSubresource(req, 'uploadId')) {
        if (req.headers['x-amz-copy-source']) throw notImplemented('UploadPartCopy');
        return uploadPart(req, state, bucket, key);
      }
      if (hasSubresource(req, 'tagging')) throw notImplemented('PutObjectTagging');
      return req.headers['x-amz-copy-source']
        ? copyObject(req, ctx, state, bucket, key)
        : putObject(req, ctx, state, bucket, key);
    case 'POST':
      if (hasSubresource(req, 'restore')) return restoreObject(req, ctx, bucket, key);
      if (hasSubresource(req, 'uploads')) return createMultipartUpload(req, ctx, state, bucket, key);
      if (hasSubresource(req, 'uploadId')) return completeMultipartUpload(req, ctx, state, bucket, key);
      throw notImplemented('this POST on an object');
    case 'DELETE':
      if (hasSubresource(req, 'uploadId')) return abortMultipartUpload(req, state, bucket, key);
      return deleteObject(req, ctx, bucket, key);
    default:
      throw new SimServiceError(
        'MethodNotAllowed',
        'The specified method is not allowed against this resource.',
        405,
      );
  }
}

/** S3 (REST-XML): buckets, versions, replication with lag, archived restores; virtual-hosted and path-style. */
export const s3Service: ServiceSimulator<S3State, S3Section> = {
  signingName: 's3',
  emptyState: () => ({ buckets: {}, pending: [] }),
  scenarioSchema: s3ScenarioSchema,
  fromScenario: s3FromScenario,
  encodeError: (error: SimErrorShape, ctx: SimContext) =>
    encodeS3Error(error.code === 'InternalFailure' ? { ...error, code: 'InternalError' } : error, ctx),
  handle(req, ctx, state) {
    settleReplication(state, ctx);
    const address = parseS3Address(req);
    try {
      if (!address.bucket) {
        if (req.method === 'GET') return listBuckets(req, ctx, state);
        throw notImplemented(`${req.method} on the service root`);
      }
      const bucket = state.buckets[address.bucket];
      if (!bucket) {
        if (req.method === 'PUT' && !address.key) throw notImplemented('CreateBucket');
        throw noSuchBucket(address.bucket);
      }
      const isLocation = !address.key && req.method === 'GET' && hasSubresource(req, 'location');
      if (bucket.region !== req.region && !isLocation) throw wrongRegion(bucket);
      const expectedOwner = req.headers['x-amz-expected-bucket-owner'];
      if (expectedOwner !== undefined && expectedOwner !== ctx.accountId) {
        throw new SimServiceError('AccessDenied', 'Access Denied', 403);
      }
      const response = address.key
        ? objectOperation(req, ctx, state, bucket, address.key)
        : bucketOperation(req, ctx, bucket);
      response.headers['x-amz-bucket-region'] ??= bucket.region;
      return response;
    } catch (error) {
      if (error instanceof SimServiceError) return encodeS3Error(error.toShape(), ctx, req.method);
      throw error;
    }
  },
};
