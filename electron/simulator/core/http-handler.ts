import { Readable } from 'node:stream';
import { HttpResponse } from '@smithy/protocol-http';
import type { HttpHandler, HttpRequest } from '@smithy/protocol-http';
import type { HttpHandlerOptions } from '@smithy/types';
import type { RawHttpRequest } from './router';
import type { SimHandleOptions } from './simulator';
import type { SimResponse } from './types';

/** Percent-encode as AWS SigV4 does (RFC 3986 unreserved characters kept). */
export function awsEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Build a query string from a Smithy request's query map (`null` values are bare keys, e.g. `?versioning`). */
export function buildRawQuery(query: HttpRequest['query']): string {
  const parts: string[] = [];
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (value === null || value === undefined) parts.push(awsEncode(key));
    else if (Array.isArray(value)) for (const v of value) parts.push(`${awsEncode(key)}=${awsEncode(v)}`);
    else parts.push(`${awsEncode(key)}=${awsEncode(value)}`);
  }
  return parts.join('&');
}

/** Read a Smithy request body (string, bytes, or a stream) into a Buffer. */
export async function readRequestBody(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<unknown>) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
    }
    return Buffer.concat(chunks);
  }
  if (typeof (body as Blob).arrayBuffer === 'function')
    return Buffer.from(await (body as Blob).arrayBuffer());
  throw new Error(`Unsupported request body type: ${Object.prototype.toString.call(body)}`);
}

/** Convert a Smithy request into the simulator's raw request. */
export async function fromSmithyRequest(request: HttpRequest): Promise<RawHttpRequest> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
  const hostname = request.hostname;
  if (!headers['host']) headers['host'] = request.port ? `${hostname}:${request.port}` : hostname;
  return {
    method: request.method,
    hostname,
    path: request.path || '/',
    rawQuery: buildRawQuery(request.query ?? {}),
    headers,
    body: await readRequestBody(request.body),
  };
}

/**
 * The body the SDK receives: a stream for a streaming payload (S3 GetObject, whose output the
 * SDK wraps in its stream mixin, as it would a socket), otherwise the bytes themselves, which the
 * SDK's deserializers take as they are instead of collecting a stream. The SDK re-types the
 * array it is given, so a service's own Buffer goes as a copy. No body at all for HEAD.
 */
function responseBody(answer: SimResponse, body: Buffer, head: boolean): Readable | Uint8Array {
  if (answer.streaming) return Readable.from(body.length > 0 && !head ? [body] : []);
  if (head) return new Uint8Array(0);
  return typeof answer.body === 'string' ? body : new Uint8Array(body);
}

/** Something that answers raw requests (the simulator). */
export interface RawRequestHandler {
  handle(request: RawHttpRequest, options?: SimHandleOptions): Promise<SimResponse>;
}

/**
 * A Smithy {@link HttpHandler} that answers from the simulator in-process: pass it as an SDK v3
 * client's `requestHandler`, and the real SDK serialises every request and parses every answer.
 */
export function createSimHttpHandler(target: RawRequestHandler): HttpHandler {
  const config: Record<string, unknown> = {};
  return {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: HttpRequest, options: HttpHandlerOptions = {}) {
      const raw = await fromSmithyRequest(request);
      const answer = await target.handle(raw, {
        ...(options.abortSignal ? { abortSignal: options.abortSignal as AbortSignal } : {}),
        ...(options.requestTimeout !== undefined ? { requestTimeout: options.requestTimeout } : {}),
      });
      const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
      const head = raw.method.toUpperCase() === 'HEAD';
      const headers = { ...answer.headers };
      if (headers['content-length'] === undefined && !head) headers['content-length'] = String(body.length);
      return {
        response: new HttpResponse({
          statusCode: answer.status,
          headers,
          body: responseBody(answer, body, head),
        }),
      };
    },
    updateHttpClientConfig(key: never, value: never) {
      config[key] = value;
    },
    httpHandlerConfigs: () => config as never,
    destroy: () => undefined,
  };
}

/** Join a simulator response body into a Buffer. */
export function responseBodyBuffer(response: SimResponse): Buffer {
  return typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body;
}
