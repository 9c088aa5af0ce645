import type { HttpRequest } from '@smithy/protocol-http';
import type { Simulator } from '../../electron/simulator';

/**
 * One AWS request as it left the app's guarded SDK clients (signed, on the wire), reduced to
 * what IAM authorises on: service, signing region, API operation and its parameters.
 */
export interface SentRequest {
  /** The SigV4 signing name: ec2, rds, dynamodb, s3, sts… */
  service: string;
  /** The region the request was signed for (`aws:RequestedRegion`). */
  region: string;
  /** The API operation, e.g. RunInstances. */
  operation: string;
  /**
   * Query and form protocols (EC2, RDS, STS): the flat form fields (`TagSpecification.1.Tag.1.Key`).
   * S3: Bucket, Key, VersionId, CopySource, Tagging, TaggingDirective from the path, query and headers.
   */
  params: Record<string, string>;
  /** JSON protocol (DynamoDB): the parsed body. */
  json?: Record<string, unknown>;
}

const SCOPE = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

function header(request: HttpRequest, name: string): string | undefined {
  const found = Object.entries(request.headers).find(([k]) => k.toLowerCase() === name);
  return found?.[1];
}

/** Parse `a=1&b=2` (form or URL query) into a flat map. */
export function parseForm(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
    out[key] = decodeURIComponent((eq < 0 ? '' : part.slice(eq + 1)).replace(/\+/g, ' '));
  }
  return out;
}

function queryOf(request: HttpRequest): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(request.query ?? {}))
    out[k] = v === null || v === undefined ? null : Array.isArray(v) ? (v[0] ?? '') : v;
  return out;
}

/** The S3 operation of a REST request (path-style, as the tabletop clients send). */
function s3Operation(
  method: string,
  hasKey: boolean,
  query: Record<string, string | null>,
  copy: boolean,
): string {
  const xId = query['x-id'];
  if (xId) return xId;
  const has = (k: string) => k in query;
  if (method === 'GET' && !hasKey) {
    if (has('location')) return 'GetBucketLocation';
    if (has('versioning')) return 'GetBucketVersioning';
    if (has('replication')) return 'GetBucketReplication';
    if (has('lifecycle')) return 'GetBucketLifecycleConfiguration';
    if (has('tagging')) return 'GetBucketTagging';
    if (has('versions')) return 'ListObjectVersions';
    if (query['list-type'] === '2') return 'ListObjectsV2';
  }
  if (method === 'GET' && hasKey) return has('tagging') ? 'GetObjectTagging' : 'GetObject';
  if (method === 'HEAD' && hasKey) return 'HeadObject';
  if (method === 'PUT' && hasKey) return copy ? 'CopyObject' : 'PutObject';
  if (method === 'POST' && hasKey && has('restore')) return 'RestoreObject';
  if (method === 'DELETE' && hasKey) return 'DeleteObject';
  throw new Error(`iam-capture: cannot tell which S3 operation ${method} ${JSON.stringify(query)} is.`);
}

/**
 * Reduce a signed SDK request to a {@link SentRequest} (pure). Throws for a request it cannot
 * read, so a capture never silently skips a call.
 */
export function sentRequestOf(request: HttpRequest): SentRequest {
  const scope = SCOPE.exec(header(request, 'authorization') ?? '');
  if (!scope)
    throw new Error(`iam-capture: ${request.method} ${request.hostname}${request.path} is not SigV4-signed.`);
  const [, region, service] = scope as unknown as [string, string, string];
  const raw: unknown = request.body;
  // Query and JSON bodies are strings or bytes; S3 object bodies (streams) are never read.
  const body =
    typeof raw === 'string'
      ? raw
      : raw instanceof Uint8Array && service !== 's3'
        ? new TextDecoder().decode(raw)
        : '';
  if (service === 's3') {
    const [bucket = '', ...rest] = decodeURIComponent(request.path).replace(/^\//, '').split('/');
    const key = rest.join('/');
    const query = queryOf(request);
    const copySource = header(request, 'x-amz-copy-source');
    const params: Record<string, string> = { Bucket: bucket };
    if (key) params['Key'] = key;
    if (query['versionId']) params['VersionId'] = query['versionId'];
    if (copySource) params['CopySource'] = decodeURIComponent(copySource);
    const tagging = header(request, 'x-amz-tagging');
    if (tagging !== undefined) params['Tagging'] = tagging;
    const directive = header(request, 'x-amz-tagging-directive');
    if (directive) params['TaggingDirective'] = directive;
    return {
      service,
      region,
      operation: s3Operation(request.method, key !== '', query, !!copySource),
      params,
    };
  }
  const target = header(request, 'x-amz-target');
  if (target) {
    return {
      service,
      region,
      operation: target.slice(target.indexOf('.') + 1),
      params: {},
      json: body ? (JSON.parse(body) as Record<string, unknown>) : {},
    };
  }
  const params = parseForm(body);
  const operation = params['Action'];
  if (!operation)
    throw new Error(`iam-capture: a ${service} request without an Action: ${body.slice(0, 120)}`);
  return { service, region, operation, params };
}

/** A presigned URL (the source-region half of a cross-region copy) as a request. */
export function presignedRequestOf(url: string, service: string): SentRequest {
  const parsed = new URL(url);
  const params = parseForm(parsed.search.replace(/^\?/, ''));
  const scope = /^[^/]+\/\d{8}\/([^/]+)\//.exec(params['X-Amz-Credential'] ?? '');
  if (!scope?.[1] || !params['Action'])
    throw new Error(`iam-capture: ${url.slice(0, 80)}… is not a presigned ${service} request.`);
  return { service, region: scope[1], operation: params['Action'], params };
}

/**
 * Listen to every request the app's clients send to a simulator: `onRequest` runs before the
 * simulator answers (so it sees the account as AWS would when it authorises). A request that
 * cannot be read or modelled never fails the app's call: its error goes to `onError` (collect them and
 * assert there are none). Returns the function that stops
 * listening.
 */
export function captureRequests(
  sim: Pick<Simulator, 'requestHandler'>,
  onRequest: (request: SentRequest) => void,
  onError: (error: Error) => void,
): () => void {
  const handler = sim.requestHandler;
  const original = handler.handle.bind(handler);
  handler.handle = (request, options) => {
    try {
      onRequest(sentRequestOf(request));
    } catch (error) {
      onError(error instanceof Error ? error : new Error(String(error)));
    }
    return original(request, options);
  };
  return () => {
    handler.handle = original;
  };
}
