import { randomBytes } from 'node:crypto';
import {
  CopyObjectCommand,
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { DRILL_OBJECT_PREFIX, s3TaggingHeader } from '../aws/tags';
import { check } from '../validate/compare';
import { digestBytes } from '../validate/compare';
import type { DrillContext } from './drill-context';
import { minutesSince } from './drill-context';
import type { ServiceTestOutcome } from './service-result';

/** The key of a drill's S3 test object (under the drill prefix the IAM policy limits deletes to). */
export function drillObjectKey(id: string): string {
  return `${DRILL_OBJECT_PREFIX}${id}/test-object.txt`;
}

/** The region of a bucket from GetBucketLocation's answer (empty means us-east-1, `EU` means eu-west-1). */
export function bucketRegion(constraint: string | undefined): string {
  if (!constraint) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}

/**
 * The S3 drill: write a test object with a known SHA-256 under the drill prefix, overwrite it
 * (the "corruption"), roll it back to the earlier version with CopyObject, and verify the
 * checksum of what is current again. Every version written is tagged with the drill id.
 */
export async function s3Drill(ctx: DrillContext, bucket: string, outcome: ServiceTestOutcome): Promise<void> {
  const say = (phase: string, message: string) => ctx.progress('s3', phase, message);
  say('checking the bucket', `Finding ${bucket} and its versioning.`);
  const location = await ctx.clients
    .s3(ctx.regions.primary)
    .send(new GetBucketLocationCommand({ Bucket: bucket }));
  const region = bucketRegion(location.LocationConstraint);
  outcome.region = region;
  const s3 = ctx.clients.s3(region);
  const versioning = await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }));
  if (versioning.Status !== 'Enabled') {
    outcome.checks.push(
      check(
        'versioning',
        'Versioning is on (earlier versions can be restored)',
        'fail',
        `s3://${bucket} versioning is ${versioning.Status ?? 'never enabled'}: an overwritten or deleted object cannot be rolled back.`,
        {
          fix: `Turn versioning on: aws s3api put-bucket-versioning --bucket ${bucket} --versioning-configuration Status=Enabled`,
          requestIds: [versioning.$metadata.requestId],
        },
      ),
    );
    return;
  }
  outcome.checks.push(
    check(
      'versioning',
      'Versioning is on (earlier versions can be restored)',
      'pass',
      `s3://${bucket} versioning is Enabled.`,
      { requestIds: [versioning.$metadata.requestId] },
    ),
  );

  const key = drillObjectKey(ctx.id);
  const tagging = s3TaggingHeader({ incident: ctx.id, source: `s3://${bucket}`, createdBy: ctx.createdBy });
  const known = new TextEncoder().encode(
    `DR War Room drill ${ctx.id}: known content ${randomBytes(16).toString('hex')}\n`,
  );
  const knownSha = digestBytes(known).sha256;
  say('writing the test object', `Writing s3://${bucket}/${key} (SHA-256 ${knownSha}).`);
  const put = await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: known,
      ChecksumSHA256: knownSha,
      Tagging: tagging,
      ContentType: 'text/plain',
    }),
  );
  const writtenAt = ctx.now();
  if (!put.VersionId)
    throw new Error(`S3 gave no version id for s3://${bucket}/${key}: versioning is not in effect.`);
  ctx.created({ kind: 's3-object-version', region, id: put.VersionId, bucket, key, drillId: ctx.id });
  outcome.recoveryPoint = { kind: 'object-version', id: put.VersionId, time: writtenAt.toISOString() };

  say('overwriting', 'Overwriting the test object (the simulated corruption).');
  const corrupt = new TextEncoder().encode(`corrupted by drill ${ctx.id}\n`);
  const over = await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: corrupt,
      Tagging: tagging,
      ContentType: 'text/plain',
    }),
  );
  if (over.VersionId)
    ctx.created({ kind: 's3-object-version', region, id: over.VersionId, bucket, key, drillId: ctx.id });

  say('rolling back', `Copying version ${put.VersionId} over the current version.`);
  const started = ctx.now();
  outcome.rpoMinutes = minutesSince(writtenAt, started);
  const copy = await s3.send(
    new CopyObjectCommand({
      Bucket: bucket,
      Key: key,
      CopySource: `${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}?versionId=${encodeURIComponent(put.VersionId)}`,
      // REPLACE with the drill's tags: the IAM policy lets the app write only objects that carry its tag.
      TaggingDirective: 'REPLACE',
      Tagging: tagging,
      ChecksumAlgorithm: 'SHA256',
    }),
  );
  if (copy.VersionId)
    ctx.created({ kind: 's3-object-version', region, id: copy.VersionId, bucket, key, drillId: ctx.id });
  outcome.checks.push(
    check(
      'rollback',
      'Rolled back to the earlier version (CopyObject)',
      copy.VersionId ? 'pass' : 'fail',
      copy.VersionId
        ? `version ${put.VersionId} copied to new current version ${copy.VersionId}.`
        : 'CopyObject answered without a new version id.',
      { requestIds: [copy.$metadata.requestId] },
    ),
  );

  say('verifying', 'Reading the current version back and checking its SHA-256.');
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const bytes = (await got.Body?.transformToByteArray()) ?? new Uint8Array();
  const actual = digestBytes(bytes).sha256;
  outcome.rtoMinutes = minutesSince(started, ctx.now());
  outcome.checks.push(
    check(
      'checksum',
      'The restored object has the known checksum',
      actual === knownSha ? 'pass' : 'fail',
      actual === knownSha
        ? `SHA-256 ${actual} of current version ${got.VersionId ?? '?'} equals the one written.`
        : `SHA-256 ${actual} of current version ${got.VersionId ?? '?'} differs from the one written (${knownSha}).`,
      {
        fix: 'The rollback did not restore the written bytes: check the bucket for lifecycle rules or replication writing over the key.',
        requestIds: [got.$metadata.requestId],
      },
    ),
  );
}
