import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';

/** The project root (the e2e tests run the built app from here). */
export const projectRoot = path.resolve(import.meta.dirname, '..', '..', '..');

/** Where the suite saves the screenshots the README shows. */
export const screenshotDir = path.join(projectRoot, 'docs', 'screenshots');

/** Options of {@link startApp}. */
export interface StartAppOptions {
  /** Extra arguments to `dr-war-room serve` (e.g. `['--scenario', 'healthy']`). */
  args?: string[];
  /** Extra environment (HOME and the AWS file paths default to an empty temporary home: TABLETOP). */
  env?: NodeJS.ProcessEnv;
  /** Use this data folder instead of a new temporary one. */
  dataDir?: string;
}

/** A running app in browser mode with a Chromium page on it. */
export interface RunningApp {
  page: Page;
  context: BrowserContext;
  /** The address printed by `serve`, token included. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  home: string;
  /** Everything `serve` printed so far. */
  output(): string;
  /** Save a full-window screenshot as `docs/screenshots/<name>.png`; returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Start `dr-war-room serve --port 0` from the built output on a temporary data folder and home
 * (no AWS credentials: TABLETOP), wait for the address it prints, and open it in Chromium.
 */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const cli = path.join(projectRoot, 'bin', 'dr-war-room.js');
  if (!existsSync(path.join(projectRoot, 'out', 'renderer', 'index.html'))) {
    throw new Error('The app is not built: run `npm run build` before the end-to-end tests.');
  }
  const home = await mkdtemp(path.join(os.tmpdir(), 'drwr-home-'));
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'drwr-data-')));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'),
    ...options.env,
  };
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const url = await waitForUrl(child, () => printed);
  const parsed = new URL(url);
  const context = await launchChromium();
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);

  return {
    page,
    context,
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dataDir,
    home,
    output: () => printed,
    async screenshot(name: string) {
      await mkdir(screenshotDir, { recursive: true });
      const file = path.join(screenshotDir, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close().catch(() => undefined);
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      await rm(home, { recursive: true, force: true });
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForUrl(child: ChildProcess, printed: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve printed no address within 20 s:\n${printed()}`)),
      20_000,
    );
    const check = () => {
      const match = /https?:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(printed());
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with code ${code}:\n${printed()}`));
    });
  });
}
