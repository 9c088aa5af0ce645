/** Seconds left until an ISO time, at a moment (pure; negative once passed). */
export function secondsUntil(iso: string, nowMs: number): number {
  return Math.floor((Date.parse(iso) - nowMs) / 1000);
}

/** `7h 59m`, `14m 05s`, `0s`, or `expired` (pure). */
export function formatCountdown(seconds: number): string {
  if (seconds <= 0) return 'expired';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

/** A spoken form for screen readers: `expires in 7 hours 59 minutes` (pure). */
export function describeCountdown(seconds: number): string {
  if (seconds <= 0) return 'the AWS session has expired';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const parts = [h > 0 ? `${h} hour${h === 1 ? '' : 's'}` : '', `${m} minute${m === 1 ? '' : 's'}`].filter(
    Boolean,
  );
  return `the AWS session expires in ${parts.join(' ')}`;
}
