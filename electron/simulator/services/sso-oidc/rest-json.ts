import type { SimContext, SimErrorShape, SimResponse } from '../../core/types';

/** A REST-JSON success answer (SSO OIDC and the SSO portal). */
export function restJsonResponse(status: number, value: unknown, ctx: SimContext): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': ctx.requestId },
    body: JSON.stringify(value ?? {}),
  };
}

/**
 * A REST-JSON error: `x-amzn-errortype` names the code (the SDK reads it first). OIDC errors
 * carry the OAuth fields `error` and `error_description` (from {@link SimErrorShape.fields}).
 */
export function restJsonError(error: SimErrorShape, ctx: SimContext): SimResponse {
  const oauth = error.fields?.['error'];
  const body = oauth ? { error: oauth, error_description: error.message } : { message: error.message };
  return {
    status: error.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-requestid': ctx.requestId,
      'x-amzn-errortype': `${error.code}:http://internal.amazon.com/coral/com.amazonaws.ssooidc/`,
      ...error.headers,
    },
    body: JSON.stringify(body),
  };
}

/** Parse a JSON request body into an object (an empty body is `{}`); null when it is not a JSON object. */
export function jsonBody(body: Buffer): Record<string, unknown> | null {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
