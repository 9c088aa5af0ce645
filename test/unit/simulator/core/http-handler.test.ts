import { Readable } from 'node:stream';
import { HttpRequest } from '@smithy/protocol-http';
import { describe, expect, it } from 'vitest';
import {
  awsEncode,
  buildRawQuery,
  createSimHttpHandler,
  fromSmithyRequest,
  readRequestBody,
} from '../../../../electron/simulator/core/http-handler';
import type { RawHttpRequest } from '../../../../electron/simulator/core/router';

describe('the in-process Smithy handler', () => {
  it('encodes query strings as SigV4 does, with bare keys for null values', () => {
    expect(awsEncode("a b!*'()")).toBe('a%20b%21%2A%27%28%29');
    expect(buildRawQuery({ versioning: null, prefix: 'a/b c', list: ['1', '2'] })).toBe(
      'list=1&list=2&prefix=a%2Fb%20c&versioning',
    );
  });

  it('reads string, byte and stream bodies', async () => {
    expect(await readRequestBody('abc')).toEqual(Buffer.from('abc'));
    expect(await readRequestBody(new Uint8Array([1, 2]))).toEqual(Buffer.from([1, 2]));
    expect(await readRequestBody(Readable.from([Buffer.from('a'), 'b']))).toEqual(Buffer.from('ab'));
    expect(await readRequestBody(undefined)).toEqual(Buffer.alloc(0));
    await expect(readRequestBody(42)).rejects.toThrow(/Unsupported request body type/);
  });

  it('converts a Smithy request, keeping the encoded path and adding the host header', async () => {
    const raw = await fromSmithyRequest(
      new HttpRequest({
        method: 'PUT',
        hostname: 'bucket.s3.us-east-1.amazonaws.com',
        path: '/a%20b',
        query: { 'x-id': 'PutObject' },
        headers: { 'Content-Type': 'text/plain' },
        body: 'hi',
      }),
    );
    expect(raw).toEqual({
      method: 'PUT',
      hostname: 'bucket.s3.us-east-1.amazonaws.com',
      path: '/a%20b',
      rawQuery: 'x-id=PutObject',
      headers: { 'content-type': 'text/plain', host: 'bucket.s3.us-east-1.amazonaws.com' },
      body: Buffer.from('hi'),
    });
  });

  it('answers with the body bytes and a content length, and no body for HEAD', async () => {
    const seen: RawHttpRequest[] = [];
    const handler = createSimHttpHandler({
      handle: async (request) => {
        seen.push(request);
        return { status: 200, headers: { 'x-test': '1' }, body: 'hello' };
      },
    });
    const get = await handler.handle(new HttpRequest({ method: 'GET', hostname: 'h', path: '/' }));
    expect(get.response.statusCode).toBe(200);
    expect(get.response.headers['content-length']).toBe('5');
    expect(get.response.body).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(get.response.body as Uint8Array).toString()).toBe('hello');
    const head = await handler.handle(new HttpRequest({ method: 'HEAD', hostname: 'h', path: '/' }));
    expect(head.response.body).toEqual(new Uint8Array(0));
    expect(head.response.headers['content-length']).toBeUndefined();
    expect(seen).toHaveLength(2);
  });

  it('hands a service Buffer over as a copy, so the SDK re-typing it cannot change the service data', async () => {
    const owned = Buffer.from('kept');
    const handler = createSimHttpHandler({ handle: async () => ({ status: 200, headers: {}, body: owned }) });
    const answer = await handler.handle(new HttpRequest({ method: 'GET', hostname: 'h', path: '/' }));
    const bytes = answer.response.body as Uint8Array;
    expect(bytes).not.toBe(owned);
    Object.setPrototypeOf(bytes, Uint8Array.prototype);
    expect(Buffer.isBuffer(owned)).toBe(true);
    expect(owned.toString('utf8')).toBe('kept');
  });

  it('streams a streaming payload (S3 GetObject), and nothing for HEAD', async () => {
    const handler = createSimHttpHandler({
      handle: async () => ({ status: 200, headers: {}, body: Buffer.from('object data'), streaming: true }),
    });
    const get = await handler.handle(new HttpRequest({ method: 'GET', hostname: 'h', path: '/k' }));
    expect(get.response.body).toBeInstanceOf(Readable);
    const chunks: Buffer[] = [];
    for await (const chunk of get.response.body as Readable) chunks.push(Buffer.from(chunk as Buffer));
    expect(Buffer.concat(chunks).toString()).toBe('object data');
    expect(get.response.headers['content-length']).toBe('11');
    const head = await handler.handle(new HttpRequest({ method: 'HEAD', hostname: 'h', path: '/k' }));
    const headChunks: unknown[] = [];
    for await (const chunk of head.response.body as Readable) headChunks.push(chunk);
    expect(headChunks).toEqual([]);
  });
});
