import { useState } from 'react';
import type { RecordExport } from '../../../../electron/core/api/calls/record';
import type { ErrorValue } from '../../../../electron/core/api/result';
import { api } from '../../api/client';
import { useStore } from '../../store/index';
import { ErrorPanel } from '../error-panel';

/**
 * Export the saved record as standalone HTML (desktop and browser) or PDF (desktop: printed by
 * the main process, announced as a notice). Disabled until a record has been saved.
 */
export function RecordExportButtons({
  incidentId,
  savedJsonPath,
}: {
  incidentId: string;
  savedJsonPath: string | null;
}) {
  const desktop = useStore((s) => s.appInfo.status === 'ready' && s.appInfo.value.transport === 'ipc');
  const [busy, setBusy] = useState<'html' | 'pdf' | null>(null);
  const [done, setDone] = useState<RecordExport | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);

  async function run(format: 'html' | 'pdf') {
    setBusy(format);
    setError(null);
    const result = await api.record.export({
      incidentId,
      format,
      ...(savedJsonPath ? { jsonPath: savedJsonPath } : {}),
    });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setDone(result.value);
  }

  const none = savedJsonPath === null;
  return (
    <div className="record-export" role="group" aria-label="Export the saved record">
      <div className="row">
        <button
          type="button"
          className="button"
          disabled={none || busy !== null}
          onClick={() => void run('html')}
        >
          {busy === 'html' ? 'Exporting…' : 'Export HTML'}
        </button>
        {desktop && (
          <button
            type="button"
            className="button"
            disabled={none || busy !== null}
            onClick={() => void run('pdf')}
          >
            {busy === 'pdf' ? 'Exporting…' : 'Export PDF'}
          </button>
        )}
        {none && <span className="muted">Save the record to export it.</span>}
        {!desktop && !none && <span className="muted">PDF: open the HTML in a browser and print it.</span>}
      </div>
      {done && (
        <div className="panel" role="status" aria-label="Exported record">
          <p>Standalone HTML (no scripts; opens anywhere):</p>
          <p className="saved-path">{done.htmlPath}</p>
          {done.pdfPath && (
            <>
              <p>PDF being printed (a notice says when it is written):</p>
              <p className="saved-path">{done.pdfPath}</p>
            </>
          )}
        </div>
      )}
      {error && (
        <ErrorPanel
          title="The record could not be exported"
          error={error}
          onRetry={() => setError(null)}
          retryLabel="Dismiss"
        />
      )}
    </div>
  );
}
