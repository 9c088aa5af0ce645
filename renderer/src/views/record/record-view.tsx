import { useEffect, useMemo, useState } from 'react';
import type { RecordDraft } from '../../../../electron/core/api/calls/record';
import type { ErrorValue } from '../../../../electron/core/api/result';
import { composeRecord, emptyRecordForm } from '../../../../electron/core/record/compose-record';
import type { EvidencePack } from '../../../../electron/core/record/evidence-types';
import { renderRecordMarkdown } from '../../../../electron/core/record/render-markdown';
import type { ActionItem, RecordForm, SavedRecord } from '../../../../electron/core/record/types';
import { validateRecordForm } from '../../../../electron/core/record/validate-record-form';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { RecordExportButtons } from '../../components/war-room/record-export-buttons';
import { TargetsChart } from '../../components/charts/targets-chart';
import { useStore } from '../../store/index';
import '../incident/incident.css';

const lines = (text: string) => text.split('\n');

/** The lessons-learned record: a guided form with a live preview; after saving, the path and its folder. */
export function RecordView() {
  const incident = useStore((s) => s.incident);
  const lastSeq = incident?.state.lastSeq ?? 0;
  const incidentId = incident?.id ?? null;
  const [draft, setDraft] = useState<RecordDraft | null>(null);
  const [form, setForm] = useState<RecordForm>(emptyRecordForm());
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [saved, setSaved] = useState<SavedRecord | null>(null);
  const [pack, setPack] = useState<EvidencePack | null>(null);
  const [folderNote, setFolderNote] = useState<string | null>(null);

  // The journal's facts follow the incident; the form is loaded once per incident.
  useEffect(() => {
    if (!incidentId) return;
    let cancelled = false;
    void api.record.draft({ incidentId }).then((result) => {
      if (cancelled) return;
      if (!result.ok) return setError(result.error);
      setDraft(result.value);
      if (loadedFor !== incidentId) {
        setForm(result.value.form);
        setLoadedFor(incidentId);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [incidentId, lastSeq, loadedFor]);

  const problems = useMemo(
    () => (draft ? validateRecordForm(form, draft.facts.declaredAt) : []),
    [draft, form],
  );
  const preview = useMemo(
    () => (draft ? renderRecordMarkdown(composeRecord(draft.facts, form, new Date())) : ''),
    [draft, form],
  );

  if (!incident) {
    return (
      <section className="view record-view">
        <h1>Lessons-learned record</h1>
        <p className="muted">Open or declare an incident to write its record.</p>
      </section>
    );
  }

  if (!draft || loadedFor !== incident.id) {
    // The form appears once the saved form (if any) is loaded, so nothing typed is overwritten.
    return (
      <section className="view record-view">
        <h1>Lessons-learned record: {incident.id}</h1>
        {error ? (
          <ErrorPanel title="The record draft could not be loaded" error={error} />
        ) : (
          <p className="muted">Loading the journal facts…</p>
        )}
      </section>
    );
  }

  const setItem = (i: number, patch: Partial<ActionItem>) =>
    setForm({ ...form, actionItems: form.actionItems.map((a, j) => (j === i ? { ...a, ...patch } : a)) });

  async function save() {
    const result = await api.record.save({ incidentId: incident!.id, form });
    if (!result.ok) return setError(result.error);
    setError(null);
    setSaved(result.value);
    setFolderNote(null);
  }

  async function openFolder(path: string) {
    const result = await api.record.openFolder({ path });
    if (!result.ok) return setError(result.error);
    setFolderNote(`Folder: ${result.value.folder}`);
  }

  async function exportPack() {
    const result = await api.record.evidence({ incidentId: incident!.id });
    if (!result.ok) return setError(result.error);
    setPack(result.value);
  }

  const list = (field: 'wentWell' | 'wentPoorly' | 'rootCauses', label: string) => (
    <div className="field">
      <label htmlFor={`record-${field}`}>{label} (one per line)</label>
      <textarea
        id={`record-${field}`}
        value={form[field].join('\n')}
        onChange={(e) => setForm({ ...form, [field]: lines(e.target.value) })}
      />
    </div>
  );

  return (
    <section className="view record-view" aria-labelledby="record-heading">
      <h1 id="record-heading">Lessons-learned record: {incident.id}</h1>
      <TargetsChart resources={draft.facts.resources} />
      <div className="record-grid">
        <form
          className="panel"
          aria-label="Record form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="field">
            <label htmlFor="record-summary">Summary</label>
            <textarea
              id="record-summary"
              value={form.summary}
              onChange={(e) => setForm({ ...form, summary: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="record-impact">Impact</label>
            <textarea
              id="record-impact"
              value={form.impact}
              onChange={(e) => setForm({ ...form, impact: e.target.value })}
            />
          </div>
          {list('wentWell', 'What went well')}
          {list('wentPoorly', 'What went poorly')}
          {list('rootCauses', 'Root causes')}
          <fieldset className="field">
            <legend className="field-label">Action items</legend>
            {form.actionItems.map((item, i) => (
              <div className="row" key={i} role="group" aria-label={`Action item ${i + 1}`}>
                <input
                  className="inline-input"
                  aria-label={`Action item ${i + 1}: what`}
                  placeholder="What will be done"
                  value={item.title}
                  onChange={(e) => setItem(i, { title: e.target.value })}
                />
                <input
                  className="inline-input"
                  aria-label={`Action item ${i + 1}: owner`}
                  placeholder="Owner"
                  value={item.owner}
                  onChange={(e) => setItem(i, { owner: e.target.value })}
                />
                <input
                  className="inline-input"
                  aria-label={`Action item ${i + 1}: due date`}
                  placeholder="YYYY-MM-DD"
                  value={item.due}
                  onChange={(e) => setItem(i, { due: e.target.value })}
                />
                <button
                  type="button"
                  className="button"
                  aria-label={`Remove action item ${i + 1}`}
                  onClick={() =>
                    setForm({ ...form, actionItems: form.actionItems.filter((_, j) => j !== i) })
                  }
                >
                  Remove
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button"
              onClick={() =>
                setForm({ ...form, actionItems: [...form.actionItems, { title: '', owner: '', due: '' }] })
              }
            >
              Add action item
            </button>
          </fieldset>
          {problems.length > 0 && (
            <ul className="form-error" aria-live="polite">
              {problems.map((p) => (
                <li key={p.field}>
                  {p.field}: {p.message}
                </li>
              ))}
            </ul>
          )}
          {error && <ErrorPanel title="The record was not saved" error={error} />}
          <div className="row">
            <button type="submit" className="button button-primary" disabled={problems.length > 0 || !draft}>
              Save record
            </button>
            <button type="button" className="button" onClick={() => void exportPack()}>
              Export evidence pack
            </button>
          </div>
          <RecordExportButtons
            incidentId={incident.id}
            savedJsonPath={saved?.jsonPath ?? draft.lastSaved?.jsonPath ?? null}
          />
          {saved && (
            <div className="panel" role="status" aria-label="Saved record" style={{ marginTop: '0.75rem' }}>
              <p>Saved {saved.title}:</p>
              <p className="saved-path">{saved.markdownPath}</p>
              <p className="saved-path">{saved.jsonPath}</p>
              <button type="button" className="button" onClick={() => void openFolder(saved.markdownPath)}>
                Open folder
              </button>
              {folderNote && <p className="saved-path">{folderNote}</p>}
            </div>
          )}
          {pack && (
            <div className="panel" role="status" aria-label="Evidence pack" style={{ marginTop: '0.75rem' }}>
              <p>
                Evidence pack ({pack.files.length} files, journal {pack.journal.status},{' '}
                {pack.journal.entries} entries):
              </p>
              <p className="saved-path">{pack.dir}</p>
              <button type="button" className="button" onClick={() => void openFolder(pack.dir)}>
                Open pack folder
              </button>
            </div>
          )}
        </form>
        <section className="panel" aria-labelledby="record-preview-heading">
          <h2 id="record-preview-heading">Preview</h2>
          <pre className="record-preview" tabIndex={0} aria-label="Record preview (Markdown)">
            {preview}
          </pre>
        </section>
      </div>
    </section>
  );
}
