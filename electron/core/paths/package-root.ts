import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding the app's package.json, found by walking up from this module
 * (works from source under vitest, from `out/main/*.js`, and from an unpacked app).
 * Synchronous on purpose: it runs once at start-up.
 */
export function packageRootSync(from: string = fileURLToPath(import.meta.url)): string {
  let dir = path.dirname(from);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'runbooks'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the DR War Room package root above ${from}.`);
    dir = parent;
  }
}

/** The bundled runbooks folder. */
export function bundledRunbooksDirSync(): string {
  return path.join(packageRootSync(), 'runbooks');
}
