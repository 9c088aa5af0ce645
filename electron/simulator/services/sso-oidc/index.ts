import type { ServiceSimulator, SimContext, SimRequest, SimResponse } from '../../core/types';
import { isSimServiceError } from '../../core/sim-error';
import {
  emptySsoOidcState,
  SSO_OIDC_SIGNING_NAME,
  ssoOidcScenarioSchema,
  type SsoOidcSection,
  type SsoOidcState,
} from './model';
import { createToken, registerClient, startDeviceAuthorization } from './operations';
import { jsonBody, restJsonError, restJsonResponse } from './rest-json';

export {
  approveDeviceCode,
  denyDeviceCode,
  pendingDeviceCodes,
  expireSsoTokens,
  type SimulatorStateAccess,
} from './approval';
export type { SsoOidcState, SsoOidcSection } from './model';
export { SSO_OIDC_SIGNING_NAME } from './model';

function answer(req: SimRequest, ctx: SimContext, state: SsoOidcState): SimResponse {
  const path = req.path.replace(/\/+$/, '') || '/';
  if (req.method !== 'POST') {
    return restJsonError(
      { code: 'InvalidRequestException', message: `${req.method} ${path} is not supported.`, status: 405 },
      ctx,
    );
  }
  const input = jsonBody(req.body);
  if (!input) {
    return restJsonError(
      { code: 'SerializationException', message: 'The request body is not a JSON object.', status: 400 },
      ctx,
    );
  }
  if (path === '/client/register') return restJsonResponse(200, registerClient(state, ctx, input), ctx);
  if (path === '/device_authorization') {
    return restJsonResponse(200, startDeviceAuthorization(state, ctx, input, req.region), ctx);
  }
  if (path === '/token') return restJsonResponse(200, createToken(state, ctx, input), ctx);
  return restJsonError(
    { code: 'UnknownOperationException', message: `Unknown operation POST ${path}.`, status: 404 },
    ctx,
  );
}

/**
 * SSO OIDC (REST-JSON, signing name `sso-oauth`): RegisterClient, StartDeviceAuthorization and
 * CreateToken (device code and refresh token grants), so the in-app login runs end to end in a
 * tabletop exercise. A facilitator or a test approves a user code with {@link approveDeviceCode}.
 */
export const ssoOidcService: ServiceSimulator<SsoOidcState, SsoOidcSection> = {
  signingName: SSO_OIDC_SIGNING_NAME,
  emptyState: emptySsoOidcState,
  scenarioSchema: ssoOidcScenarioSchema,
  fromScenario(section) {
    const state = emptySsoOidcState();
    if (section.tokenLifetimeSeconds !== undefined) state.tokenLifetimeSeconds = section.tokenLifetimeSeconds;
    if (section.deviceCodeLifetimeSeconds !== undefined)
      state.deviceCodeLifetimeSeconds = section.deviceCodeLifetimeSeconds;
    if (section.intervalSeconds !== undefined) state.intervalSeconds = section.intervalSeconds;
    return state;
  },
  encodeError: restJsonError,
  handle(req, ctx, state) {
    try {
      return answer(req, ctx, state);
    } catch (error) {
      if (isSimServiceError(error)) return restJsonError(error.toShape(), ctx);
      throw error;
    }
  },
};
