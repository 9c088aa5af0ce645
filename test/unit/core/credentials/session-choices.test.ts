import { describe, expect, it } from 'vitest';
import type { ProfileInfo, ProfilesResult } from '../../../../electron/core/credentials/profiles';
import {
  chooseProfile,
  loginTargetFor,
  noSuchProfile,
  tabletopProfileInfo,
} from '../../../../electron/core/credentials/session-choices';

function profile(name: string, extra: Partial<ProfileInfo> = {}): ProfileInfo {
  return {
    name,
    kind: 'static',
    sources: ['credentials'],
    region: null,
    sso: null,
    roleArn: null,
    sourceProfile: null,
    credentialSource: null,
    missing: [],
    problems: [],
    ...extra,
  };
}

function result(profiles: ProfileInfo[], envProfile: string | null = null): ProfilesResult {
  return {
    profiles,
    issues: [],
    configFile: '/h/.aws/config',
    credentialsFile: '/h/.aws/credentials',
    envProfile,
  };
}

const sso = {
  sessionName: 'corp',
  startUrl: 'https://d-1.awsapps.com/start',
  region: 'us-east-1',
  accountId: '111122223333',
  roleName: 'IncidentCommander',
  scopes: [],
};

describe('choosing the profile', () => {
  it('prefers the remembered profile, then AWS_PROFILE, then default, then the first', () => {
    const all = result([profile('a'), profile('default'), profile('env')], 'env');
    expect(chooseProfile(all, 'a')).toBe('a');
    expect(chooseProfile(all, 'gone')).toBe('env');
    expect(chooseProfile(result([profile('a'), profile('default')]), undefined)).toBe('default');
    expect(chooseProfile(result([profile('b'), profile('a')]), undefined)).toBe('b');
    expect(chooseProfile(result([]), 'a')).toBeNull();
  });

  it('lists the existing profiles when one is missing', () => {
    expect(noSuchProfile('x', result([profile('a'), profile('b')])).message).toBe(
      'There is no AWS profile "x". The profiles are: a, b.',
    );
    expect(noSuchProfile('x', result([])).message).toMatch(/defines none: add one with `aws configure sso`/);
  });
});

describe('the login target of a profile', () => {
  it('uses the sso-session name as the cache key and the default scope', () => {
    const target = loginTargetFor('prod', result([profile('prod', { kind: 'sso-session', sso })]), {
      tabletop: false,
      cacheDir: '/h/.aws/sso/cache',
    });
    expect(target).toEqual({
      profile: 'prod',
      startUrl: sso.startUrl,
      ssoRegion: 'us-east-1',
      sessionName: 'corp',
      scopes: ['sso:account:access'],
      cacheDir: '/h/.aws/sso/cache',
      cacheKey: 'corp',
      tabletop: false,
      cliCommand: 'aws sso login --profile prod',
    });
  });

  it('uses the start URL as the key of a legacy profile, without scopes', () => {
    const legacy = { ...sso, sessionName: null };
    const target = loginTargetFor(
      'default',
      result([profile('default', { kind: 'sso-legacy', sso: legacy })]),
      {
        tabletop: false,
        cacheDir: '/c',
      },
    );
    expect(target).toMatchObject({ cacheKey: sso.startUrl, scopes: [], cliCommand: 'aws sso login' });
  });

  it('refuses non-SSO profiles and names the missing SSO key', () => {
    const all = result([
      profile('keys'),
      profile('half', {
        kind: 'sso-legacy',
        sso: { ...sso, sessionName: null, region: null },
        missing: ['sso_region'],
      }),
    ]);
    expect(() => loginTargetFor('keys', all, { tabletop: false, cacheDir: '/c' })).toThrow(
      /Profile "keys" is not an SSO profile \(it is static\)/,
    );
    expect(() => loginTargetFor('half', all, { tabletop: false, cacheDir: '/c' })).toThrow(
      /its SSO settings lack sso_region/,
    );
    expect(() => loginTargetFor('nope', all, { tabletop: false, cacheDir: '/c' })).toThrow(
      'There is no AWS profile "nope". The profiles are: keys, half.',
    );
  });

  it('gives the tabletop identity an Identity Center in the secondary region', () => {
    const info = tabletopProfileInfo('us-west-2');
    expect(info.sso).toMatchObject({ region: 'us-west-2', sessionName: 'tabletop' });
    expect(loginTargetFor('tabletop', result([info]), { tabletop: true, cacheDir: '/d' })).toMatchObject({
      cacheKey: 'tabletop',
      tabletop: true,
      ssoRegion: 'us-west-2',
    });
  });
});
