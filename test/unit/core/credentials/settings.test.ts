import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSessionSettings, writeSessionSettings } from '../../../../electron/core/credentials/settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('session settings', () => {
  it('remembers the last profile in settings.json, keeping other settings', async () => {
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ theme: 'dark' }));
    expect(await readSessionSettings(dir)).toEqual({});
    await writeSessionSettings(dir, { lastProfile: 'prod-commander' });
    expect(await readSessionSettings(dir)).toEqual({ lastProfile: 'prod-commander' });
    expect(JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'))).toEqual({
      theme: 'dark',
      session: { lastProfile: 'prod-commander' },
    });
  });

  it('treats a broken settings file as empty and replaces it on the next choice', async () => {
    await writeFile(path.join(dir, 'settings.json'), '{broken');
    expect(await readSessionSettings(dir)).toEqual({});
    await writeSessionSettings(dir, { lastProfile: 'a' });
    expect(await readSessionSettings(dir)).toEqual({ lastProfile: 'a' });
  });
});
