import {
  readinessStatuses,
  type AssessmentCounts,
  type ReadinessStatus,
} from '../../../../electron/core/api/calls/assess';
import { STATUS_LABEL } from './table-model';

/** Counts by readiness status; pressing one filters the table to it (pressing it again clears). */
export function StatusCounts({
  counts,
  active,
  onPick,
}: {
  counts: AssessmentCounts;
  active: ReadinessStatus | 'all';
  onPick: (status: ReadinessStatus | 'all') => void;
}) {
  return (
    <div className="assess-counts" role="group" aria-label="Resources by readiness">
      <button
        type="button"
        className={`assess-count${active === 'all' ? ' assess-count-active' : ''}`}
        aria-pressed={active === 'all'}
        onClick={() => onPick('all')}
      >
        <span className="assess-count-n">{counts.total}</span> All
      </button>
      {readinessStatuses.map((status) => (
        <button
          key={status}
          type="button"
          className={`assess-count assess-status-${status}${active === status ? ' assess-count-active' : ''}`}
          aria-pressed={active === status}
          onClick={() => onPick(active === status ? 'all' : status)}
        >
          <span className="assess-count-n">{counts.byStatus[status]}</span> {STATUS_LABEL[status]}
        </button>
      ))}
      <span className="assess-gap-counts muted">
        Gaps: {counts.gaps.critical} critical, {counts.gaps.warning} warning
      </span>
    </div>
  );
}
