import { open } from 'node:fs/promises';

/**
 * Flush a folder's entries (a new or renamed file name) to disk.
 * Windows cannot open folders for fsync; there the rename itself is the best available.
 */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
