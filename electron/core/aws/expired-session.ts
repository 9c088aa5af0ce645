/**
 * Recognise the errors that mean "the AWS session expired: log in again", from AWS services,
 * the SSO portal, and the SDK's own SSO credential and token providers.
 */

const EXPIRED_CODES = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'TokenRefreshRequired',
  'RequestExpired',
  'InvalidGrantException',
]);

const EXPIRED_MESSAGES: readonly RegExp[] = [
  /SSO session .*(has )?expired/i,
  /token (is|has) expired/i,
  /security token included in the request is expired/i,
  /aws sso login/i,
  // The SSO portal's answer to an expired or revoked bearer token (GetRoleCredentials).
  /Session token not found or invalid/i,
];

function stringField(value: unknown, key: string): string | undefined {
  const v = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/**
 * True when an error means the session (SSO token or the temporary credentials it gave) expired.
 * `UnauthorizedException` counts when it comes from the SSO portal (its token is no longer valid).
 */
export function isExpiredSessionError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = stringField(error, 'Code') ?? stringField(error, 'code') ?? stringField(error, 'name') ?? '';
  if (EXPIRED_CODES.has(code)) {
    // RequestExpired is also a clock-skew error; only an expiry wording makes it a session problem.
    if (code !== 'RequestExpired') return true;
  }
  const message = error instanceof Error ? error.message : (stringField(error, 'message') ?? '');
  if (code === 'UnauthorizedException') return true;
  return EXPIRED_MESSAGES.some((re) => re.test(message));
}
