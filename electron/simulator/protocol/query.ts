import type { SimRequest, SimResponse } from '../core/types';
import type { SimErrorShape } from './errors';
import { parseFormEncoded } from './form';
import { xmlEscape } from './xml-output';

/**
 * The AWS Query protocol (RDS, STS: awsQuery; EC2: ec2Query): request parsing and response
 * and error envelopes. Services build their result XML (by hand or with `encodeXmlMembers`)
 * and wrap it here.
 *
 * ```ts
 * const q = parseQueryRequest(req);              // { action: 'GetCallerIdentity', version, params }
 * return queryXmlResponse({ action: q.action, xmlns: STS_XMLNS, requestId: ctx.requestId, resultXml });
 * return queryErrorResponse({ code: 'InvalidAction', message, status: 400 }, ctx.requestId);
 * ```
 */

/** A parsed Query request: the action, the API version and every other parameter, flat. */
export interface QueryRequest {
  /** The `Action` parameter ('' when missing). */
  action: string;
  /** The `Version` parameter, when sent. */
  version: string | undefined;
  /** All parameters except Action and Version, keys as sent (`Filters.Filter.1.Name`). */
  params: Record<string, string>;
}

/** Parse a Query request: a form-encoded POST body, or the query string of a GET. */
export function parseQueryRequest(req: SimRequest): QueryRequest {
  const fromBody = req.body.length > 0 ? parseFormEncoded(req.body.toString('utf8')) : {};
  const fromQuery = req.rawQuery ? parseFormEncoded(req.rawQuery) : {};
  const all = { ...fromQuery, ...fromBody };
  const { Action: action = '', Version: version, ...params } = all;
  return { action, version, params };
}

/** The awsQuery success envelope: `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>`. */
export function queryXmlResponse(options: {
  action: string;
  xmlns: string;
  requestId: string;
  resultXml: string;
}): SimResponse {
  const { action, xmlns, requestId, resultXml } = options;
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<${action}Response xmlns="${xmlEscape(xmlns)}">` +
    `<${action}Result>${resultXml}</${action}Result>` +
    `<ResponseMetadata><RequestId>${xmlEscape(requestId)}</RequestId></ResponseMetadata>` +
    `</${action}Response>`;
  return xmlResponse(200, body, requestId);
}

/** The awsQuery error envelope: `<ErrorResponse><Error><Type>Sender</Type><Code>…`. */
export function queryErrorResponse(error: SimErrorShape, requestId: string): SimResponse {
  const type = error.type ?? (error.status >= 500 ? 'Receiver' : 'Sender');
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<ErrorResponse><Error><Type>${type}</Type><Code>${xmlEscape(error.code)}</Code>` +
    `<Message>${xmlEscape(error.message)}</Message></Error>` +
    `<RequestId>${xmlEscape(requestId)}</RequestId></ErrorResponse>`;
  return xmlResponse(error.status, body, requestId, error.headers);
}

/** The ec2Query success envelope: `<ActionResponse xmlns><requestId>…</requestId>…members…`. */
export function ec2XmlResponse(options: {
  action: string;
  xmlns: string;
  requestId: string;
  bodyXml: string;
}): SimResponse {
  const { action, xmlns, requestId, bodyXml } = options;
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<${action}Response xmlns="${xmlEscape(xmlns)}">` +
    `<requestId>${xmlEscape(requestId)}</requestId>${bodyXml}</${action}Response>`;
  return xmlResponse(200, body, requestId);
}

/** The ec2Query error envelope: `<Response><Errors><Error><Code>…</Code><Message>…</Message></Error></Errors><RequestID>`. */
export function ec2ErrorResponse(error: SimErrorShape, requestId: string): SimResponse {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<Response><Errors><Error><Code>${xmlEscape(error.code)}</Code>` +
    `<Message>${xmlEscape(error.message)}</Message></Error></Errors>` +
    `<RequestID>${xmlEscape(requestId)}</RequestID></Response>`;
  return xmlResponse(error.status, body, requestId, error.headers);
}

function xmlResponse(
  status: number,
  body: string,
  requestId: string,
  extra: Record<string, string> = {},
): SimResponse {
  return {
    status,
    headers: {
      'content-type': 'text/xml;charset=UTF-8',
      'x-amzn-requestid': requestId,
      ...extra,
    },
    body,
  };
}
