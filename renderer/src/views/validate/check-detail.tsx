import type { ValidationRun } from '../../../../electron/core/validate/types';
import { STATUS_TEXT } from './matrix-model';
import type { OpenCell } from './validation-matrix';

/** The evidence of the opened cell: what was found, the fix, the request ids, and how RPO was measured. */
export function CheckDetail({
  run,
  open,
  onClose,
}: {
  run: ValidationRun;
  open: OpenCell;
  onClose: () => void;
}) {
  const resource = run.resources.find((r) => r.resourceId === open.resourceId);
  const check = resource?.checks.find((c) => c.id === open.checkId);
  if (!resource || !check) return null;
  return (
    <section className="panel vm-detail" aria-labelledby="vm-detail-heading" aria-live="polite">
      <h2 id="vm-detail-heading">
        {resource.source}: {check.title} · {STATUS_TEXT[check.status].label}
      </h2>
      <p>{check.evidence}</p>
      {check.fix ? (
        <p>
          <strong>What to do:</strong> {check.fix}
        </p>
      ) : null}
      {check.requestIds && check.requestIds.length > 0 ? (
        <p className="small muted">AWS request ids: {check.requestIds.join(', ')}</p>
      ) : null}
      <p className="small muted">
        Target {resource.targetId} · {resource.strategy} · RPO basis: {resource.rpoBasis}
      </p>
      <button type="button" className="button" onClick={onClose}>
        Close evidence
      </button>
    </section>
  );
}
