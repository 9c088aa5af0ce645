import { createHash } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectCommand,
  RestoreObjectCommand,
  S3Client,
  UploadPartCommand,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../../../electron/simulator';
import type { Simulator } from '../../../electron/simulator';
import { rejectionOf } from '../../support/rejection';

const scenario = path.resolve('test/fixtures/scenarios/s3-basic.yaml');
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

/** The S3 error a call fails with. */
const failure = (promise: Promise<unknown>) =>
  rejectionOf<{ name: string; $metadata: { httpStatusCode?: number } }>(promise);

describe('S3 through the real SDK v3 client', () => {
  let sim: Simulator;
  let east: S3Client;
  let west: S3Client;

  beforeEach(async () => {
    sim = await createSimulator({ scenario });
    east = new S3Client({
      region: 'us-east-1',
      credentials,
      requestHandler: sim.requestHandler,
      maxAttempts: 1,
    });
    west = new S3Client({
      region: 'us-west-2',
      credentials,
      requestHandler: sim.requestHandler,
      maxAttempts: 1,
    });
  });
  afterEach(() => sim.close());

  it('lists buckets with their regions, filtered by region', async () => {
    const all = await west.send(new ListBucketsCommand({}));
    expect(all.Buckets?.map((b) => [b.Name, b.BucketRegion])).toEqual([
      ['archive-west', 'us-west-2'],
      ['orders-east', 'us-east-1'],
      ['orders-west', 'us-west-2'],
      ['scratch-dev', 'us-west-2'],
    ]);
    expect(all.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    const eastOnly = await west.send(new ListBucketsCommand({ BucketRegion: 'us-east-1' }));
    expect(eastOnly.Buckets?.map((b) => b.Name)).toEqual(['orders-east']);
    const paged = await west.send(new ListBucketsCommand({ MaxBuckets: 2 }));
    expect(paged.Buckets).toHaveLength(2);
    const rest = await west.send(
      new ListBucketsCommand({ MaxBuckets: 2, ContinuationToken: paged.ContinuationToken }),
    );
    expect(rest.Buckets?.map((b) => b.Name)).toEqual(['orders-west', 'scratch-dev']);
    expect(rest.ContinuationToken).toBeUndefined();
  });

  it('answers bucket configuration calls and their not-found errors', async () => {
    expect(
      (await east.send(new GetBucketLocationCommand({ Bucket: 'orders-east' }))).LocationConstraint,
    ).toBeUndefined();
    expect(
      (await west.send(new GetBucketLocationCommand({ Bucket: 'orders-west' }))).LocationConstraint,
    ).toBe('us-west-2');
    expect((await east.send(new GetBucketVersioningCommand({ Bucket: 'orders-east' }))).Status).toBe(
      'Enabled',
    );
    expect(
      (await west.send(new GetBucketVersioningCommand({ Bucket: 'scratch-dev' }))).Status,
    ).toBeUndefined();
    const replication = await east.send(new GetBucketReplicationCommand({ Bucket: 'orders-east' }));
    expect(replication.ReplicationConfiguration?.Role).toBe('arn:aws:iam::111122223333:role/s3-replication');
    expect(replication.ReplicationConfiguration?.Rules?.[0]?.Destination?.Bucket).toBe(
      'arn:aws:s3:::orders-west',
    );
    expect(
      await failure(west.send(new GetBucketReplicationCommand({ Bucket: 'orders-west' }))),
    ).toMatchObject({
      name: 'ReplicationConfigurationNotFoundError',
      $metadata: { httpStatusCode: 404 },
    });
    const lifecycle = await east.send(new GetBucketLifecycleConfigurationCommand({ Bucket: 'orders-east' }));
    expect(lifecycle.Rules?.[0]).toMatchObject({
      ID: 'archive-old',
      Status: 'Enabled',
      Transitions: [{ Days: 90, StorageClass: 'GLACIER' }],
      NoncurrentVersionExpiration: { NoncurrentDays: 365 },
    });
    expect(
      await failure(west.send(new GetBucketLifecycleConfigurationCommand({ Bucket: 'orders-west' }))),
    ).toMatchObject({
      name: 'NoSuchLifecycleConfiguration',
      $metadata: { httpStatusCode: 404 },
    });
    const tags = await east.send(new GetBucketTaggingCommand({ Bucket: 'orders-east' }));
    expect(tags.TagSet).toEqual([
      { Key: 'tier', Value: 'production' },
      { Key: 'environment', Value: 'production' },
    ]);
    expect(await failure(west.send(new GetBucketTaggingCommand({ Bucket: 'archive-west' })))).toMatchObject({
      name: 'NoSuchTagSet',
      $metadata: { httpStatusCode: 404 },
    });
    expect(
      await failure(west.send(new GetBucketVersioningCommand({ Bucket: 'no-such-bucket' }))),
    ).toMatchObject({
      name: 'NoSuchBucket',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('answers a bucket in another region with PermanentRedirect and its region', async () => {
    const error = await failure(west.send(new GetBucketVersioningCommand({ Bucket: 'orders-east' })));
    expect(error).toMatchObject({ name: 'PermanentRedirect', $metadata: { httpStatusCode: 301 } });
  });

  it('reports replication status, REPLICA copies and checksums', async () => {
    const source = await east.send(
      new HeadObjectCommand({
        Bucket: 'orders-east',
        Key: 'orders/2026-02-28.json',
        ChecksumMode: 'ENABLED',
      }),
    );
    expect(source.ReplicationStatus).toBe('COMPLETED');
    expect(source.ContentLength).toBe(14);
    expect(source.ContentType).toBe('application/json');
    expect(source.ChecksumSHA256).toBe(createHash('sha256').update('{"orders": 42}').digest('base64'));
    expect(source.ETag).toBe(`"${createHash('md5').update('{"orders": 42}').digest('hex')}"`);
    const replica = await west.send(
      new HeadObjectCommand({ Bucket: 'orders-west', Key: 'orders/2026-02-28.json' }),
    );
    expect(replica.ReplicationStatus).toBe('REPLICA');
    expect(replica.VersionId).toBe(source.VersionId);
    const pending = await east.send(
      new HeadObjectCommand({ Bucket: 'orders-east', Key: 'orders/2026-03-01.json' }),
    );
    expect(pending.ReplicationStatus).toBe('PENDING');
  });

  it('pages ListObjectsV2 with the SDK paginator, with prefixes and delimiters', async () => {
    for (let i = 0; i < 25; i += 1) {
      await west.send(
        new PutObjectCommand({
          Bucket: 'scratch-dev',
          Key: `logs/day-${String(i).padStart(2, '0')}.log`,
          Body: `line ${i}`,
        }),
      );
    }
    const keys: string[] = [];
    let pages = 0;
    for await (const page of paginateListObjectsV2(
      { client: west, pageSize: 10 },
      { Bucket: 'scratch-dev', Prefix: 'logs/' },
    )) {
      pages += 1;
      keys.push(...(page.Contents ?? []).map((c) => c.Key ?? ''));
    }
    expect(pages).toBe(3);
    expect(keys).toHaveLength(25);
    expect(keys[0]).toBe('logs/day-00.log');
    const grouped = await west.send(new ListObjectsV2Command({ Bucket: 'scratch-dev', Delimiter: '/' }));
    expect(grouped.CommonPrefixes).toEqual([{ Prefix: 'logs/' }]);
    expect(grouped.Contents?.map((c) => c.Key)).toEqual(['a.txt']);
    expect(grouped.KeyCount).toBe(2);
    const one = await west.send(
      new ListObjectsV2Command({ Bucket: 'scratch-dev', MaxKeys: 1, Delimiter: '/' }),
    );
    expect(one.IsTruncated).toBe(true);
    const next = await west.send(
      new ListObjectsV2Command({
        Bucket: 'scratch-dev',
        MaxKeys: 5,
        Delimiter: '/',
        ContinuationToken: one.NextContinuationToken,
      }),
    );
    expect(next.CommonPrefixes).toEqual([{ Prefix: 'logs/' }]);
    expect(next.IsTruncated).toBe(false);
  });

  it('versions puts, lists versions with markers, and deletes with delete markers', async () => {
    const key = 'orders/new.json';
    const v1 = await west.send(new PutObjectCommand({ Bucket: 'orders-west', Key: key, Body: 'one' }));
    const v2 = await west.send(new PutObjectCommand({ Bucket: 'orders-west', Key: key, Body: 'two' }));
    expect(v1.VersionId).toMatch(/^[A-Za-z0-9._]{32}$/);
    expect(v2.VersionId).not.toBe(v1.VersionId);
    const del = await west.send(new DeleteObjectCommand({ Bucket: 'orders-west', Key: key }));
    expect(del.DeleteMarker).toBe(true);
    const head = await failure(west.send(new HeadObjectCommand({ Bucket: 'orders-west', Key: key })));
    expect(head).toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
    const get = await failure(west.send(new GetObjectCommand({ Bucket: 'orders-west', Key: key })));
    expect(get).toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
    const old = await west.send(
      new GetObjectCommand({ Bucket: 'orders-west', Key: key, VersionId: v1.VersionId }),
    );
    expect(await old.Body?.transformToString()).toBe('one');

    const listed = await west.send(new ListObjectVersionsCommand({ Bucket: 'orders-west', Prefix: key }));
    expect(listed.DeleteMarkers).toHaveLength(1);
    expect(listed.DeleteMarkers?.[0]).toMatchObject({ Key: key, IsLatest: true, VersionId: del.VersionId });
    expect(listed.Versions?.map((v) => v.VersionId)).toEqual([v2.VersionId, v1.VersionId]);

    const first = await west.send(
      new ListObjectVersionsCommand({ Bucket: 'orders-west', Prefix: key, MaxKeys: 2 }),
    );
    expect(first.IsTruncated).toBe(true);
    expect(first.NextKeyMarker).toBe(key);
    const second = await west.send(
      new ListObjectVersionsCommand({
        Bucket: 'orders-west',
        Prefix: key,
        KeyMarker: first.NextKeyMarker,
        VersionIdMarker: first.NextVersionIdMarker,
      }),
    );
    expect(second.Versions?.map((v) => v.VersionId)).toEqual([v1.VersionId]);
    expect(second.IsTruncated).toBe(false);

    await west.send(new DeleteObjectCommand({ Bucket: 'orders-west', Key: key, VersionId: del.VersionId }));
    const back = await west.send(new GetObjectCommand({ Bucket: 'orders-west', Key: key }));
    expect(await back.Body?.transformToString()).toBe('two');
  });

  it('replicates a new put after the lag: PENDING, then COMPLETED with a REPLICA copy', async () => {
    const put = await east.send(
      new PutObjectCommand({
        Bucket: 'orders-east',
        Key: 'orders/live.json',
        Body: 'live',
        ChecksumAlgorithm: 'SHA256',
      }),
    );
    const before = await east.send(new HeadObjectCommand({ Bucket: 'orders-east', Key: 'orders/live.json' }));
    expect(before.ReplicationStatus).toBe('PENDING');
    sim.clock.advance(60_000);
    const after = await east.send(new HeadObjectCommand({ Bucket: 'orders-east', Key: 'orders/live.json' }));
    expect(after.ReplicationStatus).toBe('COMPLETED');
    const replica = await west.send(
      new GetObjectCommand({ Bucket: 'orders-west', Key: 'orders/live.json', ChecksumMode: 'ENABLED' }),
    );
    expect(replica.ReplicationStatus).toBe('REPLICA');
    expect(replica.VersionId).toBe(put.VersionId);
    expect(replica.ChecksumSHA256).toBe(createHash('sha256').update('live').digest('base64'));
    expect(await replica.Body?.transformToString()).toBe('live');
  });

  it('keeps replication PENDING during a source-region outage and finishes after it', async () => {
    sim.faults.regionDown('us-east-1', 'refused');
    sim.clock.advance(3_600_000);
    const during = await west.send(
      new ListObjectsV2Command({ Bucket: 'orders-west', Prefix: 'orders/2026-03-01' }),
    );
    expect(during.KeyCount).toBe(0);
    sim.faults.regionUp('us-east-1');
    const status = await east.send(
      new HeadObjectCommand({ Bucket: 'orders-east', Key: 'orders/2026-03-01.json' }),
    );
    expect(status.ReplicationStatus).toBe('COMPLETED');
  });

  it('rolls back with CopyObject from a version id', async () => {
    const versions = await east.send(
      new ListObjectVersionsCommand({ Bucket: 'orders-east', Prefix: 'orders/2026-02-28.json' }),
    );
    const older = versions.Versions?.find((v) => !v.IsLatest);
    expect(older?.VersionId).toBeDefined();
    const copy = await east.send(
      new CopyObjectCommand({
        Bucket: 'orders-east',
        Key: 'orders/2026-02-28.json',
        CopySource: `orders-east/orders/2026-02-28.json?versionId=${older?.VersionId}`,
      }),
    );
    expect(copy.CopySourceVersionId).toBe(older?.VersionId);
    expect(copy.VersionId).not.toBe(older?.VersionId);
    expect(copy.CopyObjectResult?.ETag).toBe(older?.ETag);
    const current = await east.send(
      new GetObjectCommand({ Bucket: 'orders-east', Key: 'orders/2026-02-28.json' }),
    );
    expect(await current.Body?.transformToString()).toBe('{"orders": 41}');
    expect(current.VersionId).toBe(copy.VersionId);
    const after = await east.send(
      new ListObjectVersionsCommand({ Bucket: 'orders-east', Prefix: 'orders/2026-02-28.json' }),
    );
    expect(after.Versions).toHaveLength(3);
  });

  it('restores archived objects only', async () => {
    const standard = await failure(
      east.send(
        new RestoreObjectCommand({
          Bucket: 'orders-east',
          Key: 'reports/q1.csv',
          RestoreRequest: { Days: 1 },
        }),
      ),
    );
    expect(standard).toMatchObject({ name: 'InvalidObjectState', $metadata: { httpStatusCode: 403 } });
    const locked = await failure(
      west.send(new GetObjectCommand({ Bucket: 'archive-west', Key: 'ledger/2020.tar' })),
    );
    expect(locked).toMatchObject({ name: 'InvalidObjectState', $metadata: { httpStatusCode: 403 } });
    const started = await west.send(
      new RestoreObjectCommand({
        Bucket: 'archive-west',
        Key: 'ledger/2020.tar',
        RestoreRequest: { Days: 2, GlacierJobParameters: { Tier: 'Standard' } },
      }),
    );
    expect(started.$metadata.httpStatusCode).toBe(202);
    const again = await failure(
      west.send(
        new RestoreObjectCommand({
          Bucket: 'archive-west',
          Key: 'ledger/2020.tar',
          RestoreRequest: { Days: 2 },
        }),
      ),
    );
    expect(again).toMatchObject({ name: 'RestoreAlreadyInProgress', $metadata: { httpStatusCode: 409 } });
    const ongoing = await west.send(
      new HeadObjectCommand({ Bucket: 'archive-west', Key: 'ledger/2020.tar' }),
    );
    expect(ongoing.Restore).toBe('ongoing-request="true"');
    expect(ongoing.StorageClass).toBe('GLACIER');
    sim.clock.advance(5 * 3_600_000);
    const done = await west.send(new HeadObjectCommand({ Bucket: 'archive-west', Key: 'ledger/2020.tar' }));
    expect(done.Restore).toMatch(/^ongoing-request="false", expiry-date=".+GMT"$/);
    const body = await west.send(new GetObjectCommand({ Bucket: 'archive-west', Key: 'ledger/2020.tar' }));
    expect((await body.Body?.transformToByteArray())?.length).toBe(4096);
  });

  it('gets ranges and synthetic content whose checksum matches', async () => {
    const full = await east.send(
      new GetObjectCommand({ Bucket: 'orders-east', Key: 'reports/q1.csv', ChecksumMode: 'ENABLED' }),
    );
    const bytes = Buffer.from((await full.Body?.transformToByteArray()) ?? []);
    expect(bytes.length).toBe(2048);
    expect(full.ChecksumSHA256).toBe(createHash('sha256').update(bytes).digest('base64'));
    const part = await east.send(
      new GetObjectCommand({ Bucket: 'orders-east', Key: 'reports/q1.csv', Range: 'bytes=10-19' }),
    );
    expect(part.$metadata.httpStatusCode).toBe(206);
    expect(part.ContentRange).toBe('bytes 10-19/2048');
    expect(Buffer.from((await part.Body?.transformToByteArray()) ?? [])).toEqual(bytes.subarray(10, 20));
  });

  it('rejects an invalid storage class and a wrong checksum', async () => {
    expect(
      await failure(
        west.send(
          new PutObjectCommand({ Bucket: 'scratch-dev', Key: 'x', Body: 'x', StorageClass: 'NOPE' as never }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidStorageClass', $metadata: { httpStatusCode: 400 } });
    expect(
      await failure(
        west.send(
          new PutObjectCommand({
            Bucket: 'scratch-dev',
            Key: 'x',
            Body: 'x',
            ChecksumSHA256: createHash('sha256').update('y').digest('base64'),
          }),
        ),
      ),
    ).toMatchObject({ name: 'BadDigest', $metadata: { httpStatusCode: 400 } });
  });

  it('tags objects on PutObject and CopyObject (COPY and REPLACE directives)', async () => {
    await west.send(
      new PutObjectCommand({
        Bucket: 'orders-west',
        Key: 'drill/probe.txt',
        Body: 'probe',
        Tagging: 'dr-war-room%3Aincident=INC-1&purpose=drill',
      }),
    );
    const head = await west.send(new HeadObjectCommand({ Bucket: 'orders-west', Key: 'drill/probe.txt' }));
    expect(head.TagCount).toBe(2);
    const tags = await west.send(
      new GetObjectTaggingCommand({ Bucket: 'orders-west', Key: 'drill/probe.txt' }),
    );
    expect(tags.TagSet).toEqual([
      { Key: 'dr-war-room:incident', Value: 'INC-1' },
      { Key: 'purpose', Value: 'drill' },
    ]);
    await west.send(
      new CopyObjectCommand({
        Bucket: 'orders-west',
        Key: 'drill/copy.txt',
        CopySource: 'orders-west/drill/probe.txt',
      }),
    );
    expect(
      (await west.send(new GetObjectTaggingCommand({ Bucket: 'orders-west', Key: 'drill/copy.txt' }))).TagSet,
    ).toHaveLength(2);
    await west.send(
      new CopyObjectCommand({
        Bucket: 'orders-west',
        Key: 'drill/replaced.txt',
        CopySource: 'orders-west/drill/probe.txt',
        TaggingDirective: 'REPLACE',
        Tagging: 'dr-war-room%3Asource=orders-west',
      }),
    );
    const replaced = await west.send(
      new GetObjectTaggingCommand({ Bucket: 'orders-west', Key: 'drill/replaced.txt' }),
    );
    expect(replaced.TagSet).toEqual([{ Key: 'dr-war-room:source', Value: 'orders-west' }]);
  });

  it('assembles multipart uploads and refuses bad part lists', async () => {
    const Bucket = 'orders-west';
    const Key = 'big/object.bin';
    const first = Buffer.alloc(5 * 1024 * 1024, 1);
    const second = Buffer.from('tail');
    const { UploadId } = await west.send(
      new CreateMultipartUploadCommand({ Bucket, Key, ContentType: 'application/x-test' }),
    );
    expect(UploadId).toBeDefined();
    const p1 = await west.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: first }));
    const p2 = await west.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 2, Body: second }));
    expect(
      await failure(
        west.send(
          new CompleteMultipartUploadCommand({
            Bucket,
            Key,
            UploadId,
            MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"0000"' }] },
          }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidPart', $metadata: { httpStatusCode: 400 } });
    const done = await west.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key,
        UploadId,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: p1.ETag },
            { PartNumber: 2, ETag: p2.ETag },
          ],
        },
      }),
    );
    expect(done.ETag).toMatch(/^"[0-9a-f]{32}-2"$/);
    expect(done.VersionId).toBeDefined();
    const got = await west.send(new GetObjectCommand({ Bucket, Key }));
    expect(got.ContentType).toBe('application/x-test');
    expect(Buffer.from((await got.Body?.transformToByteArray()) ?? [])).toEqual(
      Buffer.concat([first, second]),
    );

    const small = await west.send(new CreateMultipartUploadCommand({ Bucket, Key: 'big/small.bin' }));
    const s1 = await west.send(
      new UploadPartCommand({
        Bucket,
        Key: 'big/small.bin',
        UploadId: small.UploadId,
        PartNumber: 1,
        Body: 'a',
      }),
    );
    const s2 = await west.send(
      new UploadPartCommand({
        Bucket,
        Key: 'big/small.bin',
        UploadId: small.UploadId,
        PartNumber: 2,
        Body: 'b',
      }),
    );
    expect(
      await failure(
        west.send(
          new CompleteMultipartUploadCommand({
            Bucket,
            Key: 'big/small.bin',
            UploadId: small.UploadId,
            MultipartUpload: {
              Parts: [
                { PartNumber: 1, ETag: s1.ETag },
                { PartNumber: 2, ETag: s2.ETag },
              ],
            },
          }),
        ),
      ),
    ).toMatchObject({ name: 'EntityTooSmall', $metadata: { httpStatusCode: 400 } });
    await west.send(
      new AbortMultipartUploadCommand({ Bucket, Key: 'big/small.bin', UploadId: small.UploadId }),
    );
    expect(
      await failure(
        west.send(
          new UploadPartCommand({
            Bucket,
            Key: 'big/small.bin',
            UploadId: small.UploadId,
            PartNumber: 3,
            Body: 'c',
          }),
        ),
      ),
    ).toMatchObject({ name: 'NoSuchUpload', $metadata: { httpStatusCode: 404 } });
  });

  it('honours conditional requests and the expected bucket owner', async () => {
    const first = await west.send(
      new PutObjectCommand({ Bucket: 'scratch-dev', Key: 'once.txt', Body: 'v1', IfNoneMatch: '*' }),
    );
    expect(
      await failure(
        west.send(
          new PutObjectCommand({ Bucket: 'scratch-dev', Key: 'once.txt', Body: 'v2', IfNoneMatch: '*' }),
        ),
      ),
    ).toMatchObject({ name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
    expect(
      await failure(
        west.send(new GetObjectCommand({ Bucket: 'scratch-dev', Key: 'once.txt', IfMatch: '"nope"' })),
      ),
    ).toMatchObject({ name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
    const notModified = await failure(
      west.send(new GetObjectCommand({ Bucket: 'scratch-dev', Key: 'once.txt', IfNoneMatch: first.ETag })),
    );
    expect(notModified).toMatchObject({ $metadata: { httpStatusCode: 304 } });
    const matched = await west.send(
      new GetObjectCommand({ Bucket: 'scratch-dev', Key: 'once.txt', IfMatch: first.ETag }),
    );
    expect(await matched.Body?.transformToString()).toBe('v1');
    expect(
      await failure(
        west.send(new ListObjectsV2Command({ Bucket: 'scratch-dev', ExpectedBucketOwner: '999999999999' })),
      ),
    ).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    await expect(
      west.send(new ListObjectsV2Command({ Bucket: 'scratch-dev', ExpectedBucketOwner: '111122223333' })),
    ).resolves.toBeDefined();
  });

  it('accepts streamed uploads (aws-chunked with a trailing checksum)', async () => {
    const body = Readable.from([Buffer.from('hello '), Buffer.from('stream')]);
    const put = await west.send(
      new PutObjectCommand({ Bucket: 'scratch-dev', Key: 'streamed.txt', Body: body, ContentLength: 12 }),
    );
    expect(put.ETag).toBe(`"${createHash('md5').update('hello stream').digest('hex')}"`);
    const got = await west.send(
      new GetObjectCommand({ Bucket: 'scratch-dev', Key: 'streamed.txt', ChecksumMode: 'ENABLED' }),
    );
    expect(await got.Body?.transformToString()).toBe('hello stream');
    expect(got.ChecksumCRC32 ?? got.ChecksumCRC64NVME ?? got.ChecksumSHA256).toBeDefined();
  });

  it('answers malformed and unsupported requests with S3 errors', async () => {
    const bad = await sim.handle({
      method: 'POST',
      hostname: 'archive-west.s3.us-west-2.amazonaws.com',
      path: '/ledger/2020.tar',
      rawQuery: 'restore',
      headers: {},
      body: Buffer.from('<RestoreRequest><Days>1</Days'),
    });
    expect(bad.status).toBe(400);
    expect(String(bad.body)).toContain('<Code>MalformedXML</Code>');
    const unsupported = await sim.handle({
      method: 'GET',
      hostname: 'scratch-dev.s3.us-west-2.amazonaws.com',
      path: '/',
      rawQuery: 'website',
      headers: {},
      body: Buffer.alloc(0),
    });
    expect(unsupported.status).toBe(501);
    expect(String(unsupported.body)).toContain('<Code>NotImplemented</Code>');
    expect(unsupported.headers['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
    expect(unsupported.headers['x-amz-id-2']).toBeDefined();
    const badMax = await failure(west.send(new ListObjectsV2Command({ Bucket: 'scratch-dev', MaxKeys: -1 })));
    expect(badMax).toMatchObject({ name: 'InvalidArgument', $metadata: { httpStatusCode: 400 } });
  });

  it('works with virtual-hosted addressing and with an unversioned bucket', async () => {
    const put = await west.send(
      new PutObjectCommand({ Bucket: 'scratch-dev', Key: 'dir/file with space+plus.txt', Body: 'ok' }),
    );
    expect(put.VersionId).toBeUndefined();
    const got = await west.send(
      new GetObjectCommand({ Bucket: 'scratch-dev', Key: 'dir/file with space+plus.txt' }),
    );
    expect(await got.Body?.transformToString()).toBe('ok');
    const pathStyle = new S3Client({
      region: 'us-west-2',
      credentials,
      requestHandler: sim.requestHandler,
      forcePathStyle: true,
    });
    const listed = await pathStyle.send(new ListObjectsV2Command({ Bucket: 'scratch-dev', Prefix: 'dir/' }));
    expect(listed.Contents?.map((c) => c.Key)).toEqual(['dir/file with space+plus.txt']);
    await west.send(new DeleteObjectCommand({ Bucket: 'scratch-dev', Key: 'dir/file with space+plus.txt' }));
    const gone = await west.send(new ListObjectsV2Command({ Bucket: 'scratch-dev', Prefix: 'dir/' }));
    expect(gone.KeyCount).toBe(0);
  });
});
