import { useStore } from '../../store/index';
import { useNow } from '../identity/use-now';
import { formatClock, formatMinutes, incidentClockState } from './incident-clock-state';

/** The incident clock in the header: time since declaration against the strictest RTO, amber from 75 %, red past it. */
export function IncidentClock() {
  const incident = useStore((s) => s.incident);
  const now = useNow(1000);
  if (!incident) return null;
  const s = incident.state;
  const clock = incidentClockState(s, now);
  const levelText =
    clock.level === 'breached'
      ? 'RTO passed'
      : clock.level === 'near'
        ? 'nearing the RTO'
        : clock.level === 'ok'
          ? 'within the RTO'
          : 'no RTO target';
  const target = clock.targetMinutes !== null ? formatMinutes(clock.targetMinutes) : null;
  return (
    <div
      className={`incident-clock clock-${clock.level}`}
      data-testid="incident-clock"
      data-level={clock.level}
      role="timer"
      aria-label={`Incident clock ${formatClock(clock.elapsedMs)} since declaration${
        target ? ` against an RTO of ${target} (${clock.targetTitle}): ${levelText}` : ''
      }${s.status === 'closed' ? ', incident closed' : ''}`}
      title={`Declared ${new Date(s.declaredAt).toLocaleString()} (${s.declaredAt})`}
    >
      <span className="clock-time" aria-hidden="true">
        {formatClock(clock.elapsedMs)}
      </span>
      {target && (
        <span className="clock-target" aria-hidden="true">
          {clock.level === 'breached' ? 'RTO passed · ' : 'RTO '}
          {target}
          {clock.level !== 'breached' && ` · ${Math.round(clock.ratio * 100)} %`}
        </span>
      )}
    </div>
  );
}
