import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfiles, type ProfileInfo } from '../../../../electron/core/credentials/profiles';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/aws');

function env(config: string, credentials: string): NodeJS.ProcessEnv {
  return {
    HOME: '/nonexistent-home',
    AWS_CONFIG_FILE: path.join(fixtures, config),
    AWS_SHARED_CREDENTIALS_FILE: path.join(fixtures, credentials),
  };
}

function byName(profiles: ProfileInfo[], name: string): ProfileInfo {
  const found = profiles.find((p) => p.name === name);
  if (!found) throw new Error(`no profile ${name} in ${profiles.map((p) => p.name).join(', ')}`);
  return found;
}

describe('loadProfiles', () => {
  it('reads every kind of profile with the SDK loaders, from AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE', async () => {
    const result = await loadProfiles(env('config-all-kinds', 'credentials-all-kinds'));
    expect(result.issues).toEqual([]);
    expect(result.profiles[0]?.name).toBe('default');
    const kinds = Object.fromEntries(result.profiles.map((p) => [p.name, p.kind]));
    expect(kinds).toEqual({
      default: 'static',
      'ci-process': 'credential-process',
      'dr-role': 'assume-role',
      'half-static': 'static',
      'legacy-sso': 'sso-legacy',
      nested: 'config-only',
      plain: 'config-only',
      'prod-commander': 'sso-session',
      'role-dangling': 'assume-role',
      'sso-incomplete': 'sso-session',
      'sso-no-session': 'sso-session',
      'static-only': 'static',
    });
  });

  it('gives SSO start URL and region, account id, role name and default region', async () => {
    const { profiles } = await loadProfiles(env('config-all-kinds', 'credentials-all-kinds'));
    expect(byName(profiles, 'prod-commander')).toMatchObject({
      region: 'us-east-1',
      sources: ['config'],
      sso: {
        sessionName: 'corp',
        startUrl: 'https://d-9067642ac7.awsapps.com/start',
        region: 'us-east-1',
        accountId: '111122223333',
        roleName: 'IncidentCommander',
        scopes: ['sso:account:access'],
      },
      missing: [],
      problems: [],
    });
    expect(byName(profiles, 'legacy-sso').sso).toMatchObject({
      sessionName: null,
      startUrl: 'https://legacy-corp.awsapps.com/start',
      region: 'us-west-2',
      accountId: '444455556666',
      roleName: 'ReadOnly',
    });
    expect(byName(profiles, 'dr-role')).toMatchObject({
      roleArn: 'arn:aws:iam::111122223333:role/DrWarRoomRecovery',
      sourceProfile: 'default',
      problems: [],
    });
    expect(byName(profiles, 'default').sources).toEqual(['config', 'credentials']);
  });

  it('names the missing key of incomplete profiles and dangling references', async () => {
    const { profiles } = await loadProfiles(env('config-all-kinds', 'credentials-all-kinds'));
    expect(byName(profiles, 'sso-incomplete').missing).toEqual(['sso_account_id']);
    expect(byName(profiles, 'sso-no-session').problems).toEqual([
      'sso_session = missing-session, but the config file has no [sso-session missing-session] section.',
    ]);
    expect(byName(profiles, 'half-static').missing).toEqual(['aws_secret_access_key']);
    expect(byName(profiles, 'role-dangling').problems).toEqual([
      'source_profile "does-not-exist" does not exist.',
    ]);
  });

  it('never carries a secret or an access key id', async () => {
    const result = await loadProfiles(env('config-all-kinds', 'credentials-all-kinds'));
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/CANARY|DO-NOT-LEAK/);
  });

  it('reports malformed lines with file and line, and still lists the other profiles', async () => {
    const result = await loadProfiles(env('config-broken', 'credentials-broken'));
    const configFile = path.join(fixtures, 'config-broken');
    const credentialsFile = path.join(fixtures, 'credentials-broken');
    const issues = result.issues.map((i) => `${path.basename(i.file)}:${i.line}: ${i.message}`);
    expect(issues).toEqual([
      'config-broken:4: expected "key = value", found "orphan setting without equals".',
      'config-broken:8: in the config file, profile sections are written [profile not-a-profile]; [not-a-profile] is ignored.',
      'config-broken:11: the section header "[profile unclosed" is not closed with "]".',
      'config-broken:14: the profile name "with space" has characters the AWS SDK does not accept (no spaces; letters, digits and - _ . @ + % : /); the section is ignored.',
      'config-broken:17: "__proto__" is not allowed as a profile name; the SDK refuses the whole file because of it.',
      'config-broken:22: a setting has no name before "=".',
      'config-broken:23: an indented setting that belongs to no "key =" block above it; remove the indentation.',
      'credentials-broken:1: "stray = before any section" comes before any [section]: move it under a profile.',
      'credentials-broken:5: in the credentials file, write [wrong-prefix], not [profile wrong-prefix].',
    ]);
    expect(result.issues[0]?.file).toBe(configFile);
    expect(result.issues.at(-1)?.file).toBe(credentialsFile);
    // Despite the __proto__ section (which makes the SDK drop the whole file), the rest still lists.
    const names = result.profiles.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['default', 'good-one', 'after-fatal']));
    expect(names).not.toContain('__proto__');
    expect(byName(result.profiles, 'after-fatal').region).toBe('eu-central-1');
  });

  it('lists nothing, without error, when the files do not exist', async () => {
    const result = await loadProfiles({ HOME: '/nonexistent-home' });
    expect(result.profiles).toEqual([]);
    expect(result.issues).toEqual([]);
    expect(result.configFile).toBe('/nonexistent-home/.aws/config');
  });

  it('reports AWS_PROFILE', async () => {
    const result = await loadProfiles({
      ...env('config-all-kinds', 'credentials-all-kinds'),
      AWS_PROFILE: 'dr-role',
    });
    expect(result.envProfile).toBe('dr-role');
  });
});
