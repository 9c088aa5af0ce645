import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../../electron/core/api/events';
import { SessionService } from '../../../../electron/core/credentials/session-service';
import { ssoCacheFile } from '../../../../electron/core/credentials/token-cache';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/aws');
let home: string;
let now: Date;
let events: AppEvent[];
let service: SessionService;

beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'drwr-expiry-'));
  await mkdir(path.join(home, '.aws', 'sso', 'cache'), { recursive: true });
  await copyFile(
    path.join(fixtures, 'sso-cache', 'expiring.json'),
    ssoCacheFile(path.join(home, '.aws', 'sso', 'cache'), 'corp'),
  );
  await writeFile(path.join(home, 'settings-placeholder'), '');
  now = new Date('2026-11-26T03:50:00Z');
  events = [];
  service = new SessionService({
    dataDir: home,
    env: {
      HOME: home,
      AWS_CONFIG_FILE: path.join(fixtures, 'config-all-kinds'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(fixtures, 'credentials-all-kinds'),
      AWS_PROFILE: 'prod-commander',
    },
    mode: 'LIVE',
    regions: async () => ({ primary: 'us-east-1', secondary: 'us-west-2' }),
    emit: (e) => events.push(e),
    now: () => now,
  });
});

afterEach(async () => {
  await service.close();
  await rm(home, { recursive: true, force: true });
});

describe('session expiry warnings', () => {
  it('says nothing while more than 15 minutes are left', async () => {
    expect((await service.checkExpiry())?.state).toBe('valid');
    expect(events).toEqual([]);
  });

  it('warns once at 15 minutes, and says once when the session expired', async () => {
    now = new Date('2026-11-26T03:56:00Z');
    expect((await service.checkExpiry())?.state).toBe('expiring');
    await service.checkExpiry();
    expect(events).toEqual([
      {
        type: 'session.expiring',
        profile: 'prod-commander',
        expiresAt: '2026-11-26T04:10:00.000Z',
        secondsLeft: 840,
      },
    ]);
    now = new Date('2026-11-26T04:10:01Z');
    expect((await service.checkExpiry())?.state).toBe('expired');
    await service.checkExpiry();
    expect(events.slice(1)).toEqual([{ type: 'session.expired', profile: 'prod-commander', during: null }]);
  });

  it('says nothing for profiles without an SSO session', async () => {
    await service.select('dr-role', { remember: false }).catch(() => undefined);
    events.length = 0;
    expect(await service.checkExpiry()).toBeNull();
    expect(events.filter((e) => e.type === 'session.expiring' || e.type === 'session.expired')).toEqual([]);
  });
});
