import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBridge, type Bridge } from '../../../electron/bridge/start-bridge';
import { Core } from '../../../electron/core/app/core';
import { bundledRunbooksDirSync } from '../../../electron/core/paths/package-root';
import { rawRequest, type RawAnswer, type RawRequest } from '../../support/raw-http';

/**
 * What the bridge's own tests leave implicit: the listening address, the token's entropy, and
 * no CORS header on any route (events, pages, refusals, preflights).
 */

function send(bridge: Bridge, options: RawRequest): Promise<RawAnswer> {
  return rawRequest(bridge.port, options);
}

let base: string;
let core: Core;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'drwr-bridge-sec-'));
  core = await Core.create({
    dataDir: path.join(base, 'data'),
    runbooksDir: bundledRunbooksDirSync(),
    mode: 'TABLETOP',
    transport: 'http',
    version: '0.0.0-test',
  });
});

afterAll(async () => {
  await core.close();
  await rm(base, { recursive: true, force: true });
});

describe('the bridge listens on the loopback interface only', () => {
  it('binds 127.0.0.1, never 0.0.0.0, :: or a LAN address', async () => {
    const listen = vi.spyOn(net.Server.prototype, 'listen');
    const bridge = await startBridge(core, { port: 0, rendererDir: path.join(base, 'none') });
    try {
      const hosts = listen.mock.calls.map((args) => args[1]);
      expect(hosts).toEqual(['127.0.0.1']);
      const address = await new Promise<string>((resolve, reject) => {
        const socket = net.connect({ host: '127.0.0.1', port: bridge.port }, () => {
          resolve(socket.remoteAddress ?? '');
          socket.destroy();
        });
        socket.on('error', reject);
      });
      expect(address).toBe('127.0.0.1');
    } finally {
      listen.mockRestore();
      await bridge.close();
    }
  });

  it('cannot be reached on another interface of this machine', async () => {
    const bridge = await startBridge(core, { port: 0, rendererDir: path.join(base, 'none') });
    try {
      const others = Object.values(os.networkInterfaces())
        .flat()
        .filter((i): i is os.NetworkInterfaceInfo => !!i && !i.internal && i.family === 'IPv4')
        .map((i) => i.address);
      // 127.0.0.2 is loopback too, but not the address the bridge is bound to.
      for (const host of [...others, '127.0.0.2']) {
        const outcome = await new Promise<string>((resolve) => {
          const socket = net.connect({ host, port: bridge.port }, () => {
            socket.destroy();
            resolve('connected');
          });
          socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
        });
        expect(outcome, `reachable on ${host}`).not.toBe('connected');
      }
    } finally {
      await bridge.close();
    }
  });
});

describe('the bridge token', () => {
  it('is 256 random bits (43 base64url characters), new for every run', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const bridge = await startBridge(core, { port: 0, rendererDir: path.join(base, 'none') });
      tokens.push(bridge.token);
      await bridge.close();
    }
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('never appears in a response body or header', async () => {
    const bridge = await startBridge(core, { port: 0, rendererDir: path.join(base, 'none') });
    try {
      const answers = await Promise.all([
        send(bridge, { path: '/' }),
        send(bridge, { method: 'POST', path: '/api/app.info', body: '{}' }),
        send(bridge, {
          method: 'POST',
          path: '/api/app.info',
          headers: { Authorization: `Bearer ${bridge.token}` },
          body: '{}',
        }),
        send(bridge, { path: '/api/events?token=wrong' }),
        send(bridge, { path: '/', headers: { Host: 'evil.example' } }),
      ]);
      for (const answer of answers) {
        expect(answer.body).not.toContain(bridge.token);
        expect(JSON.stringify(answer.headers)).not.toContain(bridge.token);
      }
    } finally {
      await bridge.close();
    }
  });
});

describe('no CORS headers on any route', () => {
  it('sends no Access-Control-* header on the event stream, refusals, preflights and pages', async () => {
    const bridge = await startBridge(core, { port: 0, rendererDir: path.join(base, 'none') });
    const evil = { Origin: 'https://evil.example' };
    const preflight = {
      Origin: 'https://evil.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization, content-type',
      'Access-Control-Request-Private-Network': 'true',
    };
    try {
      const answers = await Promise.all([
        send(bridge, { path: `/api/events?token=${bridge.token}` }),
        send(bridge, { path: `/api/events?token=${bridge.token}`, headers: evil }),
        send(bridge, { method: 'OPTIONS', path: '/api/events', headers: preflight }),
        send(bridge, { method: 'OPTIONS', path: '/api/session.status', headers: preflight }),
        send(bridge, { method: 'OPTIONS', path: '/', headers: preflight }),
        send(bridge, {
          method: 'OPTIONS',
          path: '/api/app.info',
          headers: { ...preflight, Host: 'evil.example' },
        }),
        send(bridge, { method: 'POST', path: '/api/app.info', headers: evil, body: '{}' }),
        send(bridge, { path: '/index.html', headers: evil }),
        send(bridge, { path: '/missing.js' }),
      ]);
      for (const answer of answers) {
        const cors = Object.keys(answer.headers).filter((h) => h.toLowerCase().startsWith('access-control-'));
        expect(cors).toEqual([]);
      }
      // A preflight is never answered with success, so a browser never sends the real request.
      for (const answer of answers.slice(2, 6)) expect(answer.status).toBeGreaterThanOrEqual(400);
      // A foreign page cannot open the event stream even with a stolen token.
      expect(answers[1]!.status).toBe(403);
    } finally {
      await bridge.close();
    }
  });
});
