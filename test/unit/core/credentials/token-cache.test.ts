import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cliTime,
  readSsoToken,
  sessionStateAt,
  ssoCacheFile,
  ssoCacheKey,
  ssoSessionStatus,
  writeSsoToken,
} from '../../../../electron/core/credentials/token-cache';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/aws/sso-cache');
const NOW = new Date('2026-11-26T04:00:00Z');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function installFile(file: string, key: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await copyFile(path.join(fixtures, file), ssoCacheFile(dir, key));
}

async function install(fixture: string, key: string): Promise<void> {
  await installFile(`${fixture}.json`, key);
}

describe('the SSO token cache', () => {
  it('keys files by sha1 of the sso-session name, or of the start URL for legacy profiles', () => {
    expect(ssoCacheKey({ sessionName: 'corp', startUrl: 'https://x.awsapps.com/start' })).toBe('corp');
    expect(ssoCacheKey({ sessionName: null, startUrl: 'https://x.awsapps.com/start' })).toBe(
      'https://x.awsapps.com/start',
    );
    const sha = createHash('sha1').update('corp').digest('hex');
    expect(ssoCacheFile('/c', 'corp')).toBe(`/c/${sha}.json`);
  });

  it.each([
    ['valid', 'valid', 8 * 3600],
    ['expiring', 'expiring', 600],
    ['expired', 'expired', -3600],
  ] as const)('tells a %s token apart (no token text in the status)', async (fixture, state, seconds) => {
    await install(fixture, 'corp');
    const status = await ssoSessionStatus(dir, 'corp', NOW);
    expect(status.state).toBe(state);
    expect(status.secondsLeft).toBe(seconds);
    expect(JSON.stringify(status)).not.toMatch(/DO-NOT-LEAK/);
  });

  it('says missing when there is no cache file, and unreadable (with the file) when it is broken', async () => {
    expect(await ssoSessionStatus(dir, 'corp', NOW)).toEqual({
      state: 'missing',
      expiresAt: null,
      secondsLeft: null,
    });
    await installFile('broken.txt', 'corp');
    const status = await ssoSessionStatus(dir, 'corp', NOW);
    expect(status.state).toBe('unreadable');
    expect(status.problem).toContain(ssoCacheFile(dir, 'corp'));
    expect(status.problem).toMatch(/not valid JSON; log in again/);
  });

  it('warns from 15 minutes before expiry', () => {
    expect(sessionStateAt(new Date(NOW.getTime() + 15 * 60_000 + 1000), NOW).state).toBe('valid');
    expect(sessionStateAt(new Date(NOW.getTime() + 15 * 60_000), NOW).state).toBe('expiring');
    expect(sessionStateAt(NOW, NOW).state).toBe('expired');
  });

  it('writes the AWS CLI format atomically with owner-only permissions, and reads it back', async () => {
    const token = {
      startUrl: 'https://d-9067642ac7.awsapps.com/start',
      region: 'us-east-1',
      accessToken: 'token-1',
      expiresAt: cliTime(new Date('2026-11-26T12:00:00.123Z')),
    };
    const file = await writeSsoToken(path.join(dir, 'nested', 'cache'), 'corp', token);
    expect(token.expiresAt).toBe('2026-11-26T12:00:00Z');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(token);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect(await readSsoToken(path.join(dir, 'nested', 'cache'), 'corp')).toEqual(token);
  });
});
