import { simError } from './errors';

/** One page of results and the token for the next (undefined on the last page). */
export interface Page<T> {
  items: T[];
  next: string | undefined;
}

/**
 * Paginate a list with an opaque marker (RDS `Marker`, EC2 `NextToken`, …). The marker
 * encodes the offset; a marker this simulator did not issue is an `InvalidParameterValue`
 * (EC2: `InvalidNextToken` via `badTokenCode`).
 */
export function paginate<T>(
  items: readonly T[],
  marker: string | undefined,
  limit: { value: number | undefined; min: number; max: number; fallback: number; name: string },
  badTokenCode = 'InvalidParameterValue',
): Page<T> {
  const size = limit.value ?? limit.fallback;
  if (!Number.isInteger(size) || size < limit.min || size > limit.max) {
    throw simError(
      'InvalidParameterValue',
      `Invalid value ${String(limit.value)} for ${limit.name}: it must be between ${limit.min} and ${limit.max}.`,
    );
  }
  let start = 0;
  if (marker) {
    const decoded = Buffer.from(marker, 'base64url').toString('utf8');
    const match = /^offset:(\d+)$/.exec(decoded);
    if (!match)
      throw simError(
        badTokenCode,
        `The pagination token ${marker} is invalid: pass the token the previous page returned.`,
      );
    start = Number(match[1]);
  }
  const page = items.slice(start, start + size);
  const end = start + page.length;
  return {
    items: page,
    next: end < items.length ? Buffer.from(`offset:${end}`, 'utf8').toString('base64url') : undefined,
  };
}

/** Keep the items that match every filter; `values` match any of them, `*` as a wildcard. */
export function applyFilters<T>(
  items: readonly T[],
  filters: ReadonlyArray<{ Name?: string | undefined; Values?: string[] | undefined }> | undefined,
  valuesOf: (item: T, name: string) => readonly string[] | undefined,
  filterNotFoundCode = 'InvalidParameterValue',
): T[] {
  if (!filters || filters.length === 0) return [...items];
  const compiled = filters.map((f) => {
    if (!f.Name) throw simError('InvalidParameterValue', 'Each filter needs a Name.');
    return { name: f.Name, patterns: (f.Values ?? []).map(wildcard) };
  });
  for (const f of compiled) {
    if (items.length > 0 && valuesOf(items[0] as T, f.name) === undefined) {
      throw simError(filterNotFoundCode, `The filter '${f.name}' is not supported.`);
    }
  }
  return items.filter((item) =>
    compiled.every((f) => {
      const actual = valuesOf(item, f.name) ?? [];
      return f.patterns.length === 0 || actual.some((v) => f.patterns.some((p) => p.test(v)));
    }),
  );
}

function wildcard(value: string): RegExp {
  const escaped = value
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}
