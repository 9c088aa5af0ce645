/** A duration in minutes as people read it: `45 s`, `12 min`, `2 h 5 min` (pure). */
export function formatMinutes(m: number): string {
  if (m < 1) return `${Math.round(m * 60)} s`;
  if (m < 90) return `${Math.round(m)} min`;
  return `${Math.floor(m / 60)} h ${Math.round(m % 60)} min`;
}

/** An estimate of minutes: `under 1 min`, or `~12 min` / `~2 h 5 min` (pure). */
export function formatEstimate(m: number): string {
  return m < 1 ? 'under 1 min' : `~${formatMinutes(m)}`;
}
