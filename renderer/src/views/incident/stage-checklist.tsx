import { useState } from 'react';
import type { StageId } from '../../../../electron/core/runbooks/procedure-schema';
import { stageOf } from '../../../../electron/core/incident/transitions';
import { api } from '../../api/client';
import { useStore } from '../../store/index';
import type { OpenIncident } from '../../store/slices/incident';

/** One stage's checklist: tick a step, skip it with a reason; action steps say which screen runs them. */
export function StageChecklist({ incident, stage }: { incident: OpenIncident; stage: StageId }) {
  const run = useStore((s) => s.runIncidentCall);
  const [skipping, setSkipping] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const snapshot = stageOf(incident.state, stage);
  const id = incident.id;
  const locked = incident.readOnly;

  return (
    <section className="panel" aria-labelledby={`checklist-${stage}`}>
      <h2 id={`checklist-${stage}`}>{snapshot.title} checklist</h2>
      <p className="hint">{snapshot.summary}</p>
      <ul className="checklist">
        {snapshot.steps.map((step) => {
          const st = incident.state.steps[step.id];
          const cls = st?.status === 'done' ? 'check-done' : st?.status === 'skipped' ? 'check-skipped' : '';
          return (
            <li key={step.id} className={`check-item ${cls}`} data-step={step.id}>
              <div>
                <strong>{step.title}</strong> {step.required ? null : <span className="tag">optional</span>}{' '}
                <span className="tag">
                  {step.kind === 'action' ? `action: ${step.action ?? ''}` : step.kind}
                </span>
                {step.detail && <div className="hint">{step.detail}</div>}
              </div>
              {step.kind !== 'note' && !locked && (
                <div className="check-actions">
                  {st?.status !== 'done' && (
                    <button
                      type="button"
                      className="button"
                      aria-label={`Mark done: ${step.title}`}
                      onClick={() =>
                        void run(() => api.incident.completeStep({ incidentId: id, stepId: step.id }))
                      }
                    >
                      Done
                    </button>
                  )}
                  {!st && (
                    <button
                      type="button"
                      className="button"
                      aria-label={`Skip: ${step.title}`}
                      aria-expanded={skipping === step.id}
                      onClick={() => {
                        setSkipping(skipping === step.id ? null : step.id);
                        setReason('');
                      }}
                    >
                      Skip…
                    </button>
                  )}
                </div>
              )}
              {st && (
                <div className="check-state">
                  {st.status === 'done' ? 'Done' : 'Skipped'} by {st.by} at{' '}
                  {new Date(st.at).toLocaleTimeString()}
                  {st.evidence ? `: ${st.evidence}` : ''}
                  {st.reason ? `: ${st.reason}` : ''}
                </div>
              )}
              {skipping === step.id && (
                <form
                  className="check-state row"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void run(() => api.incident.skipStep({ incidentId: id, stepId: step.id, reason })).then(
                      (v) => {
                        if (v) setSkipping(null);
                      },
                    );
                  }}
                >
                  <label htmlFor={`skip-${step.id}`}>Reason for skipping</label>
                  <input
                    id={`skip-${step.id}`}
                    className="inline-input"
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                  <button type="submit" className="button">
                    Skip step
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
