import { z } from 'zod';
import { parseQuery } from '../../core/router';
import type { ServiceSimulator, SimContext, SimErrorShape, SimRequest, SimResponse } from '../../core/types';
import { toXmlDocument } from '../../core/xml';

const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** The `sts:` section of a scenario: who the caller is. */
export const stsScenarioSchema = z
  .object({
    /** The caller's ARN; `{accountId}` is replaced by the scenario's account id. */
    arn: z.string().min(1),
    userId: z.string().min(1),
  })
  .strict();

/** The `sts:` section of a scenario. */
export type StsSection = z.infer<typeof stsScenarioSchema>;

/** The STS simulator's state: the caller identity. */
export interface StsState {
  arn: string;
  userId: string;
}

function defaultIdentity(accountId: string): StsState {
  return {
    arn: `arn:aws:sts::${accountId}:assumed-role/AWSReservedSSO_IncidentCommander_0123456789abcdef/commander`,
    userId: 'AROAEXAMPLEINCIDENT01:commander',
  };
}

function xmlResponse(status: number, body: string): SimResponse {
  return { status, headers: { 'content-type': 'text/xml' }, body };
}

function encodeStsError(error: SimErrorShape, ctx: SimContext): SimResponse {
  const type = error.type ?? (error.status >= 500 ? 'Receiver' : 'Sender');
  const body = toXmlDocument(
    'ErrorResponse',
    { Error: { Type: type, Code: error.code, Message: error.message }, RequestId: ctx.requestId },
    STS_XMLNS,
  );
  return { ...xmlResponse(error.status, body), headers: { 'content-type': 'text/xml', ...error.headers } };
}

/** STS (Query protocol): GetCallerIdentity, the identity coming from the scenario. */
export const stsService: ServiceSimulator<StsState, StsSection> = {
  signingName: 'sts',
  emptyState: () => ({ arn: '', userId: '' }),
  scenarioSchema: stsScenarioSchema,
  fromScenario(section, ctx) {
    return { arn: section.arn.replaceAll('{accountId}', ctx.accountId), userId: section.userId };
  },
  encodeError: encodeStsError,
  handle(req: SimRequest, ctx: SimContext, state: StsState): SimResponse {
    const params = { ...req.query, ...(req.method === 'POST' ? parseQuery(req.body.toString('utf8')) : {}) };
    const action = params['Action'];
    if (!action) {
      return encodeStsError(
        { code: 'MissingAction', message: 'Missing Action parameter.', status: 400 },
        ctx,
      );
    }
    if (action !== 'GetCallerIdentity') {
      return encodeStsError(
        {
          code: 'InvalidAction',
          message: `Could not find operation ${action} for version ${params['Version'] ?? 'NO_VERSION_SPECIFIED'}`,
          status: 400,
        },
        ctx,
      );
    }
    const identity = state.arn ? state : defaultIdentity(ctx.accountId);
    const body = toXmlDocument(
      'GetCallerIdentityResponse',
      {
        GetCallerIdentityResult: { Arn: identity.arn, UserId: identity.userId, Account: ctx.accountId },
        ResponseMetadata: { RequestId: ctx.requestId },
      },
      STS_XMLNS,
    );
    return xmlResponse(200, body);
  },
};
