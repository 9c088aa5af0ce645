/**
 * Decode an `application/x-www-form-urlencoded` string into a flat map. Repeated keys keep the
 * last value; `+` means a space, as in HTML forms and the AWS Query protocol.
 */
export function parseFormEncoded(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (text.length === 0) return out;
  for (const pair of text.split('&')) {
    if (pair.length === 0) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    out[decodeComponent(rawKey)] = decodeComponent(rawValue);
  }
  return out;
}

function decodeComponent(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
