import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * Dependencies are pinned by a committed lockfile that matches package.json, so every install
 * (and every advisory scan) sees exactly the versions that were reviewed.
 */

const root = path.resolve(import.meta.dirname, '../../..');

interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

interface Lockfile {
  lockfileVersion: number;
  packages: Record<
    string,
    {
      version?: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
      dev?: boolean;
    }
  >;
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(root, file), 'utf8')) as T;
}

describe('the lockfile', () => {
  it('is committed', async () => {
    const { stdout } = await promisify(execFile)(
      'git',
      ['ls-files', '--error-unmatch', 'package-lock.json'],
      {
        cwd: root,
      },
    );
    expect(stdout.trim()).toBe('package-lock.json');
  });

  it('records exactly the ranges of package.json, and a version for each', async () => {
    const pkg = await readJson<PackageJson>('package.json');
    const lock = await readJson<Lockfile>('package-lock.json');
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    const rootEntry = lock.packages[''];
    expect(rootEntry?.dependencies).toEqual(pkg.dependencies);
    expect(rootEntry?.devDependencies).toEqual(pkg.devDependencies);
    for (const name of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]) {
      expect(lock.packages[`node_modules/${name}`]?.version, name).toMatch(/^\d+\.\d+\.\d+/);
    }
  });

  it('keeps build tools out of the production dependencies (Electron, the builder, test tools)', async () => {
    const pkg = await readJson<PackageJson>('package.json');
    const production = Object.keys(pkg.dependencies);
    for (const tool of [
      'electron',
      'electron-builder',
      'electron-vite',
      'vitest',
      'playwright-core',
      'vite',
    ]) {
      expect(production, tool).not.toContain(tool);
    }
    const lock = await readJson<Lockfile>('package-lock.json');
    expect(lock.packages['node_modules/electron']?.dev).toBe(true);
  });
});
