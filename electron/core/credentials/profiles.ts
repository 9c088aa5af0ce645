import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSharedConfigFiles, loadSsoSessionData } from '@smithy/core/config';
import { awsConfigPaths } from './aws-config-paths';
import { scanConfigText, withoutFatalSections, type ConfigIssue, type ConfigFileKind } from './config-scan';

/** How a profile gets its credentials. */
export type ProfileKind =
  'sso-session' | 'sso-legacy' | 'static' | 'assume-role' | 'credential-process' | 'config-only';

/** The SSO settings of an SSO profile (no secrets). */
export interface ProfileSso {
  /** The `sso-session` section's name (null for legacy SSO profiles). */
  sessionName: string | null;
  startUrl: string | null;
  region: string | null;
  accountId: string | null;
  roleName: string | null;
  /** `sso_registration_scopes`, split (sso-session profiles). */
  scopes: string[];
}

/** One profile as read from the AWS config and credentials files (never any secret). */
export interface ProfileInfo {
  name: string;
  kind: ProfileKind;
  /** Which files define it. */
  sources: ConfigFileKind[];
  /** Its default region (`region`), if set. */
  region: string | null;
  sso: ProfileSso | null;
  /** Assume-role: the role and where its base credentials come from. */
  roleArn: string | null;
  sourceProfile: string | null;
  credentialSource: string | null;
  /** Settings the profile needs but lacks, e.g. `sso_account_id`. */
  missing: string[];
  /** Other problems, each a sentence (a source_profile that does not exist …). */
  problems: string[];
}

/** Every profile, and what is wrong with the files. */
export interface ProfilesResult {
  profiles: ProfileInfo[];
  issues: ConfigIssue[];
  configFile: string;
  credentialsFile: string;
  /** `AWS_PROFILE` from the environment, if set. */
  envProfile: string | null;
}

type Section = Record<string, string | undefined>;

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Parse with the SDK's loader; when the scan found lines that make the SDK refuse the whole
 * file, parse a copy without those sections instead (in a private temporary folder).
 */
async function sdkParse(
  configText: string | null,
  credentialsText: string | null,
  configIssues: ConfigIssue[],
  credentialsIssues: ConfigIssue[],
  paths: { configFile: string; credentialsFile: string },
): Promise<{
  config: Record<string, Section>;
  credentials: Record<string, Section>;
  sessions: Record<string, Section>;
}> {
  const needsCopy = configIssues.some((i) => i.fatal) || credentialsIssues.some((i) => i.fatal);
  let dir: string | null = null;
  let configFile = paths.configFile;
  let credentialsFile = paths.credentialsFile;
  try {
    if (needsCopy) {
      dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-aws-config-'));
      configFile = path.join(dir, 'config');
      credentialsFile = path.join(dir, 'credentials');
      await writeFile(configFile, withoutFatalSections(configText ?? '', configIssues), { mode: 0o600 });
      await writeFile(credentialsFile, withoutFatalSections(credentialsText ?? '', credentialsIssues), {
        mode: 0o600,
      });
    }
    const files = await loadSharedConfigFiles({
      filepath: credentialsFile,
      configFilepath: configFile,
      ignoreCache: true,
    });
    const sessions = await loadSsoSessionData({ configFilepath: configFile });
    return {
      config: files.configFile as Record<string, Section>,
      credentials: files.credentialsFile as Record<string, Section>,
      sessions: sessions as Record<string, Section>,
    };
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

function value(section: Section, key: string): string | null {
  const v = section[key];
  return v === undefined || v === '' ? null : v;
}

/** Decide a profile's kind and what it lacks (pure). */
export function describeProfile(
  name: string,
  config: Section | undefined,
  credentials: Section | undefined,
  sessions: Record<string, Section>,
  allNames: ReadonlySet<string>,
): ProfileInfo {
  const merged: Section = { ...config, ...credentials };
  const sources: ConfigFileKind[] = [
    ...(config ? ['config' as const] : []),
    ...(credentials ? ['credentials' as const] : []),
  ];
  const missing: string[] = [];
  const problems: string[] = [];
  const need = (section: Section, keys: readonly string[], where = '') => {
    for (const key of keys) if (value(section, key) === null) missing.push(`${key}${where}`);
  };
  const base = {
    name,
    sources,
    region: value(merged, 'region'),
    roleArn: null,
    sourceProfile: null,
    credentialSource: null,
  };
  const sessionName = value(merged, 'sso_session');
  if (sessionName !== null) {
    const session = sessions[sessionName];
    need(merged, ['sso_account_id', 'sso_role_name']);
    if (!session) {
      problems.push(
        `sso_session = ${sessionName}, but the config file has no [sso-session ${sessionName}] section.`,
      );
    } else {
      need(session, ['sso_start_url', 'sso_region'], ` (in [sso-session ${sessionName}])`);
      const own = value(merged, 'sso_start_url');
      if (own !== null && own !== value(session, 'sso_start_url')) {
        problems.push(
          `sso_start_url differs from the one in [sso-session ${sessionName}]; remove it from the profile.`,
        );
      }
    }
    const s = session ?? {};
    return {
      ...base,
      kind: 'sso-session',
      sso: {
        sessionName,
        startUrl: value(s, 'sso_start_url'),
        region: value(s, 'sso_region'),
        accountId: value(merged, 'sso_account_id'),
        roleName: value(merged, 'sso_role_name'),
        scopes: (value(s, 'sso_registration_scopes') ?? '')
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      },
      missing,
      problems,
    };
  }
  if (
    value(merged, 'sso_start_url') !== null ||
    value(merged, 'sso_account_id') !== null ||
    value(merged, 'sso_role_name') !== null
  ) {
    need(merged, ['sso_start_url', 'sso_region', 'sso_account_id', 'sso_role_name']);
    return {
      ...base,
      kind: 'sso-legacy',
      sso: {
        sessionName: null,
        startUrl: value(merged, 'sso_start_url'),
        region: value(merged, 'sso_region'),
        accountId: value(merged, 'sso_account_id'),
        roleName: value(merged, 'sso_role_name'),
        scopes: [],
      },
      missing,
      problems,
    };
  }
  if (value(merged, 'role_arn') !== null) {
    const sourceProfile = value(merged, 'source_profile');
    const credentialSource = value(merged, 'credential_source');
    if (sourceProfile === null && credentialSource === null)
      missing.push('source_profile (or credential_source)');
    if (sourceProfile !== null && !allNames.has(sourceProfile)) {
      problems.push(`source_profile "${sourceProfile}" does not exist.`);
    }
    if (sourceProfile === name) problems.push('source_profile names the profile itself.');
    return {
      ...base,
      kind: 'assume-role',
      sso: null,
      roleArn: value(merged, 'role_arn'),
      sourceProfile,
      credentialSource,
      missing,
      problems,
    };
  }
  if (value(merged, 'credential_process') !== null) {
    return { ...base, kind: 'credential-process', sso: null, missing, problems };
  }
  if (value(merged, 'aws_access_key_id') !== null || value(merged, 'aws_secret_access_key') !== null) {
    need(merged, ['aws_access_key_id', 'aws_secret_access_key']);
    return { ...base, kind: 'static', sso: null, missing, problems };
  }
  return { ...base, kind: 'config-only', sso: null, missing, problems };
}

/**
 * Every profile of the AWS config and credentials files (honouring `AWS_CONFIG_FILE` and
 * `AWS_SHARED_CREDENTIALS_FILE`), parsed by the SDK's own loaders, with the malformed lines
 * found by a scan. A broken line never hides the other profiles.
 */
export async function loadProfiles(env: NodeJS.ProcessEnv = process.env): Promise<ProfilesResult> {
  const paths = awsConfigPaths(env);
  const [configText, credentialsText] = await Promise.all([
    readText(paths.configFile),
    readText(paths.credentialsFile),
  ]);
  const configIssues = configText === null ? [] : scanConfigText(configText, paths.configFile, 'config');
  const credentialsIssues =
    credentialsText === null ? [] : scanConfigText(credentialsText, paths.credentialsFile, 'credentials');
  const parsed = await sdkParse(configText, credentialsText, configIssues, credentialsIssues, paths);
  const configProfiles = Object.fromEntries(
    Object.entries(parsed.config).filter(([key]) => !key.includes('.')),
  );
  const names = new Set([...Object.keys(configProfiles), ...Object.keys(parsed.credentials)]);
  const profiles = [...names]
    .sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)))
    .map((name) =>
      describeProfile(name, configProfiles[name], parsed.credentials[name], parsed.sessions, names),
    );
  return {
    profiles,
    issues: [...configIssues, ...credentialsIssues].map(({ fatal: _fatal, ...issue }) => issue),
    configFile: paths.configFile,
    credentialsFile: paths.credentialsFile,
    envProfile: env.AWS_PROFILE?.trim() || null,
  };
}
