import { useState } from 'react';
import { api } from '../../api/client';
import { useStore } from '../../store/index';
import type { OpenIncident } from '../../store/slices/incident';

/** The stakeholder update: drafted from the journal, editable, copied as text, and journaled when sent. */
export function StatusUpdatePanel({ incident }: { incident: OpenIncident }) {
  const run = useStore((s) => s.runIncidentCall);
  const [text, setText] = useState('');
  const [copied, setCopied] = useState(false);

  async function draft() {
    const value = await run(() => api.incident.statusDraft({ incidentId: incident.id }));
    if (value) {
      setText(value.text);
      setCopied(false);
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // No clipboard permission (e.g. a plain browser tab): select the text for Ctrl+C instead.
      document.getElementById('status-text')?.focus();
      (document.getElementById('status-text') as HTMLTextAreaElement | null)?.select();
    }
  }

  return (
    <section className="panel" aria-labelledby="status-heading">
      <h2 id="status-heading">Stakeholder update</h2>
      <p className="hint">
        Text to paste anywhere that still works (mail, SMS, the bridge call).
        {incident.state.lastStatusUpdate
          ? ` Last sent at ${new Date(incident.state.lastStatusUpdate.at).toLocaleTimeString()}.`
          : ' None sent yet.'}
      </p>
      <div className="row">
        <button type="button" className="button" onClick={() => void draft()}>
          Draft update from the journal
        </button>
        <button type="button" className="button" onClick={() => void copy()} disabled={text === ''}>
          {copied ? 'Copied' : 'Copy text'}
        </button>
        {!incident.readOnly && (
          <button
            type="button"
            className="button"
            disabled={text.trim() === ''}
            onClick={() => void run(() => api.incident.statusUpdate({ incidentId: incident.id, text }))}
          >
            Mark as sent
          </button>
        )}
      </div>
      {text !== '' && (
        <div className="field" style={{ marginTop: '0.5rem' }}>
          <label htmlFor="status-text">Update text</label>
          <textarea
            id="status-text"
            className="status-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
      )}
    </section>
  );
}
