import type { ProfileView, SsoSessionView } from '../api/calls/session';
import type { ProfileInfo } from './profiles';

/** The AWS CLI command that logs a profile in outside the app (SSO profiles only). */
export function loginCommand(profile: Pick<ProfileInfo, 'name' | 'kind'>): string | null {
  if (profile.kind !== 'sso-session' && profile.kind !== 'sso-legacy') return null;
  return profile.name === 'default' ? 'aws sso login' : `aws sso login --profile ${profile.name}`;
}

/** The view of a profile for the UI and the CLI (pure; nothing secret is in a ProfileInfo). */
export function toProfileView(profile: ProfileInfo, session: SsoSessionView | null): ProfileView {
  return {
    name: profile.name,
    kind: profile.kind,
    sources: profile.sources,
    region: profile.region,
    ssoStartUrl: profile.sso?.startUrl ?? null,
    ssoRegion: profile.sso?.region ?? null,
    ssoSessionName: profile.sso?.sessionName ?? null,
    accountId: profile.sso?.accountId ?? null,
    roleName: profile.sso?.roleName ?? null,
    roleArn: profile.roleArn,
    sourceProfile: profile.sourceProfile,
    missing: profile.missing,
    problems: profile.problems,
    session,
    loginCommand: loginCommand(profile),
  };
}
