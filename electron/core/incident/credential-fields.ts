/**
 * Keys that hold credentials in AWS SDK and SSO objects. Journal data carrying one is refused, so a
 * domain that passes a whole SDK object by mistake cannot write a secret into the journal (pure).
 */
const CREDENTIAL_KEYS = new Set(
  [
    'secretAccessKey',
    'sessionToken',
    'accessToken',
    'refreshToken',
    'clientSecret',
    'password',
    'privateKey',
    'credentials',
  ].map((k) => k.toLowerCase()),
);

/**
 * The path of the first credential-looking key holding a secret in a JSON value
 * (`data.creds.secretAccessKey`), or `null`. Redacted and empty values pass.
 */
export function findCredentialField(value: unknown, at = 'data', depth = 0): string | null {
  if (depth > 32 || typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findCredentialField(value[i], `${at}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    // A redacted value (`[redacted]`, as electron/core/aws/redact.ts writes it) or an empty one is fine.
    if (
      CREDENTIAL_KEYS.has(key.toLowerCase()) &&
      typeof inner === 'string' &&
      inner !== '' &&
      !inner.includes('[redacted]')
    ) {
      return `${at}.${key}`;
    }
    const found = findCredentialField(inner, `${at}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}
