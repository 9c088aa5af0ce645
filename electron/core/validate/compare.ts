/**
 * The pure comparisons behind the checks: checksums, counts, planned settings, item
 * attributes, and the roll-up of check statuses. No I/O: unit-tested directly.
 */
import { createHash } from 'node:crypto';
import type { CheckStatus, ResourceStatus, ValidationCheck } from './types';

/** SHA-256 (base64, as S3 reports `ChecksumSHA256`) and MD5 (hex) of some bytes. */
export function digestBytes(bytes: Uint8Array): { sha256: string; md5: string } {
  return {
    sha256: createHash('sha256').update(bytes).digest('base64'),
    md5: createHash('md5').update(bytes).digest('hex'),
  };
}

/** True when an ETag is the MD5 of the content (single-part upload, not `…-N`, not KMS-encrypted). */
export function isSinglePartEtag(etag: string | undefined): boolean {
  return !!etag && /^"?[0-9a-f]{32}"?$/i.test(etag);
}

/** The verdict on one object's bytes against what S3 says about them. */
export type ObjectVerdict =
  | { result: 'match'; by: 'sha256' | 'etag' }
  | { result: 'mismatch'; by: 'sha256' | 'etag'; expected: string; actual: string }
  | { result: 'unverifiable'; reason: string };

/**
 * Check downloaded bytes against the object's stored SHA-256 checksum, else its ETag when that
 * is a single-part MD5. Multipart ETags without a checksum cannot prove the bytes.
 */
export function verifyObjectBytes(
  bytes: Uint8Array,
  stored: { checksumSha256?: string | undefined; etag?: string | undefined },
): ObjectVerdict {
  return verifyDigest(digestBytes(bytes), stored);
}

/** {@link verifyObjectBytes} on a digest computed elsewhere (e.g. while streaming the object). */
export function verifyDigest(
  d: { sha256: string; md5: string },
  stored: { checksumSha256?: string | undefined; etag?: string | undefined },
): ObjectVerdict {
  if (stored.checksumSha256) {
    const expected = stored.checksumSha256.replace(/-\d+$/, '');
    return expected === d.sha256
      ? { result: 'match', by: 'sha256' }
      : { result: 'mismatch', by: 'sha256', expected, actual: d.sha256 };
  }
  if (isSinglePartEtag(stored.etag)) {
    const expected = stored.etag!.replaceAll('"', '').toLowerCase();
    return expected === d.md5
      ? { result: 'match', by: 'etag' }
      : { result: 'mismatch', by: 'etag', expected, actual: d.md5 };
  }
  return {
    result: 'unverifiable',
    reason: 'no SHA-256 checksum and a multipart ETag (not an MD5 of the content)',
  };
}

/** Compare the same object's stored fingerprints in two buckets (source vs replica). */
export function sameFingerprint(
  a: { checksumSha256?: string | undefined; etag?: string | undefined; size?: number | undefined },
  b: { checksumSha256?: string | undefined; etag?: string | undefined; size?: number | undefined },
): boolean | null {
  if (a.size !== undefined && b.size !== undefined && a.size !== b.size) return false;
  if (a.checksumSha256 && b.checksumSha256) return a.checksumSha256 === b.checksumSha256;
  if (isSinglePartEtag(a.etag) && isSinglePartEtag(b.etag))
    return a.etag!.replaceAll('"', '') === b.etag!.replaceAll('"', '');
  return null;
}

/** Object count and bytes of a listing. */
export interface Tally {
  count: number;
  bytes: number;
}

/**
 * Compare the target's object tally with the source's (or a recorded baseline). Fewer objects
 * or bytes fail; more warn (written after the restore); no baseline warns with the target's numbers.
 */
export function compareTally(
  target: Tally,
  baseline: (Tally & { from: string }) | null,
  missingKeys: readonly string[] = [],
): { status: CheckStatus; evidence: string } {
  const mine = `${target.count} objects, ${target.bytes} bytes in the target`;
  if (!baseline)
    return {
      status: 'warn',
      evidence: `${mine}; no source count to compare with (source unreachable, none recorded).`,
    };
  const theirs = `${baseline.count} objects, ${baseline.bytes} bytes in the ${baseline.from}`;
  const missing =
    missingKeys.length > 0
      ? `; missing: ${missingKeys.slice(0, 10).join(', ')}${missingKeys.length > 10 ? ` and ${missingKeys.length - 10} more` : ''}`
      : '';
  if (target.count === baseline.count && target.bytes === baseline.bytes)
    return { status: 'pass', evidence: `${mine} = ${theirs}.` };
  if (target.count < baseline.count || (target.count === baseline.count && target.bytes !== baseline.bytes))
    return { status: 'fail', evidence: `${mine} ≠ ${theirs}${missing}.` };
  return { status: 'warn', evidence: `${mine} > ${theirs} (written to the target after recovery?).` };
}

/** A planned setting against what AWS reports. */
export interface Expectation {
  id: string;
  title: string;
  /** What the plan (or the source) asks for; undefined: nothing planned, not checked. */
  expected: string | number | boolean | readonly string[] | undefined;
  actual: string | number | boolean | readonly string[] | undefined;
  /** How to compare: equal (default), or the actual must include every expected item, or be at least. */
  mode?: 'equal' | 'includes' | 'atLeast';
  fix: string;
}

function show(v: Expectation['expected']): string {
  if (v === undefined) return 'not reported';
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.join(', ');
  return String(v);
}

/** Compare one planned setting (PURE): pass when it matches, fail otherwise, skipped when nothing is planned. */
export function expectSetting(e: Expectation): ValidationCheck {
  if (e.expected === undefined)
    return {
      id: e.id,
      title: e.title,
      status: 'skipped',
      evidence: `nothing planned to compare with; the target reports ${show(e.actual)}.`,
    };
  let ok: boolean;
  if (e.mode === 'includes') {
    const actual = Array.isArray(e.actual) ? (e.actual as readonly string[]) : [];
    ok = (e.expected as readonly string[]).every((x) => actual.includes(x));
  } else if (e.mode === 'atLeast') {
    ok = typeof e.actual === 'number' && e.actual >= (e.expected as number);
  } else if (Array.isArray(e.expected)) {
    const a = Array.isArray(e.actual) ? [...(e.actual as readonly string[])].sort() : [];
    const b = [...(e.expected as readonly string[])].sort();
    ok = a.length === b.length && a.every((x, i) => x === b[i]);
  } else ok = e.expected === e.actual;
  const rel = e.mode === 'atLeast' ? '≥' : e.mode === 'includes' ? '⊇' : '=';
  return {
    id: e.id,
    title: e.title,
    status: ok ? 'pass' : 'fail',
    evidence: ok
      ? `${show(e.actual)} ${rel} planned ${show(e.expected)}.`
      : `target has ${show(e.actual)}; planned ${show(e.expected)}.`,
    ...(ok ? {} : { fix: e.fix }),
  };
}

/** A DynamoDB attribute value as plain JSON (the SDK's `AttributeValue`). */
export type Attr = Record<string, unknown>;

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Uint8Array) return `b64:${Buffer.from(value).toString('base64')}`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    // String and number sets compare as sets.
    if (keys.length === 1 && (keys[0] === 'SS' || keys[0] === 'NS' || keys[0] === 'BS'))
      return `{${keys[0]}:${(o[keys[0]!] as unknown[]).map(canonical).sort().join(',')}}`;
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The names of the attributes that differ between two items (missing on either side included). */
export function diffItem(a: Record<string, Attr>, b: Record<string, Attr>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => canonical(a[n]) !== canonical(b[n])).sort();
}

/** The item's key as text (`pk=S:o-1, sk=S:2026`). */
export function keyText(item: Record<string, Attr>, keyNames: readonly string[]): string {
  return keyNames
    .map((k) => {
      const v = item[k] ?? {};
      const [type, value] = Object.entries(v)[0] ?? ['?', '?'];
      return `${k}=${type}:${typeof value === 'string' ? value : canonical(value)}`;
    })
    .join(', ');
}

/** The worst status of a resource's checks: any fail fails, any warn warns; skips do not fail. */
export function rollUp(checks: readonly ValidationCheck[]): ResourceStatus {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  if (checks.some((c) => c.status === 'warn')) return 'warn';
  return 'pass';
}

/** A check from its parts (shorthand). */
export function check(
  id: string,
  title: string,
  status: CheckStatus,
  evidence: string,
  extra: { fix?: string; requestIds?: Array<string | null | undefined> } = {},
): ValidationCheck {
  const requestIds = (extra.requestIds ?? []).filter((r): r is string => typeof r === 'string' && r !== '');
  return {
    id,
    title,
    status,
    evidence,
    ...(extra.fix && status !== 'pass' ? { fix: extra.fix } : {}),
    ...(requestIds.length > 0 ? { requestIds } : {}),
  };
}
