import type { ValidationCheck, ValidationRun } from '../../../../electron/core/validate/types';
import { buildMatrix, canReapply, STATUS_TEXT } from './matrix-model';

/** The cell the user opened: a resource and one of its checks. */
export interface OpenCell {
  resourceId: string;
  checkId: string;
}

function Cell({
  check,
  resource,
  open,
  onOpen,
}: {
  check: ValidationCheck | null;
  resource: string;
  open: boolean;
  onOpen: () => void;
}) {
  if (!check)
    return (
      <td className="vm-cell vm-na">
        <span aria-label="not applicable">·</span>
      </td>
    );
  const s = STATUS_TEXT[check.status];
  return (
    <td className={`vm-cell vm-${check.status}`}>
      <button
        type="button"
        className="vm-cell-button"
        aria-pressed={open}
        aria-label={`${resource}, ${check.title}: ${s.label}. Show the evidence`}
        title={check.evidence}
        onClick={onOpen}
      >
        <span aria-hidden="true">{s.glyph}</span> {s.label}
      </button>
    </td>
  );
}

/**
 * The validation matrix: one row per restored resource, one column per check; each cell says
 * its status in words and a glyph (colour only adds to it) and opens the evidence.
 */
export function ValidationMatrix({
  run,
  open,
  busy,
  onOpen,
  onReapply,
}: {
  run: ValidationRun;
  open: OpenCell | null;
  busy: boolean;
  onOpen: (cell: OpenCell) => void;
  onReapply: (resourceId: string) => void;
}) {
  const matrix = buildMatrix(run);
  return (
    <div className="vm-scroll" tabIndex={0} role="region" aria-label="Validation matrix (scrolls sideways)">
      <table className="vm-table">
        <caption className="visually-hidden">
          Checks of every restored resource: pass, warn, fail or skipped
        </caption>
        <thead>
          <tr>
            <th scope="col">Resource</th>
            <th scope="col">Result</th>
            <th scope="col">RTO / RPO</th>
            {matrix.columns.map((c) => (
              <th scope="col" key={c.id} className="vm-col">
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map(({ resource, cells }) => {
            const s = STATUS_TEXT[resource.status];
            return (
              <tr key={resource.resourceId} data-resource={resource.resourceId}>
                <th scope="row" className="vm-resource">
                  <span className="vm-service">{resource.service}</span> {resource.source}
                  <span className="vm-target small muted">→ {resource.targetId}</span>
                  {canReapply(resource) ? (
                    <button
                      type="button"
                      className="button vm-reapply"
                      disabled={busy}
                      onClick={() => onReapply(resource.resourceId)}
                    >
                      Re-apply PITR, TTL, tags…
                    </button>
                  ) : null}
                </th>
                <td className={`vm-cell vm-${resource.status}`}>
                  <strong>
                    <span aria-hidden="true">{s.glyph}</span> {s.label}
                  </strong>
                </td>
                <td className="vm-times small">
                  <span>
                    RTO {resource.achievedRtoMinutes ?? '?'} / {resource.rtoTargetMinutes ?? '?'} min
                  </span>
                  <span>
                    RPO {resource.achievedRpoMinutes ?? '?'} / {resource.rpoTargetMinutes ?? '?'} min
                  </span>
                  <span>
                    {resource.targetsMet === null
                      ? 'targets unknown'
                      : resource.targetsMet
                        ? 'met'
                        : 'MISSED'}
                  </span>
                </td>
                {cells.map((check, i) => (
                  <Cell
                    key={matrix.columns[i]!.id}
                    check={check}
                    resource={resource.source}
                    open={open?.resourceId === resource.resourceId && open.checkId === check?.id}
                    onOpen={() => check && onOpen({ resourceId: resource.resourceId, checkId: check.id })}
                  />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
