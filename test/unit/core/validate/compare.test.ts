import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareTally,
  diffItem,
  expectSetting,
  isSinglePartEtag,
  keyText,
  rollUp,
  sameFingerprint,
  verifyObjectBytes,
} from '../../../../electron/core/validate/compare';
import type { ValidationCheck } from '../../../../electron/core/validate/types';

const bytes = Buffer.from('{"status":"ok","orders":18342}');
const sha = createHash('sha256').update(bytes).digest('base64');
const md5 = createHash('md5').update(bytes).digest('hex');

describe('verifyObjectBytes', () => {
  it('proves the bytes by SHA-256 when the object carries one', () => {
    expect(verifyObjectBytes(bytes, { checksumSha256: sha, etag: `"${md5}"` })).toEqual({
      result: 'match',
      by: 'sha256',
    });
  });

  it('fails changed bytes against the stored SHA-256, with both values as evidence', () => {
    const v = verifyObjectBytes(Buffer.from('{"status":"CORRUPT"}'), { checksumSha256: sha });
    expect(v).toMatchObject({ result: 'mismatch', by: 'sha256', expected: sha });
  });

  it('uses the ETag only when it is a single-part MD5', () => {
    expect(verifyObjectBytes(bytes, { etag: `"${md5}"` })).toEqual({ result: 'match', by: 'etag' });
    expect(verifyObjectBytes(Buffer.from('other'), { etag: `"${md5}"` })).toMatchObject({
      result: 'mismatch',
      by: 'etag',
    });
    expect(verifyObjectBytes(bytes, { etag: `"${md5}-3"` })).toMatchObject({ result: 'unverifiable' });
    expect(verifyObjectBytes(bytes, {})).toMatchObject({ result: 'unverifiable' });
  });

  it('accepts a composite checksum suffix (-N) on the stored SHA-256', () => {
    expect(verifyObjectBytes(bytes, { checksumSha256: `${sha}-1` })).toMatchObject({ result: 'match' });
  });

  it('property: any single flipped byte is caught by either fingerprint', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 256 }), fc.nat(), (data, at) => {
        const original = Buffer.from(data);
        const stored = {
          checksumSha256: createHash('sha256').update(original).digest('base64'),
          etag: `"${createHash('md5').update(original).digest('hex')}"`,
        };
        const changed = Buffer.from(original);
        const i = at % changed.length;
        changed[i] = changed[i]! ^ 0xff;
        expect(verifyObjectBytes(original, stored).result).toBe('match');
        expect(verifyObjectBytes(changed, stored).result).toBe('mismatch');
        expect(verifyObjectBytes(changed, { etag: stored.etag }).result).toBe('mismatch');
      }),
    );
  });
});

describe('isSinglePartEtag and sameFingerprint', () => {
  it('tells an MD5 ETag from a multipart one', () => {
    expect(isSinglePartEtag(`"${md5}"`)).toBe(true);
    expect(isSinglePartEtag(`"${md5}-12"`)).toBe(false);
    expect(isSinglePartEtag(undefined)).toBe(false);
  });

  it('compares source and replica by size, then SHA-256, then single-part ETag; null when it cannot', () => {
    expect(sameFingerprint({ size: 1, checksumSha256: 'a' }, { size: 2, checksumSha256: 'a' })).toBe(false);
    expect(sameFingerprint({ checksumSha256: 'a' }, { checksumSha256: 'a' })).toBe(true);
    expect(sameFingerprint({ checksumSha256: 'a' }, { checksumSha256: 'b' })).toBe(false);
    expect(sameFingerprint({ etag: `"${md5}"` }, { etag: md5 })).toBe(true);
    expect(sameFingerprint({ etag: 'x-2' }, { etag: 'x-2' })).toBeNull();
  });
});

describe('compareTally', () => {
  it('passes equal counts and bytes', () => {
    expect(compareTally({ count: 3, bytes: 10 }, { count: 3, bytes: 10, from: 'source b' }).status).toBe(
      'pass',
    );
  });

  it('fails missing objects, naming them (ten at most)', () => {
    const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);
    const r = compareTally({ count: 1, bytes: 10 }, { count: 13, bytes: 99, from: 'source b' }, keys);
    expect(r.status).toBe('fail');
    expect(r.evidence).toContain('k9');
    expect(r.evidence).not.toContain('k10,');
    expect(r.evidence).toContain('and 2 more');
  });

  it('fails same count with different bytes; warns for more objects or no baseline', () => {
    expect(compareTally({ count: 3, bytes: 11 }, { count: 3, bytes: 10, from: 's' }).status).toBe('fail');
    expect(compareTally({ count: 4, bytes: 11 }, { count: 3, bytes: 10, from: 's' }).status).toBe('warn');
    const none = compareTally({ count: 4, bytes: 11 }, null);
    expect(none.status).toBe('warn');
    expect(none.evidence).toMatch(/no source count/);
  });
});

describe('expectSetting', () => {
  it('passes a match and fails a difference with the planned value and the fix', () => {
    expect(
      expectSetting({
        id: 'class',
        title: 'Class',
        expected: 'db.r6g.large',
        actual: 'db.r6g.large',
        fix: 'f',
      }).status,
    ).toBe('pass');
    const c = expectSetting({
      id: 'class',
      title: 'Class',
      expected: 'db.r6g.large',
      actual: 'db.t3.micro',
      fix: 'modify it',
    });
    expect(c).toMatchObject({ status: 'fail', fix: 'modify it' });
    expect(c.evidence).toBe('target has db.t3.micro; planned db.r6g.large.');
  });

  it('skips what was not planned, saying what the target has', () => {
    const c = expectSetting({ id: 'az', title: 'AZ', expected: undefined, actual: 'us-west-2a', fix: '' });
    expect(c.status).toBe('skipped');
    expect(c.evidence).toMatch(/us-west-2a/);
  });

  it('compares lists as sets, inclusion and minimums', () => {
    expect(
      expectSetting({ id: 's', title: 's', expected: ['b', 'a'], actual: ['a', 'b'], fix: '' }).status,
    ).toBe('pass');
    expect(expectSetting({ id: 's', title: 's', expected: ['a'], actual: ['a', 'b'], fix: '' }).status).toBe(
      'fail',
    );
    expect(
      expectSetting({ id: 's', title: 's', expected: ['a'], actual: ['a', 'b'], mode: 'includes', fix: '' })
        .status,
    ).toBe('pass');
    expect(
      expectSetting({ id: 's', title: 's', expected: ['c'], actual: ['a', 'b'], mode: 'includes', fix: '' })
        .status,
    ).toBe('fail');
    expect(
      expectSetting({ id: 'g', title: 'g', expected: 100, actual: 200, mode: 'atLeast', fix: '' }).status,
    ).toBe('pass');
    expect(
      expectSetting({ id: 'g', title: 'g', expected: 100, actual: 50, mode: 'atLeast', fix: '' }).status,
    ).toBe('fail');
    expect(
      expectSetting({ id: 'g', title: 'g', expected: 100, actual: undefined, mode: 'atLeast', fix: '' })
        .status,
    ).toBe('fail');
  });
});

describe('diffItem and keyText', () => {
  it('names the attributes that differ or are missing on either side', () => {
    const a = { pk: { S: 'c-1' }, total: { N: '10' }, tags: { SS: ['x', 'y'] } };
    expect(diffItem(a, { pk: { S: 'c-1' }, total: { N: '10' }, tags: { SS: ['y', 'x'] } })).toEqual([]);
    expect(diffItem(a, { pk: { S: 'c-1' }, total: { N: '11' }, extra: { BOOL: true } })).toEqual([
      'extra',
      'tags',
      'total',
    ]);
  });

  it('compares nested maps and binary values by content', () => {
    const m = { pk: { S: 'k' }, doc: { M: { a: { L: [{ N: '1' }, { B: new Uint8Array([1, 2]) }] } } } };
    expect(diffItem(m, structuredClone(m))).toEqual([]);
    const other = { pk: { S: 'k' }, doc: { M: { a: { L: [{ N: '1' }, { B: new Uint8Array([1, 3]) }] } } } };
    expect(diffItem(m, other)).toEqual(['doc']);
  });

  it('shows a key for evidence', () => {
    expect(keyText({ customerId: { S: 'C-1' }, cartId: { N: '7' } }, ['customerId', 'cartId'])).toBe(
      'customerId=S:C-1, cartId=N:7',
    );
  });
});

describe('rollUp', () => {
  const c = (status: ValidationCheck['status']): ValidationCheck => ({
    id: status,
    title: status,
    status,
    evidence: '',
  });
  it('fails on any fail, warns on any warn, and never fails or warns for a skip', () => {
    expect(rollUp([c('pass'), c('warn'), c('fail')])).toBe('fail');
    expect(rollUp([c('pass'), c('warn'), c('skipped')])).toBe('warn');
    expect(rollUp([c('pass'), c('skipped')])).toBe('pass');
    expect(rollUp([])).toBe('pass');
  });
});
