import { mkdtemp, readdir, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir } from '../../../../electron/core/fs/ensure-private-dir';
import { isAlreadyExists, writeFileAtomic } from '../../../../electron/core/fs/write-file-atomic';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-fs-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes a 0600 file and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'a.txt');
    await writeFileAtomic(file, 'hello');
    expect(await readFile(file, 'utf8')).toBe('hello');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('replaces a file whole by default', async () => {
    const file = path.join(dir, 'a.txt');
    await writeFile(file, 'old content that is longer');
    await writeFileAtomic(file, Buffer.from('new'));
    expect(await readFile(file, 'utf8')).toBe('new');
  });

  it('in exclusive mode refuses to overwrite, keeps the old content, and cleans up', async () => {
    const file = path.join(dir, 'record.md');
    await writeFileAtomic(file, 'first', { exclusive: true });
    const error = await writeFileAtomic(file, 'second', { exclusive: true }).catch((e: unknown) => e);
    expect(isAlreadyExists(error)).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('first');
    expect(await readdir(dir)).toEqual(['record.md']);
  });

  it('exclusive writers racing for one name: exactly one wins', async () => {
    const file = path.join(dir, 'race.json');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => writeFileAtomic(file, `writer ${i}`, { exclusive: true })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await readFile(file, 'utf8')).toMatch(/^writer \d+$/);
    expect(await readdir(dir)).toEqual(['race.json']);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'x'), 'x')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

describe('ensurePrivateDir', () => {
  it('creates nested folders 0700 and tightens an existing one', async () => {
    const nested = path.join(dir, 'a', 'b');
    await ensurePrivateDir(nested);
    expect((await stat(nested)).mode & 0o777).toBe(0o700);
    await chmod(nested, 0o755);
    await ensurePrivateDir(nested);
    expect((await stat(nested)).mode & 0o777).toBe(0o700);
  });
});
