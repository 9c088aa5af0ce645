import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStaticFile } from '../../../electron/bridge/static-files';

describe('readStaticFile', () => {
  let base: string;
  let root: string;

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'drwr-static-'));
    root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(path.join(root, 'assets', 'main.js'), 'console.log(1)');
    await writeFile(path.join(root, 'assets', 'blob.bin'), 'x');
    await writeFile(path.join(root, 'a file.css'), 'body{}');
    // Secrets beside the renderer folder, and a sibling whose name starts like it.
    await writeFile(path.join(base, 'secret.txt'), 'top secret');
    await mkdir(path.join(base, 'renderer-private'));
    await writeFile(path.join(base, 'renderer-private', 'key.txt'), 'private');
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('serves / as index.html, as HTML', async () => {
    const file = await readStaticFile(root, '/');
    expect(file?.body.toString()).toContain('<title>app</title>');
    expect(file?.contentType).toBe('text/html; charset=utf-8');
  });

  it('serves an asset with its content type, and an unknown kind as octet-stream', async () => {
    expect((await readStaticFile(root, '/assets/main.js'))?.contentType).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await readStaticFile(root, '/assets/blob.bin'))?.contentType).toBe('application/octet-stream');
  });

  it('decodes percent-encoded names', async () => {
    expect((await readStaticFile(root, '/a%20file.css'))?.body.toString()).toBe('body{}');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2F..%2Fsecret.txt',
    '/../renderer-private/key.txt',
    '/%2e%2e%2frenderer-private%2fkey.txt',
    '//etc/passwd',
    '/%2Fetc%2Fpasswd',
  ])('refuses the path traversal %s', async (urlPath) => {
    expect(await readStaticFile(root, urlPath)).toBeNull();
  });

  it('refuses a NUL byte and a broken percent-encoding', async () => {
    expect(await readStaticFile(root, '/index.html%00.png')).toBeNull();
    expect(await readStaticFile(root, '/%E0%A4%A')).toBeNull();
  });

  it('gives null for a folder and a missing file', async () => {
    expect(await readStaticFile(root, '/assets')).toBeNull();
    expect(await readStaticFile(root, '/assets/')).toBeNull();
    expect(await readStaticFile(root, '/missing.js')).toBeNull();
  });

  it('gives null when the renderer is not built', async () => {
    expect(await readStaticFile(path.join(base, 'not-built'), '/')).toBeNull();
  });
});
