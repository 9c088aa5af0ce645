import { z } from 'zod';

/** The `sso-oauth:` section of a scenario: lifetimes of codes and tokens. */
export const ssoOidcScenarioSchema = z
  .object({
    /** Seconds an issued SSO access token is valid (default 8 hours, as IAM Identity Center's default session). */
    tokenLifetimeSeconds: z
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600)
      .optional(),
    /** Seconds a user code can be approved (default 600). */
    deviceCodeLifetimeSeconds: z.number().int().min(30).max(3600).optional(),
    /** Seconds a client must wait between CreateToken polls (default 5). */
    intervalSeconds: z.number().int().min(1).max(60).optional(),
  })
  .strict();

/** The `sso-oauth:` section of a scenario. */
export type SsoOidcSection = z.infer<typeof ssoOidcScenarioSchema>;

/** A registered public client. */
export interface OidcClient {
  clientSecret: string;
  clientName: string;
  /** ISO 8601 UTC (simulated time). */
  expiresAt: string;
}

/** A device authorization waiting for the user. */
export interface OidcDevice {
  deviceCode: string;
  userCode: string;
  clientId: string;
  startUrl: string;
  expiresAt: string;
  status: 'pending' | 'approved' | 'denied' | 'used';
  /** Simulated time of the last CreateToken poll, for `slow_down`. */
  lastPollAt: string | null;
  intervalSeconds: number;
}

/** An issued access token (keyed by the token itself in {@link SsoOidcState.tokens}). */
export interface OidcToken {
  clientId: string;
  startUrl: string;
  expiresAt: string;
}

/** The SSO OIDC simulator's state (plain JSON, saved with the account). */
export interface SsoOidcState {
  tokenLifetimeSeconds: number;
  deviceCodeLifetimeSeconds: number;
  intervalSeconds: number;
  clients: Record<string, OidcClient>;
  devices: Record<string, OidcDevice>;
  tokens: Record<string, OidcToken>;
  refreshTokens: Record<string, { clientId: string; startUrl: string }>;
}

/** Defaults of a fresh state. */
export function emptySsoOidcState(): SsoOidcState {
  return {
    tokenLifetimeSeconds: 8 * 3600,
    deviceCodeLifetimeSeconds: 600,
    intervalSeconds: 5,
    clients: {},
    devices: {},
    tokens: {},
    refreshTokens: {},
  };
}

/** The signing name (and scenario key) of the SSO OIDC service. */
export const SSO_OIDC_SIGNING_NAME = 'sso-oauth';
