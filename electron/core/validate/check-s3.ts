/**
 * S3 checks of a restored bucket: versioning on, object count and bytes against the source (or
 * the assessment), checksums of a sample or of every object, and, for a rollback, that the
 * rolled-back version is current.
 */
import type { CheckContext } from './check-context';
import { createHash } from 'node:crypto';
import { check, compareTally, sameFingerprint, verifyDigest, type Tally } from './compare';
import { errorText, requestIdOf, send, type Answer } from './send';
import type { ValidationSubject } from './subjects';
import type { ValidationCheck } from './types';

interface Listed {
  key: string;
  size: number;
  etag: string | undefined;
  storageClass: string | undefined;
}

const ARCHIVED = new Set(['GLACIER', 'DEEP_ARCHIVE']);

/** Objects larger than this are not read back (their fingerprints are still compared with the source). */
export const READ_BACK_LIMIT_BYTES = 512 * 2 ** 20;

/** SHA-256 (base64) and MD5 (hex) of a response body, computed while streaming it (never held whole). */
export async function streamDigest(body: unknown): Promise<{ sha256: string; md5: string }> {
  const sha = createHash('sha256');
  const md5 = createHash('md5');
  if (body && typeof body === 'object' && Symbol.asyncIterator in body) {
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      sha.update(chunk);
      md5.update(chunk);
    }
  } else if (body && typeof body === 'object' && 'transformToByteArray' in body) {
    const bytes = await (body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray();
    sha.update(bytes);
    md5.update(bytes);
  }
  return { sha256: sha.digest('base64'), md5: md5.digest('hex') };
}

/** List every object of a bucket (current versions). */
async function listAll(
  ctx: CheckContext['clients'],
  region: string,
  bucket: string,
): Promise<{ objects: Listed[]; requestId: string | null }> {
  const objects: Listed[] = [];
  let token: string | undefined;
  let requestId: string | null = null;
  do {
    const page = await send(ctx, 's3', region, 'ListObjectsV2', {
      Bucket: bucket,
      ...(token ? { ContinuationToken: token } : {}),
    });
    requestId ??= requestIdOf(page);
    for (const o of (page.Contents as
      Array<{ Key?: string; Size?: number; ETag?: string; StorageClass?: string }> | undefined) ?? [])
      if (o.Key) objects.push({ key: o.Key, size: o.Size ?? 0, etag: o.ETag, storageClass: o.StorageClass });
    token = page.IsTruncated ? (page.NextContinuationToken as string | undefined) : undefined;
  } while (token);
  return { objects, requestId };
}

function tally(objects: readonly Listed[]): Tally {
  return { count: objects.length, bytes: objects.reduce((s, o) => s + o.size, 0) };
}

/** An evenly spread sample of n items (deterministic), or all. */
export function spreadSample<T>(items: readonly T[], n: number | 'all'): T[] {
  if (n === 'all' || items.length <= n) return [...items];
  if (n <= 0) return [];
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)]!);
}

async function head(
  clients: CheckContext['clients'],
  region: string,
  bucket: string,
  key: string,
  versionId?: string,
): Promise<Answer> {
  return send(clients, 's3', region, 'HeadObject', {
    Bucket: bucket,
    Key: key,
    ChecksumMode: 'ENABLED',
    ...(versionId ? { VersionId: versionId } : {}),
  });
}

async function versioningCheck(ctx: CheckContext, region: string, bucket: string): Promise<ValidationCheck> {
  try {
    const a = await send(ctx.clients, 's3', region, 'GetBucketVersioning', { Bucket: bucket });
    const status = (a.Status as string | undefined) ?? 'never enabled';
    return check(
      'versioning',
      'Versioning is on at the target',
      status === 'Enabled' ? 'pass' : 'fail',
      `${bucket}: versioning ${status}.`,
      {
        fix: `Turn versioning on: aws s3api put-bucket-versioning --bucket ${bucket} --versioning-configuration Status=Enabled --region ${region}`,
        requestIds: [requestIdOf(a)],
      },
    );
  } catch (error) {
    return check(
      'versioning',
      'Versioning is on at the target',
      'fail',
      `GetBucketVersioning failed: ${errorText(error)}`,
      {
        fix: 'Check that the bucket exists and that the role may read its versioning (s3:GetBucketVersioning).',
      },
    );
  }
}

/** Verify the bytes of the sampled objects (and compare fingerprints with the source when it answers). */
async function checksumCheck(
  ctx: CheckContext,
  region: string,
  bucket: string,
  objects: readonly Listed[],
  source: { region: string; bucket: string } | 'unreachable' | null,
): Promise<ValidationCheck> {
  const readable = objects.filter((o) => !ARCHIVED.has(o.storageClass ?? ''));
  const sample = spreadSample(readable, ctx.options.s3Sample);
  const mismatches: string[] = [];
  const unverifiable: string[] = [];
  const tooLarge: string[] = [];
  const differs: string[] = [];
  const requestIds: Array<string | null> = [];
  let bySha = 0;
  let byEtag = 0;
  let sourceCompared = 0;
  let sourceDown = source === 'unreachable';
  for (const o of sample) {
    try {
      const h = await head(ctx.clients, region, bucket, o.key);
      requestIds.push(requestIdOf(h));
      const stored = {
        checksumSha256: h.ChecksumSHA256 as string | undefined,
        etag: h.ETag as string | undefined,
      };
      if (source && source !== 'unreachable' && !sourceDown) {
        try {
          const s = await head(ctx.sourceClients, source.region, source.bucket, o.key);
          const same = sameFingerprint(
            {
              checksumSha256: s.ChecksumSHA256 as string | undefined,
              etag: s.ETag as string | undefined,
              size: s.ContentLength as number | undefined,
            },
            { ...stored, size: h.ContentLength as number | undefined },
          );
          sourceCompared += 1;
          if (same === false) differs.push(o.key);
        } catch (error) {
          if (!/NotFound|NoSuchKey|404/.test(errorText(error))) sourceDown = true;
          else differs.push(`${o.key} (not at the source)`);
        }
      }
      const size = (h.ContentLength as number | undefined) ?? o.size;
      if (size > READ_BACK_LIMIT_BYTES) {
        tooLarge.push(`${o.key} (${size} bytes)`);
        continue;
      }
      let digest: { sha256: string; md5: string };
      try {
        const got = await send(ctx.clients, 's3', region, 'GetObject', { Bucket: bucket, Key: o.key });
        digest = await streamDigest(got.Body);
      } catch (error) {
        // The SDK validates response checksums itself when S3 sends them: a mismatch is an integrity failure.
        if (/checksum/i.test(errorText(error))) {
          mismatches.push(`${o.key} (${errorText(error).slice(0, 160)})`);
          continue;
        }
        throw error;
      }
      const verdict = verifyDigest(digest, stored);
      if (verdict.result === 'mismatch')
        mismatches.push(`${o.key} (${verdict.by}: stored ${verdict.expected}, content ${verdict.actual})`);
      else if (verdict.result === 'unverifiable') unverifiable.push(o.key);
      else if (verdict.by === 'sha256') bySha += 1;
      else byEtag += 1;
    } catch (error) {
      mismatches.push(`${o.key} (could not be read: ${errorText(error).slice(0, 120)})`);
    }
  }
  const scope =
    ctx.options.s3Sample === 'all' || sample.length === readable.length
      ? `all ${sample.length}`
      : `a sample of ${sample.length} of ${readable.length}`;
  const archived = objects.length - readable.length;
  const parts = [
    `${scope} readable objects: ${bySha} verified by SHA-256, ${byEtag} by single-part ETag (MD5)`,
    unverifiable.length > 0
      ? `${unverifiable.length} unverifiable (multipart ETag, no checksum): ${unverifiable.slice(0, 5).join(', ')}`
      : '',
    archived > 0 ? `${archived} archived objects not read (restore them first)` : '',
    tooLarge.length > 0
      ? `${tooLarge.length} over ${READ_BACK_LIMIT_BYTES / 2 ** 20} MiB not read back: ${tooLarge.slice(0, 3).join(', ')}`
      : '',
    source
      ? sourceDown
        ? 'source unreachable: fingerprints not compared with the source'
        : `${sourceCompared} compared with the source's fingerprints`
      : '',
    mismatches.length > 0 ? `MISMATCH: ${mismatches.slice(0, 10).join('; ')}` : '',
    differs.length > 0 ? `different from the source: ${differs.slice(0, 10).join(', ')}` : '',
  ].filter(Boolean);
  const status =
    mismatches.length > 0 || differs.length > 0
      ? 'fail'
      : unverifiable.length > 0 || tooLarge.length > 0 || sample.length === 0
        ? 'warn'
        : 'pass';
  return check('checksums', 'Checksums of the objects', status, `${parts.join('; ')}.`, {
    fix:
      mismatches.length > 0 || differs.length > 0
        ? 'Do not serve these objects: restore them from another version or copy (list versions with aws s3api list-object-versions) and validate again.'
        : 'Upload with a SHA-256 checksum (--checksum-algorithm SHA256) so every object can be verified.',
    requestIds: requestIds.slice(0, 5),
  });
}

/** Checks of a bucket the app failed over to (replica) or restored objects in. */
export async function checkS3(ctx: CheckContext, s: ValidationSubject): Promise<ValidationCheck[]> {
  const opt = s.option;
  if (opt?.strategy === 's3-version-rollback' || s.strategy === 's3-version-rollback')
    return checkRollback(ctx, s);
  const region =
    opt?.strategy === 's3-replica-failover'
      ? opt.replicaRegion
      : opt && 'region' in opt
        ? opt.region
        : s.targetRegion;
  const bucket = s.targetId;
  const checks: ValidationCheck[] = [await versioningCheck(ctx, region, bucket)];
  let target: Awaited<ReturnType<typeof listAll>>;
  try {
    target = await listAll(ctx.clients, region, bucket);
  } catch (error) {
    checks.push(
      check(
        'object-count',
        'Object count and bytes',
        'fail',
        `ListObjectsV2 on ${bucket} failed: ${errorText(error)}`,
        { fix: 'Check the bucket name in the endpoint map and the role’s s3:ListBucket permission.' },
      ),
    );
    return checks;
  }
  const replica = opt?.strategy === 's3-replica-failover';
  let baseline: (Tally & { from: string }) | null = null;
  let missing: string[] = [];
  let sourceReachable = false;
  if (replica) {
    try {
      const src = await listAll(ctx.sourceClients, s.sourceRegion, s.source);
      sourceReachable = true;
      baseline = { ...tally(src.objects), from: `source ${s.source}` };
      const have = new Set(target.objects.map((o) => o.key));
      missing = src.objects.filter((o) => !have.has(o.key)).map((o) => o.key);
    } catch {
      baseline = null;
    }
  }
  const countCheck = replica
    ? compareTally(tally(target.objects), baseline, missing)
    : {
        status: 'pass' as const,
        evidence: `${target.objects.length} objects, ${tally(target.objects).bytes} bytes in ${bucket}.`,
      };
  checks.push(
    check('object-count', 'Object count and bytes', countCheck.status, countCheck.evidence, {
      fix:
        missing.length > 0 || countCheck.status === 'fail'
          ? 'Objects are missing from the replica: they were not replicated before the outage (the data-loss window). Record them, and copy them from the source when it returns.'
          : 'Compare with the source when it answers again.',
      requestIds: [target.requestId],
    }),
  );
  checks.push(
    await checksumCheck(
      ctx,
      region,
      bucket,
      target.objects,
      replica ? (sourceReachable ? { region: s.sourceRegion, bucket: s.source } : 'unreachable') : null,
    ),
  );
  return checks;
}

function parseCopySource(value: unknown): { key: string; versionId: string } | null {
  if (typeof value !== 'string') return null;
  const m = /^[^/]+\/(.+)\?versionId=(.+)$/.exec(value);
  return m ? { key: decodeURIComponent(m[1]!), versionId: decodeURIComponent(m[2]!) } : null;
}

/** A version rollback: each rolled-back object's current version equals the chosen version. */
async function checkRollback(ctx: CheckContext, s: ValidationSubject): Promise<ValidationCheck[]> {
  const opt = s.option?.strategy === 's3-version-rollback' ? s.option : null;
  const region = opt?.region ?? s.sourceRegion;
  const bucket = opt?.bucket ?? s.source;
  const targets = new Map<string, string>();
  for (const o of opt?.objects ?? []) targets.set(o.key, o.versionId);
  for (const a of s.chain.actions)
    for (const c of a.calls) {
      const p = c.operation === 'CopyObject' ? parseCopySource(c.params.CopySource) : null;
      if (p) targets.set(p.key, p.versionId);
    }
  const checks: ValidationCheck[] = [await versioningCheck(ctx, region, bucket)];
  const wrong: string[] = [];
  const ok: string[] = [];
  const ids: Array<string | null> = [];
  for (const [key, versionId] of targets) {
    try {
      const current = await head(ctx.clients, region, bucket, key);
      const chosen = await head(ctx.clients, region, bucket, key, versionId);
      ids.push(requestIdOf(current));
      const same = sameFingerprint(
        {
          checksumSha256: current.ChecksumSHA256 as string | undefined,
          etag: current.ETag as string | undefined,
          size: current.ContentLength as number | undefined,
        },
        {
          checksumSha256: chosen.ChecksumSHA256 as string | undefined,
          etag: chosen.ETag as string | undefined,
          size: chosen.ContentLength as number | undefined,
        },
      );
      if (same === true) ok.push(`${key} (current ${String(current.VersionId)} = ${versionId})`);
      else
        wrong.push(
          `${key}: current ${String(current.VersionId)} ${same === false ? 'differs from' : 'cannot be compared with'} ${versionId}`,
        );
    } catch (error) {
      wrong.push(`${key}: ${errorText(error).slice(0, 120)}`);
    }
  }
  checks.push(
    check(
      'current-version',
      'The rolled-back version is current',
      targets.size === 0 ? 'warn' : wrong.length > 0 ? 'fail' : 'pass',
      targets.size === 0
        ? 'The plan names no object versions to check.'
        : [ok.length > 0 ? `current: ${ok.join('; ')}` : '', wrong.join('; ')].filter(Boolean).join('; ') +
            '.',
      {
        fix: 'Copy the good version over the current one again (aws s3api copy-object --copy-source "bucket/key?versionId=…").',
        requestIds: ids.slice(0, 5),
      },
    ),
  );
  return checks;
}
