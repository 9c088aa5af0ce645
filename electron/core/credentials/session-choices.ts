import { AppError } from '../api/errors';
import type { LoginTarget } from './login-manager';
import { loginCommand } from './profile-view';
import type { ProfileInfo, ProfilesResult } from './profiles';
import { ssoCacheKey } from './token-cache';

/** The profile name of a tabletop exercise's simulated identity. */
export const TABLETOP_PROFILE = 'tabletop';
/** The simulated SSO start URL of a tabletop exercise. */
export const TABLETOP_START_URL = 'https://tabletop-exercise.awsapps.com/start';

/**
 * The simulated identity of a tabletop exercise, as a profile (pure). Its Identity Center lives
 * in the secondary region, so logins work during the primary region's outage.
 */
export function tabletopProfileInfo(secondaryRegion: string): ProfileInfo {
  return {
    name: TABLETOP_PROFILE,
    kind: 'sso-session',
    sources: [],
    region: secondaryRegion,
    sso: {
      sessionName: TABLETOP_PROFILE,
      startUrl: TABLETOP_START_URL,
      region: secondaryRegion,
      accountId: null,
      roleName: 'IncidentCommander',
      scopes: ['sso:account:access'],
    },
    roleArn: null,
    sourceProfile: null,
    credentialSource: null,
    missing: [],
    problems: [],
  };
}

/** The profile to act as: the remembered one, else `AWS_PROFILE`, else `default`, else the first (pure). */
export function chooseProfile(result: ProfilesResult, remembered: string | undefined): string | null {
  const names = new Set(result.profiles.map((p) => p.name));
  for (const candidate of [remembered, result.envProfile, 'default']) {
    if (candidate && names.has(candidate)) return candidate;
  }
  return result.profiles[0]?.name ?? null;
}

/** The error for a profile that does not exist: it lists the ones that do (pure). */
export function noSuchProfile(name: string, result: ProfilesResult): AppError {
  const names = result.profiles.map((p) => p.name);
  return new AppError(
    'NOT_FOUND',
    names.length > 0
      ? `There is no AWS profile "${name}". The profiles are: ${names.join(', ')}.`
      : `There is no AWS profile "${name}", and ${result.configFile || 'the AWS config file'} defines none: add one with \`aws configure sso\`.`,
    { profile: name, profiles: names },
  );
}

/**
 * What a login for a profile needs (pure): its SSO start URL and region, the cache key and the
 * token format. Throws a clear error for a profile that does not exist, is not SSO, or lacks a key.
 */
export function loginTargetFor(
  name: string | null,
  result: ProfilesResult,
  where: { tabletop: boolean; cacheDir: string },
): LoginTarget {
  const info = name ? result.profiles.find((p) => p.name === name) : undefined;
  if (!name || !info) throw noSuchProfile(name ?? '', result);
  if (!info.sso) {
    throw new AppError(
      'CREDENTIALS',
      `Profile "${name}" is not an SSO profile (it is ${info.kind}); there is nothing to log in to. Choose an SSO profile, or fix its credentials.`,
      { profile: name },
    );
  }
  const missing = info.missing.filter((m) => m.startsWith('sso_start_url') || m.startsWith('sso_region'));
  if (!info.sso.startUrl || !info.sso.region || missing.length > 0) {
    throw new AppError(
      'CREDENTIALS',
      `Profile "${name}" cannot log in: its SSO settings lack ${missing.join(', ') || 'sso_start_url or sso_region'}. ` +
        (info.problems.length > 0 ? `${info.problems.join(' ')} ` : '') +
        `Add them to the config file (or run \`aws configure sso --profile ${name}\`).`,
      { profile: name, missing },
    );
  }
  const scopes = info.sso.sessionName
    ? info.sso.scopes.length > 0
      ? info.sso.scopes
      : ['sso:account:access']
    : [];
  return {
    profile: name,
    startUrl: info.sso.startUrl,
    ssoRegion: info.sso.region,
    sessionName: info.sso.sessionName,
    scopes,
    cacheDir: where.cacheDir,
    cacheKey: where.tabletop ? TABLETOP_PROFILE : (ssoCacheKey(info.sso) ?? info.sso.startUrl),
    tabletop: where.tabletop,
    cliCommand: where.tabletop
      ? '(tabletop: approve the code in the app)'
      : (loginCommand(info) ?? `aws sso login --profile ${name}`),
  };
}

/** The profile of a name, if it exists (pure). */
export function findProfile(result: ProfilesResult, name: string | null): ProfileInfo | null {
  return (name && result.profiles.find((p) => p.name === name)) || null;
}
