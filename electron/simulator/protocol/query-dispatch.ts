import type { Schema } from '@smithy/types';
import type { SimAccountView, SimContext, SimRequest, SimResponse } from '../core/types';
import { isSimServiceError, simError, type SimErrorShape } from './errors';
import {
  ec2ErrorResponse,
  ec2XmlResponse,
  parseQueryRequest,
  queryErrorResponse,
  queryXmlResponse,
} from './query';
import { decodeQueryInput, type QueryFlavour } from './query-input';
import { encodeXmlMembers } from './xml-output';

/** What an operation handler receives besides its decoded input. */
export interface OperationCall<State> {
  req: SimRequest;
  ctx: SimContext;
  state: State;
  account: SimAccountView;
  /** The region the request was sent to. */
  region: string;
}

/** One operation of a schema-driven service: input and output schemas from the SDK, and the handler. */
export interface SchemaOperation<State> {
  input: Schema;
  output: Schema | undefined;
  run(input: Record<string, unknown>, call: OperationCall<State>): unknown;
}

/**
 * Define an operation with the SDK's own input/output types. The input arrives decoded by the
 * schema (so it has the SDK input type's shape; required members are checked by the handler),
 * and the returned value is serialised by the output schema.
 */
export function defineOperation<Input, Output, State>(def: {
  input: Schema;
  output?: Schema;
  run(input: Input, call: OperationCall<State>): Output;
}): SchemaOperation<State> {
  return {
    input: def.input,
    output: def.output,
    // The decoder follows `def.input`, which is the schema of `Input`: the shapes agree.
    run: (input, call) => def.run(input as Input, call),
  };
}

/**
 * Build a Query-protocol `handle` function from a table of operations. Unknown actions answer
 * `InvalidAction`, bad parameter types `InvalidParameterValue`, handler errors their own code;
 * an unexpected exception answers `InternalFailure` (500) rather than crashing the simulator.
 */
export function createQueryHandler<State>(options: {
  flavour: QueryFlavour;
  xmlns: string;
  operations: Readonly<Record<string, SchemaOperation<State>>>;
}): (req: SimRequest, ctx: SimContext, state: State, account: SimAccountView) => SimResponse {
  const { flavour, xmlns, operations } = options;
  const fail = (error: SimErrorShape, requestId: string): SimResponse =>
    flavour === 'ec2' ? ec2ErrorResponse(error, requestId) : queryErrorResponse(error, requestId);
  return (req, ctx, state, account) => {
    try {
      const { action, params } = parseQueryRequest(req);
      if (!action) throw simError('MissingAction', 'The request must contain the parameter Action.');
      const op = Object.hasOwn(operations, action) ? operations[action] : undefined;
      if (!op) throw simError('InvalidAction', `The action ${action} is not valid for this web service.`);
      const input = decodeQueryInput(op.input, params, flavour);
      const output = op.run(input, { req, ctx, state, account, region: req.region });
      const inner = op.output ? encodeXmlMembers(op.output, output) : '';
      return flavour === 'ec2'
        ? ec2XmlResponse({ action, xmlns, requestId: ctx.requestId, bodyXml: inner })
        : queryXmlResponse({ action, xmlns, requestId: ctx.requestId, resultXml: inner });
    } catch (error) {
      if (isSimServiceError(error)) return fail(error, ctx.requestId);
      const message = error instanceof Error ? error.message : String(error);
      return fail(
        { code: 'InternalFailure', message: `The simulator failed: ${message}`, status: 500 },
        ctx.requestId,
      );
    }
  };
}

/** Throw `MissingParameter` (Query protocols) when any named input member is absent or blank. */
export function requireQueryParams(
  input: object,
  names: readonly string[],
  flavour: QueryFlavour = 'query',
): void {
  const record = input as Record<string, unknown>;
  for (const name of names) {
    const value = record[name];
    if (value === undefined || value === null || value === '') {
      throw simError(
        'MissingParameter',
        flavour === 'ec2'
          ? `The request must contain the parameter ${name}`
          : `The parameter ${name} must be provided and must not be blank.`,
      );
    }
  }
}
