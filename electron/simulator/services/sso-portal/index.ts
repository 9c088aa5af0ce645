import { z } from 'zod';
import { SimServiceError, isSimServiceError } from '../../core/sim-error';
import type {
  ServiceSimulator,
  SimAccountView,
  SimContext,
  SimErrorShape,
  SimRequest,
  SimResponse,
} from '../../core/types';
import type { SsoOidcState } from '../sso-oidc/model';
import { SSO_OIDC_SIGNING_NAME } from '../sso-oidc/model';

/** The `awsssoportal:` section of a scenario: what the signed-in user may use. */
export const ssoPortalScenarioSchema = z
  .object({
    /** The account's display name in the portal (the alias shown in the header). */
    accountName: z.string().min(1).optional(),
    /** Permission sets (role names) the user has in the account. */
    roles: z.array(z.string().min(1)).min(1).optional(),
    emailAddress: z.string().optional(),
  })
  .strict();

/** The `awsssoportal:` section of a scenario. */
export type SsoPortalSection = z.infer<typeof ssoPortalScenarioSchema>;

/** The SSO portal simulator's state. */
export interface SsoPortalState {
  accountName: string;
  roles: string[];
  emailAddress: string;
  /** Role-credential lifetime in seconds (one hour, as a permission set's default). */
  credentialLifetimeSeconds: number;
}

function emptyState(): SsoPortalState {
  return {
    accountName: 'tabletop-production',
    roles: ['IncidentCommander', 'ReadOnly'],
    emailAddress: 'aws-root@example.com',
    credentialLifetimeSeconds: 3600,
  };
}

function respond(status: number, value: unknown, ctx: SimContext): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': ctx.requestId },
    body: JSON.stringify(value ?? {}),
  };
}

function encodeError(error: SimErrorShape, ctx: SimContext): SimResponse {
  return {
    status: error.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-requestid': ctx.requestId,
      'x-amzn-errortype': error.code,
      ...error.headers,
    },
    body: JSON.stringify({ message: error.message }),
  };
}

/** The bearer token must be one the simulated SSO OIDC issued, and not expired. */
function requireToken(req: SimRequest, ctx: SimContext, account: SimAccountView): void {
  const token = req.headers['x-amz-sso_bearer_token'];
  if (!token) throw new SimServiceError('UnauthorizedException', 'Session token not found or invalid', 401);
  let oidc: SsoOidcState | undefined;
  try {
    oidc = account.state<SsoOidcState>(SSO_OIDC_SIGNING_NAME);
  } catch {
    oidc = undefined;
  }
  const issued = oidc?.tokens[token];
  if (!issued || Date.parse(issued.expiresAt) <= ctx.clock.now().getTime()) {
    throw new SimServiceError('UnauthorizedException', 'Session token not found or invalid', 401);
  }
}

function requireParam(req: SimRequest, name: string): string {
  const v = req.query[name];
  if (!v) throw new SimServiceError('InvalidRequestException', `${name} is required.`, 400);
  return v;
}

function answer(
  req: SimRequest,
  ctx: SimContext,
  state: SsoPortalState,
  account: SimAccountView,
): SimResponse {
  const path = req.path.replace(/\/+$/, '') || '/';
  if (path === '/logout' && req.method === 'POST') return respond(200, {}, ctx);
  if (req.method !== 'GET')
    throw new SimServiceError('InvalidRequestException', `${req.method} ${path} is not supported.`, 405);
  requireToken(req, ctx, account);
  if (path === '/assignment/accounts') {
    return respond(
      200,
      {
        accountList: [
          { accountId: ctx.accountId, accountName: state.accountName, emailAddress: state.emailAddress },
        ],
      },
      ctx,
    );
  }
  if (path === '/assignment/roles') {
    const accountId = requireParam(req, 'account_id');
    const roles = accountId === ctx.accountId ? state.roles : [];
    return respond(200, { roleList: roles.map((roleName) => ({ roleName, accountId })) }, ctx);
  }
  if (path === '/federation/credentials') {
    const roleName = requireParam(req, 'role_name');
    const accountId = requireParam(req, 'account_id');
    if (accountId !== ctx.accountId || !state.roles.includes(roleName)) {
      throw new SimServiceError('ForbiddenException', 'No access', 403);
    }
    return respond(
      200,
      {
        roleCredentials: {
          accessKeyId: `ASIASIM${ctx.rng.hex(13).toUpperCase()}`,
          secretAccessKey: ctx.rng.hex(40),
          sessionToken: `sim-session-${ctx.rng.hex(64)}`,
          expiration: ctx.clock.now().getTime() + state.credentialLifetimeSeconds * 1000,
        },
      },
      ctx,
    );
  }
  throw new SimServiceError('UnknownOperationException', `Unknown operation ${req.method} ${path}.`, 404);
}

/**
 * The SSO portal (REST-JSON, signing name `awsssoportal`): GetRoleCredentials, ListAccounts,
 * ListAccountRoles and Logout, answering only bearer tokens the simulated SSO OIDC issued.
 */
export const ssoPortalService: ServiceSimulator<SsoPortalState, SsoPortalSection> = {
  signingName: 'awsssoportal',
  emptyState,
  scenarioSchema: ssoPortalScenarioSchema,
  fromScenario(section) {
    const state = emptyState();
    if (section.accountName) state.accountName = section.accountName;
    if (section.roles) state.roles = [...section.roles];
    if (section.emailAddress) state.emailAddress = section.emailAddress;
    return state;
  },
  encodeError,
  handle(req, ctx, state, account) {
    try {
      return answer(req, ctx, state, account);
    } catch (error) {
      if (isSimServiceError(error)) return encodeError(error.toShape(), ctx);
      throw error;
    }
  },
};
