import type { RegionHealth } from '../../../../electron/core/api/calls/assess';
import { SERVICE_LABEL } from './table-model';

/** One tile per region: its role, how it answered, and each service's health. */
export function RegionHealthStrip({ health }: { health: readonly RegionHealth[] }) {
  return (
    <ul className="assess-health" aria-label="Region health">
      {health.map((region) => (
        <li key={region.region} className={`assess-region assess-region-${region.status}`}>
          <div className="assess-region-head">
            <strong>{region.region}</strong> <span className="muted">({region.role})</span>{' '}
            <span className={`assess-pill assess-pill-${region.status}`}>{region.status.toUpperCase()}</span>
          </div>
          <ul className="assess-lanes">
            {region.services.map((lane) => (
              <li key={lane.service} title={lane.reason ?? undefined}>
                <span className={`assess-dot assess-dot-${lane.status}`} aria-hidden="true" />
                {SERVICE_LABEL[lane.service]}: {lane.status}
                {lane.throttled > 0 ? `, ${lane.throttled} throttled` : ''}
                {lane.skipped > 0 ? `, ${lane.skipped} not asked` : ''}
              </li>
            ))}
          </ul>
          {region.reason ? <p className="assess-region-reason muted">{region.reason}</p> : null}
        </li>
      ))}
    </ul>
  );
}
