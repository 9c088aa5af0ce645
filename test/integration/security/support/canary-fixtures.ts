import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ssoCacheFile } from '../../../../electron/core/credentials/token-cache';

/** The SSO start URL of the fixture's `sso-session`. */
export const START_URL = 'https://d-9067642ac7.awsapps.com/start';

/**
 * Canary secrets: each is unique and greppable, and none may appear in any journal, record,
 * evidence pack, log, error message, IPC or HTTP answer, or event.
 */
export const CANARY = {
  fileAccessKeyId: 'AKIACANARYFILE000021',
  fileSecret: 'CANARYfileSecretDoNotLeak0000000000000021',
  halfAccessKeyId: 'AKIACANARYHALF000022',
  envAccessKeyId: 'AKIACANARYENV0000023',
  envSecret: 'CANARYenvSecretDoNotLeak00000000000000023',
  envSessionToken: 'CANARYenvSessionTokenDoNotLeak000000000024',
  ssoAccessToken: 'CANARYssoAccessTokenDoNotLeak00000000025',
  ssoClientSecret: 'CANARYssoClientSecretDoNotLeak0000000026',
  ssoRefreshToken: 'CANARYssoRefreshTokenDoNotLeak0000000027',
} as const;

/** Every canary value. */
export const CANARIES: readonly string[] = Object.values(CANARY);

/** The environment a fixture home gives the core and the CLI. */
export interface CanaryEnv {
  HOME: string;
  AWS_CONFIG_FILE: string;
  AWS_SHARED_CREDENTIALS_FILE: string;
  AWS_ENDPOINT_URL: string;
  AWS_PROFILE: string;
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  AWS_SESSION_TOKEN: string;
  AWS_REGION: string;
}

/**
 * Write `~/.aws/config`, `~/.aws/credentials` and an SSO token cache full of canaries into `home`:
 * a static-key profile, a profile with half its keys (an error path), an SSO profile whose
 * cached token the portal does not accept, and the environment's own canary keys.
 */
export async function writeCanaryHome(home: string, accountId: string, endpoint: string): Promise<CanaryEnv> {
  const aws = path.join(home, '.aws');
  await mkdir(path.join(aws, 'sso', 'cache'), { recursive: true });
  await writeFile(
    path.join(aws, 'config'),
    [
      '[profile static-canary]',
      'region = us-west-2',
      '',
      '[profile half-canary]',
      'region = us-west-2',
      '',
      '[sso-session corp]',
      `sso_start_url = ${START_URL}`,
      'sso_region = us-west-2',
      '',
      '[profile sso-canary]',
      'sso_session = corp',
      `sso_account_id = ${accountId}`,
      'sso_role_name = IncidentCommander',
      'region = us-west-2',
      '',
    ].join('\n'),
  );
  await writeFile(
    path.join(aws, 'credentials'),
    [
      '[static-canary]',
      `aws_access_key_id = ${CANARY.fileAccessKeyId}`,
      `aws_secret_access_key = ${CANARY.fileSecret}`,
      '',
      '[half-canary]',
      `aws_access_key_id = ${CANARY.halfAccessKeyId}`,
      '',
    ].join('\n'),
  );
  await writeFile(
    ssoCacheFile(path.join(aws, 'sso', 'cache'), 'corp'),
    JSON.stringify({
      startUrl: START_URL,
      region: 'us-west-2',
      accessToken: CANARY.ssoAccessToken,
      expiresAt: '2099-01-01T00:00:00Z',
      clientId: 'client-canary',
      clientSecret: CANARY.ssoClientSecret,
      refreshToken: CANARY.ssoRefreshToken,
      registrationExpiresAt: '2099-01-01T00:00:00Z',
    }),
  );
  return {
    HOME: home,
    AWS_CONFIG_FILE: path.join(aws, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(aws, 'credentials'),
    AWS_ENDPOINT_URL: endpoint,
    AWS_PROFILE: 'static-canary',
    AWS_ACCESS_KEY_ID: CANARY.envAccessKeyId,
    AWS_SECRET_ACCESS_KEY: CANARY.envSecret,
    AWS_SESSION_TOKEN: CANARY.envSessionToken,
    AWS_REGION: 'us-west-2',
  };
}

/** The canaries found in a text (with where it came from), for a readable failure. */
export function leaksIn(where: string, text: string, secrets: readonly string[] = CANARIES): string[] {
  return secrets.filter((secret) => text.includes(secret)).map((secret) => `${where}: ${secret}`);
}
