/**
 * Achieved RTO and RPO (PURE). RTO: from the incident's declaration to the moment the resource
 * was validated (journal clock). RPO: the data-loss window, from the restored point in time to
 * the reference time at which the source stopped being usable (AWS clock: the outage as the
 * assessment saw it, in tabletop the simulated account's clock).
 */

const MINUTE = 60_000;

/** Whole minutes between two ISO times, rounded up (never negative); null when either is missing. */
export function minutesBetween(
  from: string | null | undefined,
  to: string | null | undefined,
): number | null {
  if (!from || !to) return null;
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.max(0, Math.ceil((b - a) / MINUTE));
}

/** The achieved RTO: declaration → validated. */
export function achievedRto(declaredAt: string, validatedAt: string): number | null {
  return minutesBetween(declaredAt, validatedAt);
}

/** Where the restored data ends, and how that is known. */
export type RestoredPoint =
  | { kind: 'time'; at: string; what: string }
  | { kind: 'lag'; minutes: number; what: string }
  | { kind: 'unknown'; why: string };

/** The achieved RPO from the restored point and the reference time. */
export function achievedRpo(
  point: RestoredPoint,
  reference: { at: string; what: string } | null,
): { minutes: number | null; basis: string } {
  if (point.kind === 'unknown') return { minutes: null, basis: `unknown: ${point.why}` };
  if (point.kind === 'lag') return { minutes: point.minutes, basis: point.what };
  if (!reference)
    return { minutes: null, basis: `${point.what} ${point.at}; no reference time for the outage` };
  const minutes = minutesBetween(point.at, reference.at);
  return {
    minutes,
    basis: `${point.what} ${point.at} → ${reference.what} ${reference.at}`,
  };
}

/** Both targets met? null when a target or a measure is unknown. */
export function targetsMet(
  rto: number | null,
  rtoTarget: number | null,
  rpo: number | null,
  rpoTarget: number | null,
): boolean | null {
  if (rto === null || rtoTarget === null || rpo === null || rpoTarget === null) return null;
  return rto <= rtoTarget && rpo <= rpoTarget;
}

/** A reference time for the data-loss window, and what it is. */
export interface LossWindowReference {
  at: string;
  what: string;
}

/**
 * The end of the data-loss window, on the account's clock: the impact start the commander gave;
 * else the assessment's time (the option's point plus its RPO: the same clock as the restored
 * point); else, live, the declaration (tabletop journal and account clocks differ); else null.
 */
export function lossWindowEnd(
  given: LossWindowReference | null,
  assessedAt: string | null,
  mode: 'LIVE' | 'TABLETOP',
  declaredAt: string,
): LossWindowReference | null {
  if (given) return given;
  if (assessedAt) return { at: assessedAt, what: 'outage assessed at' };
  return mode === 'LIVE' ? { at: declaredAt, what: 'incident declared at' } : null;
}
