/**
 * Only the AWS SSO device-verification pages may be opened in the system browser:
 * `https://<directory>.awsapps.com/start/...`, `https://<id>.portal.<region>.app.aws/...`,
 * and `https://device.sso.<region>.amazonaws.com/...`. Everything else is refused.
 */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false;
  const host = parsed.hostname.toLowerCase();
  return (
    /^[a-z0-9-]+\.awsapps\.com$/.test(host) ||
    /^[a-z0-9-]+\.portal\.[a-z0-9-]+\.app\.aws$/.test(host) ||
    /^device\.sso\.[a-z0-9-]+\.amazonaws\.com$/.test(host) ||
    /^device\.sso\.[a-z0-9-]+\.amazonaws\.com\.cn$/.test(host)
  );
}
