import type { ScanProgress } from '../../store/slices/assess';
import { SERVICE_LABEL, showElapsed } from './table-model';

/** The scan in progress: n of m calls per service and region, and the elapsed time. */
export function ScanProgressPanel({ scan, elapsedMs }: { scan: ScanProgress; elapsedMs: number }) {
  const lanes = Object.values(scan.lanes).sort(
    (a, b) => a.service.localeCompare(b.service) || a.region.localeCompare(b.region),
  );
  const done = lanes.reduce((n, l) => n + l.done, 0);
  const total = lanes.reduce((n, l) => n + l.total, 0);
  return (
    <section className="assess-progress" aria-label="Scan progress" aria-live="polite">
      <p>
        Scanning… <strong>{done}</strong> of <strong>{total}</strong> calls · {showElapsed(elapsedMs)}
      </p>
      <ul className="assess-progress-lanes">
        {lanes.map((lane) => {
          const label = `${SERVICE_LABEL[lane.service]} ${lane.region}`;
          return (
            <li key={`${lane.service}/${lane.region}`}>
              <span className="assess-progress-label">{label}</span>
              <progress
                max={Math.max(1, lane.total)}
                value={lane.done}
                aria-label={`${label}: ${lane.done} of ${lane.total}`}
              />
              <span className="assess-progress-count">
                {lane.done}/{lane.total}
                {lane.status !== 'healthy' ? ` · ${lane.status}` : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
