import type { AppMode } from '../../../electron/core/api/calls/app';

/** LIVE in red, TABLETOP in amber: impossible to confuse, with the reason on hover. */
export function ModeBadge({ mode, reason }: { mode: AppMode; reason: string }) {
  return (
    <span
      className={`mode-badge mode-${mode.toLowerCase()}`}
      title={reason}
      aria-label={`Mode: ${mode === 'LIVE' ? 'LIVE, acting on real AWS' : 'TABLETOP exercise, simulated AWS'}`}
      data-testid="mode-badge"
    >
      {mode}
    </span>
  );
}
