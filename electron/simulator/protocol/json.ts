import { crc32 } from 'node:zlib';
import type { SimAccountView, SimContext, SimRequest, SimResponse } from '../core/types';
import { isSimServiceError, simError, type SimErrorShape } from './errors';
import { decodeJsonInput } from './json-input';
import type { OperationCall, SchemaOperation } from './query-dispatch';

/**
 * The AWS JSON 1.0 protocol (DynamoDB): `X-Amz-Target: Prefix.Operation`, JSON bodies, errors
 * as `{"__type": "namespace#Code", "message": …}`, and the `x-amz-crc32` checksum header that
 * the DynamoDB client verifies.
 */

/** Error codes that AWS reports from its generic front end rather than from the service. */
const COMMON_NAMESPACES: Readonly<Record<string, string>> = {
  UnknownOperationException: 'com.amazon.coral.service',
  SerializationException: 'com.amazon.coral.service',
  ValidationException: 'com.amazon.coral.validate',
  InternalFailure: 'com.amazon.coral.service',
  MissingAuthenticationTokenException: 'com.amazon.coral.service',
};

function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== undefined) out[k] = toWire(v);
    }
    return out;
  }
  return value;
}

/** A JSON 1.0 success response with the request id and CRC32 headers. */
export function jsonResponse(value: unknown, requestId: string): SimResponse {
  return jsonReply(200, JSON.stringify(toWire(value ?? {})), requestId);
}

/** A JSON 1.0 error response; `serviceNamespace` qualifies service-specific codes. */
export function jsonErrorResponse(
  error: SimErrorShape,
  requestId: string,
  serviceNamespace: string,
): SimResponse {
  const namespace = COMMON_NAMESPACES[error.code] ?? serviceNamespace;
  const type = error.code.includes('#') ? error.code : `${namespace}#${error.code}`;
  return jsonReply(
    error.status,
    JSON.stringify({ __type: type, message: error.message }),
    requestId,
    error.headers,
  );
}

function jsonReply(
  status: number,
  body: string,
  requestId: string,
  extra: Record<string, string> = {},
): SimResponse {
  const bytes = Buffer.from(body, 'utf8');
  return {
    status,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': requestId,
      'x-amz-crc32': String(crc32(bytes)),
      ...extra,
    },
    body: bytes,
  };
}

/**
 * Build a JSON 1.0 `handle` function from a table of operations keyed by operation name.
 * Unknown targets answer `UnknownOperationException`, unparsable bodies `SerializationException`,
 * handler errors their own code; an unexpected exception answers `InternalServerError` (500).
 */
export function createJsonHandler<State>(options: {
  targetPrefix: string;
  serviceNamespace: string;
  operations: Readonly<Record<string, SchemaOperation<State>>>;
}): (req: SimRequest, ctx: SimContext, state: State, account: SimAccountView) => SimResponse {
  const { targetPrefix, serviceNamespace, operations } = options;
  return (req, ctx, state, account) => {
    try {
      const target = req.headers['x-amz-target'] ?? '';
      const [prefix, name = ''] = target.split('.', 2);
      const op = prefix === targetPrefix && Object.hasOwn(operations, name) ? operations[name] : undefined;
      if (!op) {
        throw simError(
          'UnknownOperationException',
          target ? `Unknown operation ${target}.` : 'Missing X-Amz-Target header.',
        );
      }
      let body: unknown;
      try {
        const text = req.body.toString('utf8');
        body = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
      } catch {
        throw simError('SerializationException', 'The request body is not valid JSON.');
      }
      const input = decodeJsonInput(op.input, body);
      const call: OperationCall<State> = { req, ctx, state, account, region: req.region };
      return jsonResponse(op.run(input, call), ctx.requestId);
    } catch (error) {
      if (isSimServiceError(error)) return jsonErrorResponse(error, ctx.requestId, serviceNamespace);
      const message = error instanceof Error ? error.message : String(error);
      return jsonErrorResponse(
        { code: 'InternalServerError', message: `The simulator failed: ${message}`, status: 500 },
        ctx.requestId,
        serviceNamespace,
      );
    }
  };
}

/** Throw DynamoDB's `ValidationException` for each named member that is absent (lower-camel path as AWS reports it). */
export function requireJsonParams(input: object, names: readonly string[]): void {
  const record = input as Record<string, unknown>;
  const missing = names.filter((n) => record[n] === undefined || record[n] === null);
  if (missing.length === 0) return;
  const detail = missing
    .map(
      (n) =>
        `Value null at '${n.charAt(0).toLowerCase()}${n.slice(1)}' failed to satisfy constraint: Member must not be null`,
    )
    .join('; ');
  throw simError(
    'ValidationException',
    `${missing.length} validation error${missing.length > 1 ? 's' : ''} detected: ${detail}`,
  );
}
