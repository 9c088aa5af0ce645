/** Record and evidence file names (pure). */

/** The UTC stamp used in file names: `20261126T031500Z`. */
export function fileStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll('-', '')
    .replaceAll(':', '');
}

/**
 * The base name (no extension) of a record: `20261126T031500Z-DR-20261126-01-lessons-learned`;
 * attempt 2 and later get `-2`, `-3` … so a second save in the same second never overwrites.
 */
export function recordBaseName(stamp: string, incidentId: string, attempt = 1): string {
  return `${stamp}-${incidentId}-lessons-learned${attempt > 1 ? `-${attempt}` : ''}`;
}
