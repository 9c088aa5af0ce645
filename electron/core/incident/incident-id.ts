/** Incident ids: `DR-20261126-01` (prefix, UTC date, number of the day). */
export const INCIDENT_ID_PATTERN = /^[A-Z]{2,5}-\d{8}-\d{2,4}$/;

/** The id of the `n`th incident (1-based) declared on `date`'s UTC day. */
export function incidentId(date: Date, n: number, prefix = 'DR'): string {
  const day = date.toISOString().slice(0, 10).replaceAll('-', '');
  return `${prefix}-${day}-${String(n).padStart(2, '0')}`;
}

/** True for a well-formed incident id (also keeps ids from naming paths outside the data folder). */
export function isIncidentId(value: string): boolean {
  return INCIDENT_ID_PATTERN.test(value);
}
