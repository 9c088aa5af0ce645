import { normaliseHeaders, parseQuery, type RawHttpRequest } from '../core/router';
import type { SimResponse } from '../core/types';
import { toXmlDocument } from '../core/xml';

/** The error body a client of a request reads: JSON (with its content type) or Query/REST XML. */
export type ErrorWire = { kind: 'json'; contentType: string } | { kind: 'xml' };

/**
 * Signing names of REST-XML services (besides S3, which the simulator models): their clients read
 * an XML error body. Every other REST API without a JSON or Query marker is REST-JSON (Lambda,
 * API Gateway, EKS …), whose clients read a JSON body and the `x-amzn-errortype` header.
 */
const REST_XML_SERVICES: ReadonlySet<string> = new Set(['s3', 's3-control', 'route53', 'cloudfront']);

/** The coral namespace AWS appends to `x-amzn-errortype` and prefixes to `__type`. */
const CORAL = 'http://internal.amazon.com/coral/com.amazon.coral.service/';

function hasQueryAction(raw: RawHttpRequest, contentType: string): boolean {
  if (parseQuery(raw.rawQuery)['Action'] !== undefined) return true;
  return (
    contentType.startsWith('application/x-www-form-urlencoded') &&
    /(^|&)Action=/.test(raw.body.toString('utf8'))
  );
}

/**
 * Which error body the client of `raw` can read, from the request alone: an `x-amz-target`
 * header or a JSON content type is the JSON protocol (awsJson 1.0/1.1, REST-JSON); an `Action`
 * (query string or form body) is the Query protocol (XML); otherwise a REST request to a known
 * service is REST-JSON unless that service speaks REST-XML. With nothing to go on, XML.
 */
export function errorWireOf(raw: RawHttpRequest, service?: string): ErrorWire {
  const headers = normaliseHeaders(raw.headers);
  const contentType = (headers['content-type'] ?? '').toLowerCase();
  const json = /^application\/(x-amz-json-1\.[01]|json)\b/.exec(contentType);
  if (headers['x-amz-target'] !== undefined || json) {
    return {
      kind: 'json',
      contentType: json?.[1]?.startsWith('x-amz-json') ? `application/${json[1]}` : 'application/json',
    };
  }
  if (hasQueryAction(raw, contentType)) return { kind: 'xml' };
  if (service !== undefined && !REST_XML_SERVICES.has(service))
    return { kind: 'json', contentType: 'application/json' };
  return { kind: 'xml' };
}

/**
 * The answer to a request for a service the simulator does not model (or cannot identify), in
 * the wire format its client reads, so the `aws` CLI and the SDKs show the error code
 * (`UnrecognizedClientException`) and the message instead of an unreadable body. JSON answers
 * carry `x-amzn-errortype`, as AWS's do.
 */
export function unknownServiceResponse(
  raw: RawHttpRequest,
  requestId: string,
  service?: string,
): SimResponse {
  const code = 'UnrecognizedClientException';
  const message = service
    ? `The simulator does not model the service "${service}"; it answers S3, RDS, EC2, DynamoDB, STS and SSO. Send ${service} requests to AWS instead.`
    : `Cannot tell which AWS service ${raw.method} ${raw.path} is for: sign it with SigV4 or use an AWS host name.`;
  const wire = errorWireOf(raw, service);
  if (wire.kind === 'json') {
    return {
      status: 400,
      headers: {
        'content-type': wire.contentType,
        'x-amzn-errortype': `${code}:${CORAL}`,
        'x-amzn-requestid': requestId,
      },
      body: JSON.stringify({ __type: `com.amazon.coral.service#${code}`, message }),
    };
  }
  return {
    status: 400,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: toXmlDocument('ErrorResponse', {
      Error: { Type: 'Sender', Code: code, Message: message },
      RequestId: requestId,
    }),
  };
}
