import { SimServiceError } from '../../core/sim-error';
import type { SimContext } from '../../core/types';
import type { OidcDevice, SsoOidcState } from './model';

const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';

function oauthError(code: string, oauth: string, message: string, status = 400): SimServiceError {
  return new SimServiceError(code, message, status, { fields: { error: oauth } });
}

function stringField(input: Record<string, unknown>, name: string, required = true): string | undefined {
  const v = input[name];
  if (v === undefined || v === null) {
    if (required) throw oauthError('InvalidRequestException', 'invalid_request', `${name} is required.`);
    return undefined;
  }
  if (typeof v !== 'string' || v === '') {
    throw oauthError('InvalidRequestException', 'invalid_request', `${name} must be a non-empty string.`);
  }
  return v;
}

function later(ctx: SimContext, seconds: number): string {
  return new Date(ctx.clock.now().getTime() + seconds * 1000).toISOString();
}

function userCode(ctx: SimContext): string {
  const pick = () => USER_CODE_ALPHABET[ctx.rng.int(0, USER_CODE_ALPHABET.length - 1)] ?? 'B';
  return `${Array.from({ length: 4 }, pick).join('')}-${Array.from({ length: 4 }, pick).join('')}`;
}

function authenticate(state: SsoOidcState, ctx: SimContext, clientId: string, clientSecret: string) {
  const client = state.clients[clientId];
  if (!client || client.clientSecret !== clientSecret) {
    throw oauthError('InvalidClientException', 'invalid_client', 'Invalid client id or client secret.', 401);
  }
  if (Date.parse(client.expiresAt) <= ctx.clock.now().getTime()) {
    throw oauthError('InvalidClientException', 'invalid_client', 'The client registration has expired.', 401);
  }
}

/** RegisterClient: a public client with a secret valid 90 days. */
export function registerClient(state: SsoOidcState, ctx: SimContext, input: Record<string, unknown>) {
  const clientName = stringField(input, 'clientName') ?? '';
  const clientType = stringField(input, 'clientType') ?? '';
  if (clientType !== 'public') {
    throw oauthError(
      'InvalidClientMetadataException',
      'invalid_client_metadata',
      'clientType must be "public".',
    );
  }
  const clientId = `sim-client-${ctx.rng.hex(20)}`;
  const clientSecret = `sim-secret-${ctx.rng.hex(40)}`;
  const issuedAt = Math.floor(ctx.clock.now().getTime() / 1000);
  const expiresAt = issuedAt + 90 * 24 * 3600;
  state.clients[clientId] = { clientSecret, clientName, expiresAt: new Date(expiresAt * 1000).toISOString() };
  return { clientId, clientSecret, clientIdIssuedAt: issuedAt, clientSecretExpiresAt: expiresAt };
}

/** StartDeviceAuthorization: a user code to approve and a device code to poll with. */
export function startDeviceAuthorization(
  state: SsoOidcState,
  ctx: SimContext,
  input: Record<string, unknown>,
  region: string,
) {
  const clientId = stringField(input, 'clientId') ?? '';
  const clientSecret = stringField(input, 'clientSecret') ?? '';
  const startUrl = stringField(input, 'startUrl') ?? '';
  authenticate(state, ctx, clientId, clientSecret);
  if (!/^https:\/\//.test(startUrl)) {
    throw oauthError('InvalidRequestException', 'invalid_request', 'startUrl must be an https URL.');
  }
  const deviceCode = `sim-device-${ctx.rng.hex(32)}`;
  let code = userCode(ctx);
  while (Object.values(state.devices).some((d) => d.userCode === code)) code = userCode(ctx);
  const device: OidcDevice = {
    deviceCode,
    userCode: code,
    clientId,
    startUrl,
    expiresAt: later(ctx, state.deviceCodeLifetimeSeconds),
    status: 'pending',
    lastPollAt: null,
    intervalSeconds: state.intervalSeconds,
  };
  state.devices[deviceCode] = device;
  const verificationUri = `https://device.sso.${region}.amazonaws.com/`;
  return {
    deviceCode,
    userCode: code,
    verificationUri,
    verificationUriComplete: `${verificationUri}?user_code=${code}`,
    expiresIn: state.deviceCodeLifetimeSeconds,
    interval: state.intervalSeconds,
  };
}

function issueToken(state: SsoOidcState, ctx: SimContext, clientId: string, startUrl: string) {
  const accessToken = `sim-access-${ctx.rng.hex(48)}`;
  const refreshToken = `sim-refresh-${ctx.rng.hex(48)}`;
  state.tokens[accessToken] = { clientId, startUrl, expiresAt: later(ctx, state.tokenLifetimeSeconds) };
  state.refreshTokens[refreshToken] = { clientId, startUrl };
  return { accessToken, tokenType: 'Bearer', expiresIn: state.tokenLifetimeSeconds, refreshToken };
}

/**
 * CreateToken: with the device code, `authorization_pending` until the user code is approved,
 * `slow_down` when polled faster than the interval (simulated time), `expired_token` after the
 * code's lifetime; with a refresh token, a new access token.
 */
export function createToken(state: SsoOidcState, ctx: SimContext, input: Record<string, unknown>) {
  const clientId = stringField(input, 'clientId') ?? '';
  const clientSecret = stringField(input, 'clientSecret') ?? '';
  const grantType = stringField(input, 'grantType') ?? '';
  authenticate(state, ctx, clientId, clientSecret);
  if (grantType === 'refresh_token') {
    const refreshToken = stringField(input, 'refreshToken') ?? '';
    const known = state.refreshTokens[refreshToken];
    if (!known || known.clientId !== clientId) {
      throw oauthError('InvalidGrantException', 'invalid_grant', 'Invalid refresh token provided.');
    }
    delete state.refreshTokens[refreshToken];
    return issueToken(state, ctx, clientId, known.startUrl);
  }
  if (grantType !== 'urn:ietf:params:oauth:grant-type:device_code') {
    throw oauthError(
      'UnsupportedGrantTypeException',
      'unsupported_grant_type',
      `Unsupported grant type ${grantType}.`,
    );
  }
  const deviceCode = stringField(input, 'deviceCode') ?? '';
  const device = state.devices[deviceCode];
  if (!device || device.clientId !== clientId) {
    throw oauthError('InvalidGrantException', 'invalid_grant', 'Invalid device code provided.');
  }
  const now = ctx.clock.now().getTime();
  if (device.status === 'used')
    throw oauthError('InvalidGrantException', 'invalid_grant', 'The device code was already used.');
  if (Date.parse(device.expiresAt) <= now) {
    throw oauthError('ExpiredTokenException', 'expired_token', 'The device code has expired.');
  }
  if (device.status === 'denied')
    throw oauthError('AccessDeniedException', 'access_denied', 'The user denied the request.');
  const last = device.lastPollAt ? Date.parse(device.lastPollAt) : null;
  device.lastPollAt = new Date(now).toISOString();
  if (last !== null && now - last < device.intervalSeconds * 1000) {
    device.intervalSeconds += 5;
    throw oauthError(
      'SlowDownException',
      'slow_down',
      'Client is polling too fast; increase the interval by 5 seconds.',
    );
  }
  if (device.status === 'pending') {
    throw oauthError(
      'AuthorizationPendingException',
      'authorization_pending',
      'Authorization is still pending.',
    );
  }
  device.status = 'used';
  return issueToken(state, ctx, clientId, device.startUrl);
}
