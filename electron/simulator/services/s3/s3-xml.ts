import type { SimContext, SimErrorShape, SimResponse } from '../../core/types';
import type { XmlObject } from '../../core/xml';
import { toXmlDocument } from '../../core/xml';

/** The S3 XML namespace. */
export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** A 200 XML answer in S3's namespace. */
export function xmlOk(
  root: string,
  value: XmlObject,
  headers: Record<string, string> = {},
  status = 200,
): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/xml', ...headers },
    body: toXmlDocument(root, value, S3_XMLNS),
  };
}

/** An S3 REST-XML error (`<Error><Code>…`), with no body for HEAD requests and 304s, as S3 does. */
export function encodeS3Error(error: SimErrorShape, ctx: SimContext, method = 'GET'): SimResponse {
  const headers: Record<string, string> = { 'content-type': 'application/xml', ...error.headers };
  if (method === 'HEAD' || error.status === 304) return { status: error.status, headers, body: '' };
  const body = toXmlDocument('Error', {
    Code: error.code,
    Message: error.message,
    ...error.fields,
    RequestId: ctx.requestId,
  });
  return { status: error.status, headers, body };
}
