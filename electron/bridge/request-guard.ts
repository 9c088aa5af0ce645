import { timingSafeEqual } from 'node:crypto';

/** The origin facts one bridge accepts. */
export interface BridgeIdentity {
  port: number;
  token: string;
}

/** Why a request was refused (HTTP status and a message), or null when it may proceed. */
export interface Refusal {
  status: number;
  message: string;
}

const LOCAL_HOSTS = ['127.0.0.1', 'localhost'];

/**
 * Refuse requests whose Host is not the bridge's own (DNS rebinding) and whose Origin,
 * when present, is not the bridge's own (another web page driving the API).
 */
export function checkHostAndOrigin(
  identity: BridgeIdentity,
  headers: { host?: string | undefined; origin?: string | undefined },
): Refusal | null {
  const allowedHosts = LOCAL_HOSTS.map((h) => `${h}:${identity.port}`);
  if (!headers.host || !allowedHosts.includes(headers.host.toLowerCase())) {
    return {
      status: 403,
      message: 'Forbidden: this server answers only requests addressed to itself on 127.0.0.1.',
    };
  }
  if (headers.origin !== undefined) {
    const allowedOrigins = allowedHosts.map((h) => `http://${h}`);
    if (!allowedOrigins.includes(headers.origin.toLowerCase())) {
      return { status: 403, message: 'Forbidden: requests from other web pages are refused.' };
    }
  }
  return null;
}

/** Constant-time comparison of a presented token with the bridge's token. */
export function tokenMatches(expected: string, presented: string | null | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token from `Authorization: Bearer …`, or null. */
export function bearerToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  return match ? match[1]! : null;
}
