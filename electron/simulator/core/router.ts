import type { SimRequest } from './types';

/** The region for requests that name none (unsigned calls to a custom endpoint, `s3.amazonaws.com`). */
export const DEFAULT_REGION = 'us-east-1';

/** An HTTP request as it reaches the simulator, before routing. */
export interface RawHttpRequest {
  method: string;
  /** Host name, with or without a port. */
  hostname: string;
  /** The URL path as sent (still percent-encoded), without the query. */
  path: string;
  /** The query string without `?`. */
  rawQuery: string;
  /** Header names in any case. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Where a request goes. */
export interface RequestTarget {
  service: string;
  region: string;
  accessKeyId?: string;
}

const SCOPE_RE = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/;
const SSO_OIDC_PATHS = new Set(['/client/register', '/device_authorization', '/token']);
const SSO_PORTAL_PATHS = new Set([
  '/federation/credentials',
  '/assignment/roles',
  '/assignment/accounts',
  '/logout',
]);
const REGION_RE = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;

/** Lower-case header names and join repeated values with `, `. */
export function normaliseHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Parse a query string into the last value of each key (`+` is a space, as forms encode it). */
export function parseQuery(rawQuery: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!rawQuery) return out;
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    out[safeDecode(rawKey)] = safeDecode(rawValue);
  }
  return out;
}

/** The last value of one key of a form-encoded string, as {@link parseQuery} would give it (only that value decoded). */
function lastFormValue(form: string, key: string): string | undefined {
  let value: string | undefined;
  for (const part of form.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    if (safeDecode(eq < 0 ? part : part.slice(0, eq)) === key) value = eq < 0 ? '' : part.slice(eq + 1);
  }
  return value === undefined ? undefined : safeDecode(value);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** Service and region from a host name such as `rds.us-west-2.amazonaws.com` or `bucket.s3.us-east-1.amazonaws.com`. */
export function targetFromHost(hostname: string): RequestTarget | undefined {
  const host = hostname.toLowerCase().replace(/:\d+$/, '');
  if (!host.endsWith('.amazonaws.com')) return undefined;
  const labels = host.slice(0, -'.amazonaws.com'.length).split('.');
  const portal = labels.indexOf('portal');
  if (portal >= 0 && labels[portal + 1] === 'sso') {
    return { service: 'awsssoportal', region: labels[portal + 2] ?? DEFAULT_REGION };
  }
  if (labels[0] === 'oidc') return { service: 'sso-oauth', region: labels[1] ?? DEFAULT_REGION };
  // S3: s3.REGION, s3-REGION, s3.dualstack.REGION, BUCKET.s3.REGION, BUCKET.s3 (us-east-1)
  const s3Index = labels.findIndex((l) => l === 's3' || l.startsWith('s3-'));
  if (s3Index >= 0) {
    const label = labels[s3Index] ?? 's3';
    if (label.startsWith('s3-') && REGION_RE.test(label.slice(3)))
      return { service: 's3', region: label.slice(3) };
    const rest = labels.slice(s3Index + 1).filter((l) => l !== 'dualstack');
    const region = rest.find((l) => REGION_RE.test(l));
    return { service: 's3', region: region ?? DEFAULT_REGION };
  }
  const [service, maybeRegion] = labels;
  if (!service) return undefined;
  return { service, region: maybeRegion && REGION_RE.test(maybeRegion) ? maybeRegion : DEFAULT_REGION };
}

/**
 * Decide which service and region a request is for: the SigV4 credential scope (header or
 * presigned query), else the AWS host name, else the path of an unsigned SSO call, else
 * nothing (the caller answers an AWS-shaped error).
 */
export function resolveTarget(
  headers: Record<string, string>,
  hostname: string,
  path: string,
  query: Record<string, string>,
  defaultRegion: string = DEFAULT_REGION,
): RequestTarget | undefined {
  const auth = headers['authorization'];
  const scope = auth ? SCOPE_RE.exec(auth) : undefined;
  if (scope?.[1] && scope[2] && scope[3])
    return { accessKeyId: scope[1], region: scope[2], service: scope[3] };
  const presigned = query['X-Amz-Credential']?.split('/');
  if (presigned && presigned.length === 5 && presigned[0] && presigned[2] && presigned[3]) {
    return { accessKeyId: presigned[0], region: presigned[2], service: presigned[3] };
  }
  const fromHost = targetFromHost(hostname);
  if (fromHost) return fromHost;
  const cleanPath = path.replace(/\/+$/, '') || '/';
  if (SSO_OIDC_PATHS.has(cleanPath)) return { service: 'sso-oauth', region: defaultRegion };
  if (SSO_PORTAL_PATHS.has(cleanPath)) return { service: 'awsssoportal', region: defaultRegion };
  return undefined;
}

/**
 * Build the {@link SimRequest} a service sees, with the target already resolved. Pass the
 * headers and query when the caller has already normalised and parsed them (they are not copied).
 */
export function toSimRequest(
  raw: RawHttpRequest,
  target: RequestTarget,
  headers: Record<string, string> = normaliseHeaders(raw.headers),
  query: Record<string, string> = parseQuery(raw.rawQuery),
): SimRequest {
  return {
    method: raw.method.toUpperCase(),
    path: raw.path || '/',
    rawQuery: raw.rawQuery,
    query,
    headers,
    body: raw.body,
    hostname: raw.hostname.replace(/:\d+$/, '').toLowerCase(),
    region: target.region,
    service: target.service,
    ...(target.accessKeyId ? { accessKeyId: target.accessKeyId } : {}),
  };
}

const READ_PREFIXES = ['Describe', 'List', 'Get', 'Head', 'Search', 'Scan', 'Query', 'BatchGet'];

/**
 * True when a request may change the account (for debounced saving): S3 writes by method,
 * Query and JSON protocols by action name (Describe…, List…, Get… are reads).
 */
export function isMutatingRequest(req: SimRequest): boolean {
  if (req.service === 's3') return req.method !== 'GET' && req.method !== 'HEAD';
  const target = req.headers['x-amz-target'];
  let action = target ? target.slice(target.lastIndexOf('.') + 1) : req.query['Action'];
  if (!action && req.method === 'POST' && req.body.length > 0) {
    action = lastFormValue(req.body.toString('utf8'), 'Action');
  }
  if (!action) return req.method !== 'GET' && req.method !== 'HEAD';
  return !READ_PREFIXES.some((p) => action.startsWith(p));
}
