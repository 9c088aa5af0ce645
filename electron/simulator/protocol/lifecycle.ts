/**
 * Clock-driven resource lifecycles, evaluated lazily at read time (no timers): a resource
 * stores the phases it will go through with the simulated time each one ends, so its state
 * stays plain JSON and a saved account resumes mid-restore.
 */

/** One phase of a lifecycle: the status, and the simulated time (ISO 8601) it ends; the last phase has none. */
export interface Phase {
  status: string;
  until?: string;
}

/** The status at a simulated time: the first phase not yet over, else the last phase. */
export function phaseAt(phases: readonly Phase[], now: Date): string {
  const t = now.getTime();
  for (const phase of phases) {
    if (phase.until === undefined || Date.parse(phase.until) > t) return phase.status;
  }
  return phases[phases.length - 1]?.status ?? 'unknown';
}

/**
 * Build phases starting at `start`: each step lasts its minutes, then `final` holds for good.
 * `phases(t0, [['creating', 12], ['backing-up', 3]], 'available')`.
 */
export function buildPhases(
  start: Date,
  steps: ReadonlyArray<readonly [string, number]>,
  final: string,
): Phase[] {
  const out: Phase[] = [];
  let t = start.getTime();
  for (const [status, minutes] of steps) {
    t += Math.round(minutes * 60_000);
    out.push({ status, until: new Date(t).toISOString() });
  }
  out.push({ status: final });
  return out;
}

/** When the last timed phase ends (the resource reaches its final status), or undefined if already final. */
export function settledAt(phases: readonly Phase[]): Date | undefined {
  const timed = phases.filter((p) => p.until !== undefined);
  const last = timed[timed.length - 1];
  return last?.until ? new Date(last.until) : undefined;
}

/** Progress of the first timed phase from `start`, 0 to 100 (for snapshot `PercentProgress`, `Progress`). */
export function progressAt(start: string, phases: readonly Phase[], now: Date): number {
  const end = settledAt(phases);
  if (!end) return 100;
  const begin = Date.parse(start);
  const span = end.getTime() - begin;
  if (span <= 0) return 100;
  return Math.max(0, Math.min(100, Math.floor(((now.getTime() - begin) / span) * 100)));
}

/** Parse a scenario age such as `90s`, `20m`, `6h`, `3d` or `2w` into milliseconds. */
export function parseAge(age: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([smhdw])$/.exec(age.trim());
  if (!match) throw new Error(`Invalid age '${age}': use a number and a unit, e.g. 30m, 6h, 3d.`);
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[
    match[2] as 's' | 'm' | 'h' | 'd' | 'w'
  ];
  return Number(match[1]) * unit;
}

/** A zod-friendly regular expression for {@link parseAge} strings. */
export const AGE_PATTERN = /^\d+(?:\.\d+)?\s*[smhdw]$/;

/** The simulated time `age` before `now`, as ISO 8601. */
export function agoIso(now: Date, age: string): string {
  return new Date(now.getTime() - parseAge(age)).toISOString();
}
