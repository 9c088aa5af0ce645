/** The incident clock against the RTO target at one moment. */
export interface ClockState {
  /** Milliseconds since declaration (until closing, for a closed incident). */
  elapsedMs: number;
  /** The strictest RTO of the incident's targets, in minutes; null without targets. */
  targetMinutes: number | null;
  /** The tier that target belongs to. */
  targetTitle: string | null;
  /** elapsed / target (0 without a target). */
  ratio: number;
  /** `ok` below 75 % of the target, `near` from 75 %, `breached` past it, `none` without a target. */
  level: 'ok' | 'near' | 'breached' | 'none';
}

/** The fraction of the RTO from which the clock turns amber. */
export const NEAR_RTO = 0.75;

/**
 * Where the incident clock stands (pure): time since declaration against the strictest RTO of the
 * tiers the incident declared (the first service to miss its target is the one that matters).
 */
export function incidentClockState(
  incident: {
    declaredAt: string;
    closedAt: string | null;
    targets: Array<{ title: string; rtoMinutes: number }>;
  },
  nowMs: number,
): ClockState {
  const start = Date.parse(incident.declaredAt);
  const end = incident.closedAt ? Date.parse(incident.closedAt) : nowMs;
  const elapsedMs = Number.isFinite(start) ? Math.max(0, end - start) : 0;
  const target = incident.targets
    .filter((t) => Number.isFinite(t.rtoMinutes) && t.rtoMinutes > 0)
    .reduce<{ title: string; rtoMinutes: number } | null>(
      (best, t) => (best === null || t.rtoMinutes < best.rtoMinutes ? t : best),
      null,
    );
  if (!target) return { elapsedMs, targetMinutes: null, targetTitle: null, ratio: 0, level: 'none' };
  const ratio = elapsedMs / (target.rtoMinutes * 60_000);
  return {
    elapsedMs,
    targetMinutes: target.rtoMinutes,
    targetTitle: target.title,
    ratio,
    level: ratio >= 1 ? 'breached' : ratio >= NEAR_RTO ? 'near' : 'ok',
  };
}

/** A duration as `H:MM:SS` (hours grow past 24 rather than wrapping) (pure). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Minutes as a short target (`45 min`, `4 h`, `1 h 30 min`) (pure). */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
