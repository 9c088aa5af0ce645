import type { SimRequest } from '../../core/types';

/** Which bucket and key an S3 request addresses. */
export interface S3Address {
  bucket?: string;
  key?: string;
  /** True for virtual-hosted-style requests (bucket in the host name). */
  virtualHosted: boolean;
}

function decodePath(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Bucket and key from a virtual-hosted (`bucket.s3.us-east-1.amazonaws.com/key`, or
 * `bucket.localhost:PORT/key` against the local server) or path-style
 * (`/bucket/key`) request.
 */
export function parseS3Address(req: SimRequest): S3Address {
  const host = req.hostname;
  if (host.endsWith('.amazonaws.com')) {
    const labels = host.split('.');
    const s3Index = labels.findIndex((l) => l === 's3' || l.startsWith('s3-'));
    if (s3Index > 0) {
      const bucket = labels.slice(0, s3Index).join('.');
      const key = req.path.length > 1 ? decodePath(req.path.slice(1)) : undefined;
      return { bucket, ...(key ? { key } : {}), virtualHosted: true };
    }
  }
  if (host.endsWith('.localhost') && host.length > '.localhost'.length) {
    const bucket = host.slice(0, -'.localhost'.length);
    const key = req.path.length > 1 ? decodePath(req.path.slice(1)) : undefined;
    return { bucket, ...(key ? { key } : {}), virtualHosted: true };
  }
  const path = req.path.startsWith('/') ? req.path.slice(1) : req.path;
  if (!path) return { virtualHosted: false };
  const slash = path.indexOf('/');
  if (slash < 0) return { bucket: decodePath(path), virtualHosted: false };
  const key = decodePath(path.slice(slash + 1));
  return { bucket: decodePath(path.slice(0, slash)), ...(key ? { key } : {}), virtualHosted: false };
}

/** True when the query string carries the sub-resource (`?versioning`, `?restore` …). */
export function hasSubresource(req: SimRequest, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(req.query, name);
}

/** The `x-amz-meta-*` headers, without the prefix. */
export function userMetadata(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('x-amz-meta-')) out[name.slice('x-amz-meta-'.length)] = value;
  }
  return out;
}

/** An HTTP date (RFC 7231), as S3 sends `Last-Modified`. */
export function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}
