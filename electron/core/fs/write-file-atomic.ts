import { randomBytes } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from './fsync-dir';

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Refuse to replace an existing file (fails with an `EEXIST` error, nothing written). */
  exclusive?: boolean;
  /** File mode of the new file (default 0600: only the current user). */
  mode?: number;
}

/**
 * Write a file so that readers (and a crash) only ever see the old content or the whole new one:
 * a temporary file (0600) in the same folder, fsync, then rename over the target (or, in
 * `exclusive` mode, a hard link that fails if the target exists), then fsync the folder.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', options.mode ?? 0o600);
  let moved = false;
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive) {
      // link(2) is atomic and refuses an existing name: no window where another writer's file is replaced.
      await link(temp, file);
    } else {
      await rename(temp, file);
      moved = true;
    }
    await fsyncDir(dir);
  } finally {
    if (!moved) await unlink(temp).catch(() => undefined);
  }
}

/** True when an error is "the file already exists" (from an exclusive write). */
export function isAlreadyExists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EEXIST';
}
