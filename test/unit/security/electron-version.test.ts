import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The oldest Electron major the app may ship with. Electron supports the latest three stable
 * majors with security fixes (https://www.electronjs.org/docs/latest/tutorial/electron-timelines);
 * raise this floor when a new major comes out and the oldest one leaves support.
 */
const SUPPORTED_ELECTRON_MAJOR_FLOOR = 43;

const root = path.resolve(import.meta.dirname, '../../..');

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(root, file), 'utf8')) as T;
}

function major(version: string): number {
  const match = /(\d+)\.\d+\.\d+/.exec(version);
  if (!match) throw new Error(`not a version: ${version}`);
  return Number(match[1]);
}

describe('a current Electron', () => {
  it(`the installed electron is major ${SUPPORTED_ELECTRON_MAJOR_FLOOR} or later`, async () => {
    const installed = await readJson<{ version: string }>('node_modules/electron/package.json');
    expect(major(installed.version)).toBeGreaterThanOrEqual(SUPPORTED_ELECTRON_MAJOR_FLOOR);
  });

  it('package.json asks for a supported major, and the committed lockfile pins the installed one', async () => {
    const pkg = await readJson<{ devDependencies: Record<string, string> }>('package.json');
    const range = pkg.devDependencies['electron'];
    expect(range, 'electron must be a devDependency').toBeDefined();
    expect(major(range!.replace(/^[\^~>=]+/, ''))).toBeGreaterThanOrEqual(SUPPORTED_ELECTRON_MAJOR_FLOOR);
    const lock = await readJson<{ packages: Record<string, { version?: string }> }>('package-lock.json');
    const installed = await readJson<{ version: string }>('node_modules/electron/package.json');
    expect(lock.packages['node_modules/electron']?.version).toBe(installed.version);
  });
});
