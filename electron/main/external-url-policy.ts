import { isAllowedVerificationUrl } from '../core/credentials/verification-url';

/**
 * Which URLs the shell may open in the system browser: exactly the core's SSO verification-page
 * allowlist ({@link isAllowedVerificationUrl}: https `*.awsapps.com`, `*.portal.<region>.app.aws`,
 * `device.sso.<region>.amazonaws.com[.cn]`, no credentials, no port). One policy for the core,
 * which checks before it asks, and the main process, which checks again before
 * `shell.openExternal`. Everything else is refused.
 */
export function isAllowedExternalUrl(url: string): boolean {
  return isAllowedVerificationUrl(url);
}
