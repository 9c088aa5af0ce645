import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import type { ErrorValue } from '../../../../electron/core/api/result';
import { useStore } from '../../store/index';
import './incident.css';

/** The declare-incident dialog: title, severity, commander. Escape or Cancel closes it. */
export function DeclareDialog({ onClose }: { onClose: () => void }) {
  const openIncident = useStore((s) => s.openIncident);
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<'SEV1' | 'SEV2' | 'SEV3' | 'SEV4'>('SEV1');
  const [commander, setCommander] = useState('');
  const [error, setError] = useState<ErrorValue | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await api.incident.declare({ title, severity, commander });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    await openIncident(result.value.state.id);
    onClose();
  }

  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="declare-title">
        <h2 id="declare-title">Declare an incident</h2>
        <form onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor="declare-incident-title">Title</label>
            <input
              id="declare-incident-title"
              ref={first}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              placeholder="us-east-1: S3 and RDS unavailable"
              required
              maxLength={200}
            />
          </div>
          <div className="field">
            <label htmlFor="declare-severity">Severity</label>
            <select
              id="declare-severity"
              value={severity}
              onChange={(e) => setSeverity(e.target.value as typeof severity)}
            >
              <option value="SEV1">SEV1: customer-facing outage</option>
              <option value="SEV2">SEV2: major degradation</option>
              <option value="SEV3">SEV3: minor degradation</option>
              <option value="SEV4">SEV4: no customer impact</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="declare-commander">Incident commander</label>
            <input
              id="declare-commander"
              value={commander}
              onChange={(e) => setCommander(e.target.value)}
              required
              maxLength={100}
              autoComplete="name"
            />
            <span className="hint">Only the commander signs off stages.</span>
          </div>
          {error && <ErrorPanel title="The incident was not declared" error={error} />}
          <div className="row">
            <button type="submit" className="button button-primary" disabled={busy}>
              Declare incident
            </button>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
