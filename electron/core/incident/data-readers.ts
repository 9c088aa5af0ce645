/** Tolerant readers of journal data written by any domain (pure). */

/** A non-empty string, or `null`. */
export function readString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** A finite number, or `null`. */
export function readNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A boolean, or `null`. */
export function readBoolean(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/** A plain object, or `null`. */
export function readObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** The objects of an array (non-objects dropped), or `[]`. */
export function readObjects(value: unknown): Array<Record<string, unknown>> {
  if (!Array.isArray(value)) return [];
  return value.map(readObject).filter((item): item is Record<string, unknown> => item !== null);
}

/**
 * The per-resource results of a `validate.completed` entry: `data.resources`, `data.results`,
 * or the data itself when it names one resource.
 */
export function readResourceResults(data: Record<string, unknown>): Array<Record<string, unknown>> {
  const list = readObjects(data.resources);
  if (list.length > 0) return list;
  const results = readObjects(data.results);
  if (results.length > 0) return results;
  return readString(data.resourceId) ? [data] : [];
}
