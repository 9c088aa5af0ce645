import { createHash } from 'node:crypto';
import type { S3ObjectVersion } from './model';

/** Deterministic filler content of `size` bytes derived from a seed text. */
export function syntheticContent(seed: string, size: number): Buffer {
  const line = Buffer.from(`${seed}\n`, 'utf8');
  const out = Buffer.alloc(size);
  for (let offset = 0; offset < size; offset += line.length)
    line.copy(out, offset, 0, Math.min(line.length, size - offset));
  return out;
}

/** The bytes of an object version. */
export function versionContent(version: S3ObjectVersion): Buffer {
  if (version.body !== undefined) return Buffer.from(version.body, 'base64');
  return syntheticContent(version.syntheticSeed ?? '', version.size);
}

/** Size, quoted MD5 ETag and base64 SHA-256 of some bytes. */
export function digest(content: Buffer): { size: number; etag: string; sha256: string } {
  return {
    size: content.length,
    etag: `"${createHash('md5').update(content).digest('hex')}"`,
    sha256: createHash('sha256').update(content).digest('base64'),
  };
}

/**
 * Decode an `aws-chunked` upload body (`hex-size[;chunk-signature=…]\r\n data \r\n … 0\r\n trailers`),
 * returning the payload and any trailing headers (e.g. `x-amz-checksum-crc32`).
 */
export function decodeAwsChunked(body: Buffer): { payload: Buffer; trailers: Record<string, string> } {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd < 0) throw new Error('truncated aws-chunked body: missing chunk header');
    const header = body.subarray(offset, lineEnd).toString('latin1');
    const size = Number.parseInt(header.split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size < 0) throw new Error(`bad aws-chunked chunk size "${header}"`);
    offset = lineEnd + 2;
    if (size === 0) break;
    if (offset + size > body.length)
      throw new Error('truncated aws-chunked body: chunk shorter than declared');
    parts.push(body.subarray(offset, offset + size));
    offset += size + 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of body.subarray(offset).toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { payload: Buffer.concat(parts), trailers };
}
