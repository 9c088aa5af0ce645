import type { ReapplyResult } from '../../../../electron/core/validate/types';

/**
 * The re-apply dry run: each write it would send to the restored table, as its exact aws CLI
 * command, what is skipped and why, and an explicit confirmation (nothing is sent before it).
 */
export function ReapplyConfirm({
  preview,
  busy,
  onConfirm,
  onCancel,
}: {
  preview: ReapplyResult;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <section className="panel vm-reapply-confirm" aria-labelledby="vm-reapply-heading">
      <h2 id="vm-reapply-heading">Re-apply settings on {preview.table}: dry run</h2>
      {preview.planned.length === 0 ? (
        <p>Nothing to send: every setting is already as the source.</p>
      ) : (
        <>
          <p>These calls go to the restored table only (never the source). Nothing has been sent yet.</p>
          <ul className="vm-list">
            {preview.planned.map((p) => (
              <li key={p.setting}>
                <strong>{p.setting.toUpperCase()}</strong>: {p.detail}
                <pre className="cli">{p.cli}</pre>
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.skipped.length > 0 ? (
        <p className="small muted">
          Skipped: {preview.skipped.map((k) => `${k.setting} (${k.reason})`).join('; ')}.
        </p>
      ) : null}
      <div className="vm-actions">
        {preview.planned.length > 0 ? (
          <button type="button" className="button button-primary" disabled={busy} onClick={onConfirm}>
            Send {preview.planned.length} call{preview.planned.length === 1 ? '' : 's'} to {preview.table}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onCancel}>
          {preview.planned.length > 0 ? 'Cancel' : 'Close'}
        </button>
      </div>
    </section>
  );
}
