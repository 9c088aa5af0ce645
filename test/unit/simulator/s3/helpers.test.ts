import { describe, expect, it } from 'vitest';
import {
  decodeAwsChunked,
  digest,
  syntheticContent,
} from '../../../../electron/simulator/services/s3/content';
import { commonPrefixOf } from '../../../../electron/simulator/services/s3/list-ops';
import {
  parseCopySource,
  uploadChecksums,
} from '../../../../electron/simulator/services/s3/object-write-ops';
import { restoreHeader, isRestoredNow } from '../../../../electron/simulator/services/s3/object-read-ops';
import { parseS3Address } from '../../../../electron/simulator/services/s3/request';
import type { S3ObjectVersion } from '../../../../electron/simulator/services/s3/model';
import type { SimRequest } from '../../../../electron/simulator/core/types';
import { createHash } from 'node:crypto';

function req(hostname: string, path: string): SimRequest {
  return {
    method: 'GET',
    path,
    rawQuery: '',
    query: {},
    headers: {},
    body: Buffer.alloc(0),
    hostname,
    region: 'us-east-1',
    service: 's3',
  };
}

describe('S3 addressing', () => {
  it('reads virtual-hosted and path-style requests', () => {
    expect(parseS3Address(req('my-bucket.s3.us-east-1.amazonaws.com', '/a/b%20c.txt'))).toEqual({
      bucket: 'my-bucket',
      key: 'a/b c.txt',
      virtualHosted: true,
    });
    expect(parseS3Address(req('dotted.name.s3.amazonaws.com', '/'))).toEqual({
      bucket: 'dotted.name',
      virtualHosted: true,
    });
    expect(parseS3Address(req('127.0.0.1', '/bucket/dir/key%2Bplus'))).toEqual({
      bucket: 'bucket',
      key: 'dir/key+plus',
      virtualHosted: false,
    });
    expect(parseS3Address(req('s3.us-west-2.amazonaws.com', '/bucket'))).toEqual({
      bucket: 'bucket',
      virtualHosted: false,
    });
    expect(parseS3Address(req('127.0.0.1', '/'))).toEqual({ virtualHosted: false });
    expect(parseS3Address(req('my-bucket.localhost', '/k'))).toEqual({
      bucket: 'my-bucket',
      key: 'k',
      virtualHosted: true,
    });
  });
});

describe('aws-chunked bodies', () => {
  it('decodes signed chunks and trailers', () => {
    const body = Buffer.from(
      '5;chunk-signature=abc\r\nhello\r\n6;chunk-signature=def\r\n world\r\n0;chunk-signature=ghi\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n',
    );
    expect(decodeAwsChunked(body)).toEqual({
      payload: Buffer.from('hello world'),
      trailers: { 'x-amz-checksum-crc32': 'AAAAAA==' },
    });
  });

  it('rejects truncated bodies', () => {
    expect(() => decodeAwsChunked(Buffer.from('a\r\nshort'))).toThrow(/truncated/);
    expect(() => decodeAwsChunked(Buffer.from('zz\r\n'))).toThrow(/bad aws-chunked chunk size/);
  });
});

describe('copy sources', () => {
  it('parses bucket, key and version, with or without a leading slash and encoding', () => {
    expect(parseCopySource('b/k/x.json?versionId=abc')).toEqual({
      bucket: 'b',
      key: 'k/x.json',
      versionId: 'abc',
    });
    expect(parseCopySource('/b/with%20space')).toEqual({ bucket: 'b', key: 'with space' });
  });

  it('rejects a source without a key', () => {
    expect(() => parseCopySource('justbucket')).toThrow(/source bucket and key/);
    expect(() => parseCopySource('')).toThrow(/source bucket and key/);
  });
});

describe('checksums', () => {
  it('keeps sent checksums and rejects a wrong SHA-256 or Content-MD5', () => {
    const payload = Buffer.from('data');
    const sha = createHash('sha256').update(payload).digest('base64');
    expect(uploadChecksums({ 'x-amz-checksum-sha256': sha }, payload)).toEqual({ sha256: sha });
    expect(() => uploadChecksums({ 'x-amz-checksum-sha256': 'AAAA' }, payload)).toThrow(/did not match/);
    expect(() => uploadChecksums({ 'content-md5': 'AAAA' }, payload)).toThrow(/Content-MD5/);
  });

  it('computes size, ETag and SHA-256; synthetic content is deterministic', () => {
    const a = syntheticContent('seed', 1000);
    expect(a.length).toBe(1000);
    expect(syntheticContent('seed', 1000)).toEqual(a);
    expect(syntheticContent('other', 1000)).not.toEqual(a);
    const d = digest(Buffer.from('abc'));
    expect(d).toEqual({
      size: 3,
      etag: '"900150983cd24fb0d6963f7d28e17f72"',
      sha256: 'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=',
    });
  });
});

describe('listing and restore helpers', () => {
  it('rolls keys up into common prefixes after the prefix', () => {
    expect(commonPrefixOf('logs/2026/a', 'logs/', '/')).toBe('logs/2026/');
    expect(commonPrefixOf('logs/a', 'logs/', '/')).toBeUndefined();
    expect(commonPrefixOf('logs/a', '', undefined)).toBeUndefined();
  });

  it('reports restore state against the clock', () => {
    const version = {
      restore: { readyAt: '2026-01-01T04:00:00.000Z', days: 1, tier: 'Standard' },
    } as S3ObjectVersion;
    expect(restoreHeader(version, new Date('2026-01-01T03:00:00Z'))).toBe('ongoing-request="true"');
    expect(isRestoredNow(version, new Date('2026-01-01T03:00:00Z'))).toBe(false);
    expect(restoreHeader(version, new Date('2026-01-01T05:00:00Z'))).toBe(
      'ongoing-request="false", expiry-date="Fri, 02 Jan 2026 04:00:00 GMT"',
    );
    expect(isRestoredNow(version, new Date('2026-01-01T05:00:00Z'))).toBe(true);
    expect(isRestoredNow(version, new Date('2026-01-03T05:00:00Z'))).toBe(false);
    expect(restoreHeader({} as S3ObjectVersion, new Date())).toBeUndefined();
  });
});
