import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ProfileSso } from './profiles';

/** Warn this many seconds before the SSO session expires. */
export const EXPIRY_WARNING_SECONDS = 15 * 60;

/** The state of an SSO session as the token cache tells it. */
export type SsoSessionState = 'valid' | 'expiring' | 'expired' | 'missing' | 'unreadable';

/** What the UI may know about a cached SSO session: never the token itself. */
export interface SsoSessionStatus {
  state: SsoSessionState;
  /** ISO 8601 UTC, when known. */
  expiresAt: string | null;
  /** Seconds until expiry (negative once expired), when known. */
  secondsLeft: number | null;
  /** Why the state is `unreadable`. */
  problem?: string;
}

/**
 * A cached SSO token in the AWS CLI's format (`~/.aws/sso/cache/<sha1>.json`). Holds secrets:
 * it stays in the main process and is never returned by a call or sent in an event.
 */
export const ssoTokenFileSchema = z
  .object({
    startUrl: z.string().optional(),
    region: z.string().optional(),
    accessToken: z.string().min(1),
    expiresAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
    clientId: z.string().optional(),
    clientSecret: z.string().optional(),
    registrationExpiresAt: z.string().optional(),
    refreshToken: z.string().optional(),
  })
  .loose();

/** A cached SSO token (secret). */
export type SsoTokenFile = z.infer<typeof ssoTokenFileSchema>;

/** The cache key the AWS CLI and SDK use: the sso-session name, or the start URL of a legacy profile. */
export function ssoCacheKey(sso: Pick<ProfileSso, 'sessionName' | 'startUrl'>): string | null {
  return sso.sessionName ?? sso.startUrl;
}

/** The cache file of a key: `<cacheDir>/<sha1(key)>.json`. */
export function ssoCacheFile(cacheDir: string, key: string): string {
  return path.join(cacheDir, `${createHash('sha1').update(key).digest('hex')}.json`);
}

/** The session state for an expiry time at a moment (pure). */
export function sessionStateAt(expiresAt: Date, now: Date): SsoSessionStatus {
  const secondsLeft = Math.floor((expiresAt.getTime() - now.getTime()) / 1000);
  const state: SsoSessionState =
    secondsLeft <= 0 ? 'expired' : secondsLeft <= EXPIRY_WARNING_SECONDS ? 'expiring' : 'valid';
  return { state, expiresAt: expiresAt.toISOString(), secondsLeft };
}

/** Read a cached token (secret; main process only). Null when there is none; throws a clear error when it is broken. */
export async function readSsoToken(cacheDir: string, key: string): Promise<SsoTokenFile | null> {
  const file = ssoCacheFile(cacheDir, key);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`Cannot read the SSO token cache ${file}: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`The SSO token cache ${file} is not valid JSON; log in again to replace it.`, {
      cause: error,
    });
  }
  const parsed = ssoTokenFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `The SSO token cache ${file} is not in the AWS CLI's format (${issue?.path.join('.') || 'top level'}: ${issue?.message}); log in again to replace it.`,
    );
  }
  return parsed.data;
}

/** The state of the cached SSO session for a key: valid, expiring (15 minutes), expired, missing, unreadable. */
export async function ssoSessionStatus(
  cacheDir: string,
  key: string,
  now: Date = new Date(),
): Promise<SsoSessionStatus> {
  try {
    const token = await readSsoToken(cacheDir, key);
    if (!token) return { state: 'missing', expiresAt: null, secondsLeft: null };
    return sessionStateAt(new Date(token.expiresAt), now);
  } catch (error) {
    return { state: 'unreadable', expiresAt: null, secondsLeft: null, problem: (error as Error).message };
  }
}

/** The AWS CLI writes times as `2026-11-26T12:00:00Z` (UTC, whole seconds). */
export function cliTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * Write a token to the cache in the AWS CLI's format (folder 0700, file 0600, atomically), so
 * the `aws` CLI and the SDK's `fromSSO` use it too. Returns the file path.
 */
export async function writeSsoToken(cacheDir: string, key: string, token: SsoTokenFile): Promise<string> {
  await mkdir(cacheDir, { recursive: true, mode: 0o700 });
  const file = ssoCacheFile(cacheDir, key);
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, JSON.stringify(token), { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, file);
  return file;
}
