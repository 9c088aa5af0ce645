import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
  type SSOOIDCClient,
} from '@aws-sdk/client-sso-oidc';
import { AppError } from '../api/errors';
import { awsErrorFacts, describeAwsError } from '../aws/describe-aws-error';

/** A started device authorization. Holds the client secret and device code: main process only. */
export interface DeviceAuthorization {
  clientId: string;
  clientSecret: string;
  /** When the client registration expires (ms since epoch), if AWS said. */
  registrationExpiresAt: number | null;
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string;
  /** When the user code stops working (ms since epoch). */
  expiresAt: number;
  /** Seconds to wait between polls (grows on `slow_down`). */
  intervalSeconds: number;
  startUrl: string;
  region: string;
}

/** What the polling ended with. The token fields are secret. */
export type DeviceFlowOutcome =
  | { kind: 'approved'; accessToken: string; expiresAt: number; refreshToken: string | null }
  | { kind: 'expired' }
  | { kind: 'denied' }
  | { kind: 'cancelled' };

/** The SSO OIDC grant type of the device flow. */
export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** Seconds added to the interval on each `slow_down` (RFC 8628, 3.5). */
export const SLOW_DOWN_STEP_SECONDS = 5;

/** Clock and waiting, injectable so tests need no real time. */
export interface FlowTiming {
  now: () => number;
  /** Wait; rejects or resolves early when the signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Real time. */
export const realTiming: FlowTiming = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/**
 * Register the app as a public OIDC client and start a device authorization for a start URL:
 * the user code and verification URL to show, and the device code to poll with.
 */
export async function startDeviceAuthorization(
  oidc: SSOOIDCClient,
  input: { startUrl: string; region: string; scopes?: readonly string[]; clientName?: string },
  timing: FlowTiming = realTiming,
): Promise<DeviceAuthorization> {
  let operation = 'RegisterClient';
  try {
    const client = await oidc.send(
      new RegisterClientCommand({
        clientName: input.clientName ?? `dr-war-room-${timing.now()}`,
        clientType: 'public',
        ...(input.scopes && input.scopes.length > 0 ? { scopes: [...input.scopes] } : {}),
      }),
    );
    if (!client.clientId || !client.clientSecret) {
      throw new AppError(
        'CREDENTIALS',
        'SSO OIDC RegisterClient answered without a client id or secret; try the login again.',
      );
    }
    operation = 'StartDeviceAuthorization';
    const start = await oidc.send(
      new StartDeviceAuthorizationCommand({
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        startUrl: input.startUrl,
      }),
    );
    if (!start.deviceCode || !start.userCode || !start.verificationUri) {
      throw new AppError(
        'CREDENTIALS',
        'SSO OIDC StartDeviceAuthorization answered without a device code; try the login again.',
      );
    }
    return {
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      registrationExpiresAt: client.clientSecretExpiresAt ? client.clientSecretExpiresAt * 1000 : null,
      deviceCode: start.deviceCode,
      userCode: start.userCode,
      verificationUri: start.verificationUri,
      verificationUriComplete: start.verificationUriComplete ?? start.verificationUri,
      expiresAt: timing.now() + (start.expiresIn ?? 600) * 1000,
      intervalSeconds: Math.max(1, start.interval ?? 5),
      startUrl: input.startUrl,
      region: input.region,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw loginError(error, operation, input.region, input.startUrl);
  }
}

/** A clear error for a failed login call; a region that does not answer gets the break-glass advice. */
function loginError(error: unknown, operation: string, region: string, startUrl?: string): AppError {
  const described = describeAwsError(error, {
    service: 'sso-oidc',
    operation,
    region,
    ...(startUrl ? { resource: startUrl } : {}),
  });
  if (described.code !== 'UNAVAILABLE') return described;
  return new AppError(
    'UNAVAILABLE',
    `IAM Identity Center (SSO) in ${region} does not answer, so a new login is not possible right now. ` +
      'Keep working with the current session while it lasts; if Identity Center lives in the failing region, use the ' +
      "organisation's break-glass credentials (a profile with its own keys or role).",
    described.detail,
  );
}

/**
 * Poll CreateToken until the user approves, denies, the code expires, or the signal aborts:
 * waits the interval before each poll, keeps waiting on `authorization_pending`, adds five
 * seconds on `slow_down`, and stops cleanly at the code's expiry.
 */
export async function pollForToken(
  oidc: SSOOIDCClient,
  auth: DeviceAuthorization,
  options: { signal?: AbortSignal; timing?: FlowTiming; onSlowDown?: (intervalSeconds: number) => void } = {},
): Promise<DeviceFlowOutcome> {
  const timing = options.timing ?? realTiming;
  let interval = auth.intervalSeconds;
  for (;;) {
    if (options.signal?.aborted) return { kind: 'cancelled' };
    const left = auth.expiresAt - timing.now();
    if (left <= 0) return { kind: 'expired' };
    await timing.sleep(Math.min(interval * 1000, left), options.signal);
    if (options.signal?.aborted) return { kind: 'cancelled' };
    if (timing.now() >= auth.expiresAt) return { kind: 'expired' };
    try {
      const token = await oidc.send(
        new CreateTokenCommand({
          clientId: auth.clientId,
          clientSecret: auth.clientSecret,
          grantType: DEVICE_GRANT,
          deviceCode: auth.deviceCode,
        }),
        options.signal ? { abortSignal: options.signal } : {},
      );
      if (!token.accessToken) {
        throw new AppError(
          'CREDENTIALS',
          'SSO OIDC CreateToken answered without an access token; try the login again.',
        );
      }
      return {
        kind: 'approved',
        accessToken: token.accessToken,
        expiresAt: timing.now() + (token.expiresIn ?? 3600) * 1000,
        refreshToken: token.refreshToken ?? null,
      };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (options.signal?.aborted) return { kind: 'cancelled' };
      const code = awsErrorFacts(error).awsCode;
      if (code === 'AuthorizationPendingException') continue;
      if (code === 'SlowDownException') {
        interval += SLOW_DOWN_STEP_SECONDS;
        options.onSlowDown?.(interval);
        continue;
      }
      if (code === 'ExpiredTokenException') return { kind: 'expired' };
      if (code === 'AccessDeniedException') return { kind: 'denied' };
      throw loginError(error, 'CreateToken', auth.region);
    }
  }
}
