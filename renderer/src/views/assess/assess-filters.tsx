import { assessServices, readinessStatuses } from '../../../../electron/core/api/calls/assess';
import { SERVICE_LABEL, STATUS_LABEL, type AssessFilters } from './table-model';

/** Filters of the table: service, region, tier, readiness and a text search. */
export function AssessFiltersBar({
  filters,
  regions,
  tiers,
  onChange,
}: {
  filters: AssessFilters;
  regions: string[];
  tiers: string[];
  onChange: (next: AssessFilters) => void;
}) {
  return (
    <div className="assess-filters" role="search" aria-label="Filter resources">
      <label>
        Service{' '}
        <select
          value={filters.service}
          onChange={(e) => onChange({ ...filters, service: e.target.value as AssessFilters['service'] })}
        >
          <option value="all">All</option>
          {assessServices.map((s) => (
            <option key={s} value={s}>
              {SERVICE_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Region{' '}
        <select value={filters.region} onChange={(e) => onChange({ ...filters, region: e.target.value })}>
          <option value="all">All</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tier{' '}
        <select value={filters.tier} onChange={(e) => onChange({ ...filters, tier: e.target.value })}>
          <option value="all">All</option>
          {tiers.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Readiness{' '}
        <select
          value={filters.status}
          onChange={(e) => onChange({ ...filters, status: e.target.value as AssessFilters['status'] })}
        >
          <option value="all">All</option>
          {readinessStatuses.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Search{' '}
        <input
          type="search"
          value={filters.text}
          placeholder="name or ARN"
          onChange={(e) => onChange({ ...filters, text: e.target.value })}
        />
      </label>
    </div>
  );
}
