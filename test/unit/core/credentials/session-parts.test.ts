import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RegionReachView } from '../../../../electron/core/api/calls/session';
import { expiryNotice } from '../../../../electron/core/credentials/expiry-notice';
import { firstAnswer, identityView } from '../../../../electron/core/credentials/identity-view';
import { TABLETOP_PROFILE, TABLETOP_START_URL } from '../../../../electron/core/credentials/session-choices';
import {
  ensureTabletopToken,
  TABLETOP_SESSION_MS,
  tabletopProfiles,
} from '../../../../electron/core/credentials/tabletop-session';
import { readSsoToken, writeSsoToken } from '../../../../electron/core/credentials/token-cache';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('expiryNotice', () => {
  const expiring = { state: 'expiring' as const, expiresAt: '2026-11-26T04:00:00Z', secondsLeft: 600 };
  const expired = { state: 'expired' as const, expiresAt: '2026-11-26T04:00:00Z', secondsLeft: -5 };

  it('warns once while the session is expiring', () => {
    expect(expiryNotice(expiring, 'prod', undefined)).toEqual({
      mark: 'expiring',
      event: { type: 'session.expiring', profile: 'prod', expiresAt: expiring.expiresAt, secondsLeft: 600 },
    });
    expect(expiryNotice(expiring, 'prod', 'expiring')).toBeNull();
  });

  it('says once that it expired, even after the expiring warning', () => {
    const notice = { mark: 'expired', event: { type: 'session.expired', profile: 'prod', during: null } };
    expect(expiryNotice(expired, 'prod', undefined)).toEqual(notice);
    expect(expiryNotice(expired, 'prod', 'expiring')).toEqual(notice);
    expect(expiryNotice(expired, 'prod', 'expired')).toBeNull();
  });

  it('says nothing for a valid, missing or unreadable session', () => {
    for (const state of ['valid', 'missing', 'unreadable'] as const)
      expect(expiryNotice({ state, expiresAt: null, secondsLeft: null }, 'prod', undefined)).toBeNull();
  });
});

describe('the identity view', () => {
  const reach = (region: string, answered: boolean): RegionReachView => ({
    region,
    role: region === 'us-east-1' ? 'primary' : 'secondary',
    reachable: answered,
    accountId: answered ? '111122223333' : null,
    arn: answered
      ? 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_IncidentCommander_0123456789abcdef/ana@example.com'
      : null,
    error: answered ? null : { code: 'ECONNREFUSED', message: 'no answer' },
  });

  it('takes the first region that answered, and none when neither did', () => {
    expect(firstAnswer([reach('us-east-1', false), reach('us-west-2', true)])?.accountId).toBe(
      '111122223333',
    );
    expect(firstAnswer([reach('us-east-1', false), reach('us-west-2', false)])).toBeNull();
  });

  it('shows the permission set as the role, and the alias when known', () => {
    const answer = firstAnswer([reach('us-west-2', true)])!;
    expect(identityView(answer, 'prod-account')).toEqual({
      accountId: '111122223333',
      accountAlias: 'prod-account',
      arn: answer.arn,
      role: 'IncidentCommander',
      roleName: 'AWSReservedSSO_IncidentCommander_0123456789abcdef',
      sessionName: 'ana@example.com',
    });
  });
});

describe('the tabletop sign-in', () => {
  it('lists one simulated profile whose Identity Center is in the secondary region', () => {
    const result = tabletopProfiles('us-west-2');
    expect(result.profiles.map((p) => [p.name, p.sso?.region])).toEqual([[TABLETOP_PROFILE, 'us-west-2']]);
    expect(result.issues).toEqual([]);
  });

  it('writes an 8-hour session once, asking for the region only then', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-tabletop-'));
    dirs.push(dir);
    const now = new Date('2026-11-26T03:00:00.000Z');
    let asked = 0;
    const region = async () => {
      asked += 1;
      return 'us-west-2';
    };
    await ensureTabletopToken(dir, region, () => now);
    const token = await readSsoToken(dir, TABLETOP_PROFILE);
    expect(token).toMatchObject({ startUrl: TABLETOP_START_URL, region: 'us-west-2' });
    expect(Date.parse(token!.expiresAt) - now.getTime()).toBe(TABLETOP_SESSION_MS);
    expect(asked).toBe(1);

    // An exercise about expiry keeps its expired token: nothing is rewritten.
    await writeSsoToken(dir, TABLETOP_PROFILE, { accessToken: 'old', expiresAt: '2026-11-26T02:00:00Z' });
    await ensureTabletopToken(dir, region, () => now);
    expect((await readSsoToken(dir, TABLETOP_PROFILE))?.accessToken).toBe('old');
    expect(asked).toBe(1);
  });
});
