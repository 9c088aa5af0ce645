/**
 * Which URLs the app may open in the system browser for an SSO login: the AWS device
 * verification pages only (https, `*.awsapps.com`, `*.portal.<region>.app.aws`,
 * `device.sso.<region>.amazonaws.com[.cn]`), plus, in a tabletop exercise, the local simulator's
 * own address on 127.0.0.1. The Electron main process checks this before `shell.openExternal`.
 */

/** Options of {@link isAllowedVerificationUrl}. */
export interface VerificationUrlOptions {
  /** Tabletop: the local simulator's origin (`http://127.0.0.1:PORT`) that may also be opened. */
  tabletopOrigin?: string;
}

const AWS_HOSTS: readonly RegExp[] = [
  /^[a-z0-9-]+\.awsapps\.com$/,
  /^[a-z0-9-]+\.portal\.[a-z0-9-]+\.app\.aws$/,
  /^device\.sso\.[a-z0-9-]+\.amazonaws\.com$/,
  /^device\.sso\.[a-z0-9-]+\.amazonaws\.com\.cn$/,
];

/** True when the URL is an AWS SSO verification page (or the tabletop simulator's address). */
export function isAllowedVerificationUrl(url: string, options: VerificationUrlOptions = {}): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (options.tabletopOrigin) {
    let origin: URL | null;
    try {
      origin = new URL(options.tabletopOrigin);
    } catch {
      origin = null;
    }
    if (
      origin &&
      origin.hostname === '127.0.0.1' &&
      (origin.protocol === 'http:' || origin.protocol === 'https:') &&
      parsed.origin === origin.origin
    ) {
      return true;
    }
  }
  if (parsed.protocol !== 'https:' || parsed.port) return false;
  const host = parsed.hostname.toLowerCase();
  return AWS_HOSTS.some((re) => re.test(host));
}
