import { request, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../../electron/bridge/start-bridge';
import type { Core } from '../../../electron/core/app/core';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/security/csp';
import { rawRequest, type RawAnswer, type RawRequest } from '../../support/raw-http';
import { createTabletopCore } from '../../support/test-core';

const TOKEN = 'test-token-0123456789';

/** One raw HTTP request (node:http, so Host and Origin can be set as an attacker would). */
function send(bridge: Bridge, options: RawRequest): Promise<RawAnswer> {
  return rawRequest(bridge.port, options);
}

/** A contract call as the renderer makes it. */
function call(bridge: Bridge, name: string, body: string | Buffer, headers: Record<string, string> = {}) {
  return send(bridge, {
    method: 'POST',
    path: `/api/${name}`,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body,
  });
}

function corsHeaders(headers: IncomingHttpHeaders): string[] {
  return Object.keys(headers).filter((name) => name.toLowerCase().startsWith('access-control-'));
}

describe('startBridge (end to end on port 0)', () => {
  let base: string;
  let core: Core;
  let bridge: Bridge;

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'drwr-bridge-'));
    const rendererDir = path.join(base, 'renderer');
    await mkdir(rendererDir);
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>DR War Room</title>');
    await writeFile(path.join(base, 'secret.txt'), 'top secret');
    core = await createTabletopCore(path.join(base, 'data'), 'http');
    bridge = await startBridge(core, { port: 0, rendererDir, token: TOKEN });
  });

  afterAll(async () => {
    await bridge?.close();
    await core?.close();
    await rm(base, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 on a free port and prints an address with the token', () => {
    expect(bridge.port).toBeGreaterThan(0);
    expect(bridge.origin).toBe(`http://127.0.0.1:${bridge.port}`);
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${TOKEN}`);
  });

  it('answers a call with its result value', async () => {
    const answer = await call(bridge, 'app.info', '{}');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({
      ok: true,
      value: { name: 'DR War Room', transport: 'http' },
    });
  });

  it('treats an empty body as empty input', async () => {
    const answer = await call(bridge, 'app.info', '');
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
  });

  it('refuses a call without the token with 401 and an error value', async () => {
    const answer = await send(bridge, { method: 'POST', path: '/api/app.info', body: '{}' });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a call with a wrong token, or the token in the query instead of the header', async () => {
    expect((await call(bridge, 'app.info', '{}', { Authorization: 'Bearer wrong' })).status).toBe(401);
    const inQuery = await send(bridge, { method: 'POST', path: `/api/app.info?token=${TOKEN}`, body: '{}' });
    expect(inQuery.status).toBe(401);
  });

  it('refuses a foreign Host with 403 even with the token (DNS rebinding)', async () => {
    const answer = await call(bridge, 'app.info', '{}', { Host: 'attacker.example' });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('Forbidden');
    const page = await send(bridge, { path: '/', headers: { Host: `attacker.example:${bridge.port}` } });
    expect(page.status).toBe(403);
  });

  it('refuses a foreign Origin with 403 even with the token', async () => {
    const answer = await call(bridge, 'app.info', '{}', { Origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('other web pages');
  });

  it('accepts its own Origin', async () => {
    const answer = await call(bridge, 'app.info', '{}', { Origin: bridge.origin });
    expect(answer.status).toBe(200);
  });

  it('never sends Access-Control-Allow-* headers, not even to a preflight', async () => {
    const answers = await Promise.all([
      call(bridge, 'app.info', '{}', { Origin: 'https://evil.example' }),
      call(bridge, 'app.info', '{}'),
      send(bridge, {
        method: 'OPTIONS',
        path: '/api/app.info',
        headers: {
          Origin: 'https://evil.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization',
        },
      }),
      send(bridge, {
        method: 'OPTIONS',
        path: '/api/app.info',
        headers: { 'Access-Control-Request-Method': 'POST' },
      }),
      send(bridge, { path: '/' }),
    ]);
    for (const answer of answers) expect(corsHeaders(answer.headers)).toEqual([]);
  });

  it('answers bad JSON with 400 and an INVALID_INPUT error value', async () => {
    const answer = await call(bridge, 'app.info', '{not json');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' },
    });
  });

  it('answers input that fails the schema with an error value naming the call', async () => {
    const answer = await call(bridge, 'app.info', '{"extra":1}');
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('answers an unknown call with UNKNOWN_CALL', async () => {
    const answer = await call(bridge, 'nope.never', '{}');
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('answers a malformed percent-encoded call name with an error value, not a 500', async () => {
    const answer = await call(bridge, '%E0%A4%A', '{}');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('refuses a body over 1 MB with 413, and takes one just under', async () => {
    const limit = 1024 * 1024;
    const tooLarge = await call(bridge, 'app.info', Buffer.alloc(limit + 1, 0x20));
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const padding = 'x'.repeat(limit - 20);
    const underLimit = await call(bridge, 'app.info', JSON.stringify({ p: padding }));
    expect(underLimit.status).toBe(200);
    expect(JSON.parse(underLimit.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('accepts API calls only as POST', async () => {
    const answer = await send(bridge, {
      path: '/api/app.info',
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(answer.status).toBe(405);
  });

  it('opens the event stream only with the token', async () => {
    expect((await send(bridge, { path: '/api/events' })).status).toBe(401);
    expect((await send(bridge, { path: '/api/events?token=wrong' })).status).toBe(401);
    const bearerOnly = await send(bridge, {
      path: '/api/events',
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(bearerOnly.status).toBe(401);
  });

  it('streams core events to a client with the token', async () => {
    const received = await new Promise<{ status: number; type: string | undefined; text: string }>(
      (resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: bridge.port,
            path: `/api/events?token=${TOKEN}`,
            headers: { Host: `127.0.0.1:${bridge.port}` },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => {
              text += chunk.toString();
              if (text.includes(': connected')) {
                core.events.emit({ type: 'app.notice', level: 'info', message: 'hello stream' });
              }
              if (text.includes('hello stream')) {
                resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], text });
                req.destroy();
              }
            });
            res.on('error', () => undefined);
          },
        );
        req.on('error', (error) => {
          if (!String(error).includes('aborted')) reject(error);
        });
        req.end();
      },
    );
    expect(received.status).toBe(200);
    expect(received.type).toBe('text/event-stream; charset=utf-8');
    expect(received.text).toContain(
      `data: ${JSON.stringify({ type: 'app.notice', level: 'info', message: 'hello stream' })}\n\n`,
    );
  });

  it('serves the renderer with the Content-Security-Policy and security headers', async () => {
    const page = await send(bridge, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>DR War Room</title>');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const target of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const answer = await send(bridge, { path: target });
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('top secret');
    }
  });

  it('refuses methods other than GET and HEAD on pages', async () => {
    expect((await send(bridge, { method: 'POST', path: '/', body: '' })).status).toBe(405);
    const head = await send(bridge, { method: 'HEAD', path: '/' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('startBridge before the renderer is built', () => {
  it('says to run the build instead of a blank page, and picks a random token', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'drwr-bridge-'));
    const core = await createTabletopCore(path.join(base, 'data'), 'http');
    const bridge = await startBridge(core, { port: 0, rendererDir: path.join(base, 'missing') });
    try {
      expect(bridge.token).toMatch(/^[\w-]{32,}$/);
      const page = await send(bridge, { path: '/' });
      expect(page.status).toBe(503);
      expect(page.body).toContain('npm run build');
    } finally {
      await bridge.close();
      await rm(base, { recursive: true, force: true });
    }
  });
});
