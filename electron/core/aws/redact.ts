/**
 * Scrub anything that looks like an AWS secret from a text before it is shown, logged or
 * journaled: access key ids, secret keys, session tokens, bearer tokens and SSO client secrets.
 */

const PATTERNS: readonly RegExp[] = [
  // Access key ids (long-term AKIA, temporary ASIA, and the other documented prefixes).
  /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA|APKA|ABIA|ACCA)[A-Z0-9]{12,}\b/g,
  // key=value and "key": "value" forms of secrets and tokens.
  /((?:secret_?access_?key|aws_secret_access_key|session_?token|aws_session_token|access_?token|refresh_?token|client_?secret|bearer)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
  // HTTP bearer values.
  /(Bearer\s+)[A-Za-z0-9\-._~+/]+=*/g,
];

/** Replace secret-looking substrings with `[redacted]`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (match: string, prefix?: string) =>
      typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}[redacted]` : '[redacted]',
    );
  }
  return out;
}
