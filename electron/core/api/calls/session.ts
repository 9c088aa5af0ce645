import { z } from 'zod';
import { defineCall } from '../define-call';
import type { AppMode } from './app';

/** How a profile gets its credentials (`tabletop` is the simulated identity of an exercise). */
export type ProfileKindView =
  'sso-session' | 'sso-legacy' | 'static' | 'assume-role' | 'credential-process' | 'config-only' | 'tabletop';

/** The cached SSO session of a profile: its state and expiry, never the token. */
export interface SsoSessionView {
  state: 'valid' | 'expiring' | 'expired' | 'missing' | 'unreadable';
  /** ISO 8601 UTC. */
  expiresAt: string | null;
  /** Seconds left when the value was computed (negative once expired). */
  secondsLeft: number | null;
  /** Why the cache could not be read. */
  problem?: string;
}

/** One AWS profile as the picker and `dr-war-room profiles` show it (no secrets, no key ids). */
export interface ProfileView {
  name: string;
  kind: ProfileKindView;
  /** Which files define it. */
  sources: ('config' | 'credentials')[];
  region: string | null;
  ssoStartUrl: string | null;
  ssoRegion: string | null;
  ssoSessionName: string | null;
  accountId: string | null;
  roleName: string | null;
  roleArn: string | null;
  sourceProfile: string | null;
  /** Settings the profile needs but lacks (e.g. `sso_account_id`). */
  missing: string[];
  /** Other problems, as sentences. */
  problems: string[];
  /** SSO profiles: the cached session's state. */
  session: SsoSessionView | null;
  /** SSO profiles: the AWS CLI command that logs in outside the app. */
  loginCommand: string | null;
}

/** A malformed line of an AWS config or credentials file. */
export interface ConfigIssueView {
  file: string;
  line: number;
  message: string;
  section?: string;
}

/** Every profile, the file problems, and the chosen profile. */
export interface ProfilesView {
  mode: AppMode;
  profiles: ProfileView[];
  issues: ConfigIssueView[];
  /** The profile the app acts as (remembered across starts). */
  selected: string | null;
  configFile: string;
  credentialsFile: string;
}

/** Whether one region's STS answered. */
export interface RegionReachView {
  region: string;
  role: 'primary' | 'secondary';
  reachable: boolean;
  accountId: string | null;
  arn: string | null;
  error: { code: string; message: string } | null;
}

/** Who the app acts as. */
export interface IdentityView {
  accountId: string;
  /** The account's alias or SSO display name, if known. */
  accountAlias: string | null;
  arn: string;
  /** A readable role (`IncidentCommander` for an SSO permission set). */
  role: string | null;
  /** The IAM role name. */
  roleName: string | null;
  sessionName: string | null;
}

/** The session as the header shows it. */
export interface SessionStatusView {
  mode: AppMode;
  profile: string | null;
  profileKind: ProfileKindView | null;
  /** Null until STS answered in at least one region. */
  identity: IdentityView | null;
  /** STS reachability in the primary and the secondary region. */
  regions: RegionReachView[];
  /** SSO profiles: the cached session's expiry. */
  session: SsoSessionView | null;
  /** Warn this many seconds before expiry. */
  warnAtSeconds: number;
  /** True while AWS work waits for a login. */
  paused: boolean;
  /** True when the in-app login applies to this profile. */
  canLogin: boolean;
  /** The AWS CLI alternative to the in-app login. */
  loginCommand: string | null;
  /** ISO 8601 UTC of the identity check. */
  checkedAt: string;
}

/** A started in-app login: what the user needs, never a token or client secret. */
export interface LoginStartView {
  loginId: string;
  profile: string;
  userCode: string;
  verificationUri: string;
  /** The URL with the code filled in (what "Open browser" opens). */
  verificationUriComplete: string;
  /** When the code stops working (ISO 8601 UTC). */
  expiresAt: string;
  intervalSeconds: number;
  /** The AWS CLI alternative. */
  cliCommand: string;
  /** True when the app may open the URL in the system browser. */
  canOpenBrowser: boolean;
  /** Tabletop: the facilitator approves in the app instead of a browser. */
  tabletop: boolean;
}

/** The state of an in-app login. */
export interface LoginStateView {
  loginId: string;
  profile: string;
  state: 'pending' | 'approved' | 'expired' | 'denied' | 'cancelled' | 'failed';
  /** A sentence for the dialog. */
  message: string;
  /** After approval: when the new session expires (ISO 8601 UTC). */
  sessionExpiresAt: string | null;
}

const loginIdInput = z.object({ loginId: z.string().min(1).max(100) }).strict();
const profileName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w\-@+.%:/]+$/, 'a profile name has letters, digits and - _ . @ + % : / only');

/** Calls about the AWS session: profiles, identity, expiry and the in-app SSO login. */
export const sessionCalls = {
  'session.profiles': defineCall<ProfilesView>()({
    summary:
      'Every AWS profile with its kind and SSO session state, the config file problems, and the chosen profile.',
    input: z.object({}).strict(),
  }),
  'session.select': defineCall<SessionStatusView>()({
    summary:
      'Act as another profile (remembered for the next start unless remember is false); answers the new session status.',
    input: z.object({ profile: profileName, remember: z.boolean().optional() }).strict(),
  }),
  'session.status': defineCall<SessionStatusView>()({
    summary:
      'Who the app acts as (account, alias, role), STS reachability in both regions, and the session expiry.',
    input: z.object({ refresh: z.boolean().optional() }).strict(),
  }),
  'session.login.start': defineCall<LoginStartView>()({
    summary:
      'Start the SSO device login for a profile (default: the chosen one): answers the user code and URL.',
    input: z.object({ profile: profileName.optional() }).strict(),
  }),
  'session.login.poll': defineCall<LoginStateView>()({
    summary: 'The state of an in-app login (also sent as session.login events).',
    input: loginIdInput,
  }),
  'session.login.open': defineCall<{ opened: boolean; url: string }>()({
    summary: 'Ask the desktop shell to open the login’s verification page in the system browser.',
    input: loginIdInput,
  }),
  'session.login.cancel': defineCall<LoginStateView>()({
    summary: 'Stop waiting for an in-app login.',
    input: loginIdInput,
  }),
  'session.login.approveTabletop': defineCall<LoginStateView>()({
    summary: 'Tabletop only: approve the login’s user code as the simulated identity provider.',
    input: loginIdInput,
  }),
};
