import { useEffect, useState } from 'react';
import { MAX_NOTE_LENGTH } from '../../../../electron/core/api/calls/incident';
import { api } from '../../api/client';
import { useStore } from '../../store/index';
import './incident.css';

/**
 * The notes box, always at hand in the sidebar: a note or a decision for the open incident's
 * timeline. Also opens the active incident when the app starts.
 */
export function NotesBox() {
  const incident = useStore((s) => s.incident);
  const load = useStore((s) => s.incidentLoad);
  const loadActiveIncident = useStore((s) => s.loadActiveIncident);
  const run = useStore((s) => s.runIncidentCall);
  const [text, setText] = useState('');
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    if (load.status === 'idle') void loadActiveIncident();
  }, [load.status, loadActiveIncident]);

  if (!incident || incident.readOnly) return null;

  async function add(kind: 'note' | 'decision') {
    const entry = await run(() => api.incident.note({ incidentId: incident!.id, text, kind }));
    if (entry) {
      setText('');
      setSaved(
        `${kind === 'decision' ? 'Decision' : 'Note'} #${entry.seq} saved at ${new Date(entry.time).toLocaleTimeString()}`,
      );
    }
  }

  const tooLong = text.length > MAX_NOTE_LENGTH;
  return (
    <form
      className="notes-box"
      aria-label={`Notes for ${incident.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void add('note');
      }}
    >
      <label htmlFor="notes-box-text" className="field-label">
        Note for {incident.id}
      </label>
      <textarea
        id="notes-box-text"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setSaved(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void add('note');
          }
        }}
        aria-describedby="notes-box-hint"
      />
      <span id="notes-box-hint" className={tooLong ? 'form-error' : 'hint'}>
        {tooLong
          ? `${text.length.toLocaleString()} characters: the limit is ${MAX_NOTE_LENGTH.toLocaleString()}.`
          : 'Ctrl+Enter adds it as a note.'}
      </span>
      <div className="row">
        <button type="submit" className="button" disabled={text.trim() === '' || tooLong}>
          Add note
        </button>
        <button
          type="button"
          className="button"
          disabled={text.trim() === '' || tooLong}
          onClick={() => void add('decision')}
        >
          Add as decision
        </button>
      </div>
      <span role="status" className="hint">
        {saved ?? ''}
      </span>
    </form>
  );
}
