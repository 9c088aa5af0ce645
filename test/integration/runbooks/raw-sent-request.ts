import { HttpRequest } from '@smithy/protocol-http';
import { sentRequestOf, type SentRequest } from '../../support/iam-capture';
import type { SimRawRequest } from './run-runbook';

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parse a raw query string; a key without `=` (S3's `?versioning`, `?restore`) has the value null. */
function parseQuery(rawQuery: string): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    if (eq < 0) out[decode(part)] = null;
    else out[decode(part.slice(0, eq))] = decode(part.slice(eq + 1));
  }
  return out;
}

/**
 * A request as the simulator's HTTP server received it (from the `aws` CLI, say) reduced to a
 * {@link SentRequest}, through the same reader the in-process capture uses: the raw request is
 * rebuilt as the Smithy `HttpRequest` an SDK client would have sent. Throws for a request that
 * reader cannot tell (not SigV4-signed, an S3 operation it does not know).
 */
export function sentRequestOfRaw(raw: SimRawRequest): SentRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const request = new HttpRequest({
    method: raw.method.toUpperCase(),
    hostname: raw.hostname,
    path: raw.path,
    query: parseQuery(raw.rawQuery) as Record<string, string>,
    headers,
    body: new Uint8Array(raw.body),
  });
  return sentRequestOf(request);
}
