import { chmod, mkdir } from 'node:fs/promises';

/**
 * Create a folder (and its parents) readable only by the current user (0700).
 * An existing folder is tightened to 0700 as well. Returns the folder.
 */
export async function ensurePrivateDir(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') await chmod(dir, 0o700);
  return dir;
}
