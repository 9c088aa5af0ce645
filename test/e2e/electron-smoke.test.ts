import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { existsSync } from 'node:fs';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/** `scripts/electron-binary.mjs`, loaded by URL (a plain .mjs helper shared with `npm start`). */
const { electronBinaryPath } = (await import(
  pathToFileURL(path.join(projectRoot, 'scripts', 'electron-binary.mjs')).href
)) as { electronBinaryPath: () => string | null };

const binary = electronBinaryPath();
const built = existsSync(path.join(projectRoot, 'out', 'main', 'index.js'));
const skipReason = !binary
  ? 'the Electron binary is not installed on this machine (it could not be downloaded)'
  : !built
    ? 'the app is not built: run `npm run build` first'
    : null;
if (skipReason) console.warn(`electron-smoke: skipped because ${skipReason}.`);

describe.skipIf(skipReason !== null)('the desktop app (Electron, driven by Playwright)', () => {
  let app: ElectronApplication;
  let home: string;

  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'drwr-electron-home-'));
    app = await _electron.launch({
      executablePath: binary ?? undefined,
      args: [projectRoot, '--no-sandbox'],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'),
        ...(process.env.DISPLAY ? { DISPLAY: process.env.DISPLAY } : {}),
      },
    });
  });

  afterAll(async () => {
    await app?.close();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('opens one window titled DR War Room on the app origin', async () => {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    expect(await window.title()).toBe('DR War Room');
    expect(window.url()).toMatch(/^app:\/\/dr-war-room\//);
    expect(app.windows()).toHaveLength(1);
  });

  it('shows the five stages of the DR procedure, in order', async () => {
    const window = await app.firstWindow();
    const rail = window.getByRole('navigation', { name: 'DR procedure stages' });
    await rail.waitFor();
    expect(await rail.locator('.stage-title').allTextContents()).toEqual([
      'Assess',
      'Activate',
      'Recover',
      'Validate',
      'Document',
    ]);
  });

  it('gives the page no Node.js', async () => {
    const window = await app.firstWindow();
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
      'undefined',
    );
  });
});
