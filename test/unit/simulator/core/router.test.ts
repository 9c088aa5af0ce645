import { describe, expect, it } from 'vitest';
import {
  isMutatingRequest,
  parseQuery,
  resolveTarget,
  targetFromHost,
  toSimRequest,
} from '../../../../electron/simulator/core/router';

const auth = (region: string, service: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=abc`;

describe('resolveTarget', () => {
  it('takes service and region from the SigV4 credential scope first', () => {
    expect(resolveTarget({ authorization: auth('us-west-2', 'rds') }, 'localhost', '/', {})).toEqual({
      accessKeyId: 'AKIDEXAMPLE',
      region: 'us-west-2',
      service: 'rds',
    });
  });

  it('reads a presigned URL credential', () => {
    const query = { 'X-Amz-Credential': 'AKID/20260101/eu-west-1/s3/aws4_request' };
    expect(resolveTarget({}, 'localhost', '/b/k', query)).toMatchObject({
      service: 's3',
      region: 'eu-west-1',
    });
  });

  it('falls back to AWS host names', () => {
    expect(targetFromHost('s3.us-west-2.amazonaws.com')).toEqual({ service: 's3', region: 'us-west-2' });
    expect(targetFromHost('bucket.s3.us-east-1.amazonaws.com')).toEqual({
      service: 's3',
      region: 'us-east-1',
    });
    expect(targetFromHost('my.dotted.bucket.s3.eu-west-1.amazonaws.com')).toEqual({
      service: 's3',
      region: 'eu-west-1',
    });
    expect(targetFromHost('bucket.s3.amazonaws.com')).toEqual({ service: 's3', region: 'us-east-1' });
    expect(targetFromHost('s3-us-west-2.amazonaws.com')).toEqual({ service: 's3', region: 'us-west-2' });
    expect(targetFromHost('rds.us-west-2.amazonaws.com')).toEqual({ service: 'rds', region: 'us-west-2' });
    expect(targetFromHost('sts.amazonaws.com')).toEqual({ service: 'sts', region: 'us-east-1' });
    expect(targetFromHost('oidc.us-east-1.amazonaws.com')).toEqual({
      service: 'sso-oauth',
      region: 'us-east-1',
    });
    expect(targetFromHost('portal.sso.eu-central-1.amazonaws.com:443')).toEqual({
      service: 'awsssoportal',
      region: 'eu-central-1',
    });
    expect(targetFromHost('localhost')).toBeUndefined();
  });

  it('routes unsigned SSO calls on a custom endpoint by path', () => {
    for (const p of ['/client/register', '/device_authorization', '/token']) {
      expect(resolveTarget({}, '127.0.0.1', p, {})).toEqual({ service: 'sso-oauth', region: 'us-east-1' });
    }
    for (const p of ['/federation/credentials', '/assignment/roles', '/assignment/accounts']) {
      expect(resolveTarget({}, '127.0.0.1', p, {})).toEqual({ service: 'awsssoportal', region: 'us-east-1' });
    }
  });

  it('returns undefined when nothing identifies the service', () => {
    expect(resolveTarget({}, '127.0.0.1', '/whatever', {})).toBeUndefined();
  });
});

describe('parseQuery and toSimRequest', () => {
  it('decodes query strings, bare keys and plus signs', () => {
    expect(parseQuery('versioning&prefix=a%2Fb&x=a+b')).toEqual({ versioning: '', prefix: 'a/b', x: 'a b' });
  });

  it('lower-cases headers and strips the port from the host', () => {
    const req = toSimRequest(
      {
        method: 'get',
        hostname: 'LOCALHOST:4566',
        path: '/b/k',
        rawQuery: 'a=1',
        headers: { 'X-Amz-Date': '20260101T000000Z', Multi: ['a', 'b'] },
        body: Buffer.alloc(0),
      },
      { service: 's3', region: 'us-east-1' },
    );
    expect(req).toMatchObject({
      method: 'GET',
      hostname: 'localhost',
      headers: { 'x-amz-date': '20260101T000000Z', multi: 'a, b' },
      query: { a: '1' },
    });
  });
});

describe('isMutatingRequest', () => {
  const base = { path: '/', rawQuery: '', query: {}, headers: {}, hostname: 'h', region: 'us-east-1' };
  it('classifies S3 by method', () => {
    expect(isMutatingRequest({ ...base, service: 's3', method: 'GET', body: Buffer.alloc(0) })).toBe(false);
    expect(isMutatingRequest({ ...base, service: 's3', method: 'PUT', body: Buffer.alloc(0) })).toBe(true);
  });
  it('classifies Query and JSON protocols by action', () => {
    const q = (action: string) => Buffer.from(`Action=${action}&Version=1`);
    expect(
      isMutatingRequest({ ...base, service: 'rds', method: 'POST', body: q('DescribeDBInstances') }),
    ).toBe(false);
    expect(isMutatingRequest({ ...base, service: 'rds', method: 'POST', body: q('CopyDBSnapshot') })).toBe(
      true,
    );
    const json = { ...base, service: 'dynamodb', method: 'POST', body: Buffer.from('{}') };
    expect(isMutatingRequest({ ...json, headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables' } })).toBe(
      false,
    );
    expect(isMutatingRequest({ ...json, headers: { 'x-amz-target': 'DynamoDB_20120810.DeleteTable' } })).toBe(
      true,
    );
  });
  it('reads the action of a form body as the Query parser does: encoded key, last value, no value', () => {
    const post = (body: string) => ({ ...base, service: 'ec2', method: 'POST', body: Buffer.from(body) });
    expect(isMutatingRequest(post('Version=1&Act%69on=CopySnapshot'))).toBe(true);
    expect(isMutatingRequest(post('Action=CopySnapshot&Action=DescribeSnapshots'))).toBe(false);
    expect(isMutatingRequest(post('Action=Describe%56olumes&&VolumeId.1=vol-1'))).toBe(false);
    // An action-less POST may change something: treated as mutating.
    expect(isMutatingRequest(post('Action&Version=1'))).toBe(true);
    expect(isMutatingRequest(post('Version=1'))).toBe(true);
  });
});
