import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/security/csp';

/** A mocked `electron.protocol` that records the scheme privileges and the handler. */
const electron = vi.hoisted(() => {
  const state: {
    privileges: unknown[];
    handler: ((request: Request) => Promise<Response>) | null;
    scheme: string | null;
  } = { privileges: [], handler: null, scheme: null };
  return {
    state,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileges.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        state.scheme = scheme;
        state.handler = handler;
      },
    },
  };
});
vi.mock('electron', () => ({ protocol: electron.protocol }));

const { registerAppSchemePrivileges, serveRenderer } = await import('../../../electron/main/app-protocol');

describe('the app:// protocol', () => {
  let base: string;

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'drwr-protocol-'));
    await mkdir(path.join(base, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(base, 'renderer', 'index.html'), '<!doctype html><title>DR War Room</title>');
    await writeFile(path.join(base, 'renderer', 'assets', 'app.js'), 'export {};');
    await writeFile(path.join(base, 'secret.txt'), 'top secret');
    serveRenderer(path.join(base, 'renderer'));
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const get = (url: string) => {
    if (!electron.state.handler) throw new Error('no protocol handler');
    return electron.state.handler(new Request(url));
  };

  it('registers app:// as a standard, secure scheme (a real origin for the CSP)', () => {
    registerAppSchemePrivileges();
    expect(electron.state.privileges).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the page on app://dr-war-room with the security headers', async () => {
    expect(electron.state.scheme).toBe('app');
    const response = await get('app://dr-war-room/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>DR War Room</title>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their content type', async () => {
    const response = await get('app://dr-war-room/assets/app.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for another host, a missing file and a way out of the renderer folder', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://dr-war-room/missing.js')).status).toBe(404);
    const traversal = await get('app://dr-war-room/%2e%2e/secret.txt');
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).not.toContain('top secret');
  });
});
