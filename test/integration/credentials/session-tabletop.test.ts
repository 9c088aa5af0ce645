import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfilesView, SessionStatusView } from '../../../electron/core/api/calls/session';
import type { AppEvent } from '../../../electron/core/api/events';
import type { Result } from '../../../electron/core/api/result';
import { Core } from '../../../electron/core/app/core';

const root = path.resolve(import.meta.dirname, '../../..');
let dataDir: string;
let core: Core;
const events: AppEvent[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-session-'));
  core = await Core.create({
    dataDir,
    runbooksDir: path.join(root, 'runbooks'),
    env: { HOME: dataDir },
    scenario: 'us-east-1-outage',
    transport: 'http',
    version: 'test',
  });
  events.length = 0;
  core.events.subscribe((e) => events.push(e));
});

afterEach(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function call<T>(name: string, input: unknown = {}): Promise<T> {
  const result = (await core.dispatch(name, input, { via: 'test' })) as Result<T>;
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('the session in a tabletop exercise', () => {
  it('shows the simulated identity, that us-west-2 answers while us-east-1 does not, and the session expiry', async () => {
    const status = await call<SessionStatusView>('session.status');
    expect(status.mode).toBe('TABLETOP');
    expect(status.profile).toBe('tabletop');
    expect(status.identity?.accountId).toMatch(/^\d{12}$/);
    expect(status.identity?.role).toBeTruthy();
    const east = status.regions.find((r) => r.region === 'us-east-1');
    const west = status.regions.find((r) => r.region === 'us-west-2');
    expect(east).toMatchObject({ role: 'primary', reachable: false, error: { code: 'UNAVAILABLE' } });
    expect(west).toMatchObject({ role: 'secondary', reachable: true });
    expect(status.session?.state).toBe('valid');
    expect(status.session?.secondsLeft).toBeGreaterThan(7 * 3600);
    expect(status.canLogin).toBe(true);
    expect(events.some((e) => e.type === 'session.changed')).toBe(true);
  });

  it('lists the one simulated profile and refuses another', async () => {
    const profiles = await call<ProfilesView>('session.profiles');
    expect(profiles.profiles.map((p) => [p.name, p.kind])).toEqual([['tabletop', 'tabletop']]);
    expect(profiles.selected).toBe('tabletop');
    const result = await core.dispatch('session.select', { profile: 'prod' }, { via: 'test' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('tabletop') },
    });
  });

  it('starts a login whose code the facilitator approves in the app', async () => {
    const start = await call<{
      loginId: string;
      userCode: string;
      tabletop: boolean;
      canOpenBrowser: boolean;
    }>('session.login.start');
    expect(start.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(start.tabletop).toBe(true);
    expect(start.canOpenBrowser).toBe(false);
    expect(await call('session.login.poll', { loginId: start.loginId })).toMatchObject({ state: 'pending' });
    expect(await call('session.login.open', { loginId: start.loginId })).toMatchObject({ opened: false });
    await call('session.login.approveTabletop', { loginId: start.loginId });
    const done = await core.session.loginWait(start.loginId);
    expect(done.state).toBe('approved');
    expect(
      events
        .filter((e) => e.type === 'session.login')
        .map((e) => (e.type === 'session.login' ? e.login.state : '')),
    ).toEqual(['pending', 'approved']);
  });

  it('cancels a login, and answers unknown login ids clearly', async () => {
    const start = await call<{ loginId: string }>('session.login.start');
    expect(await call('session.login.cancel', { loginId: start.loginId })).toMatchObject({
      state: 'cancelled',
    });
    const unknown = await core.dispatch('session.login.poll', { loginId: 'nope' }, { via: 'test' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
