import { useState } from 'react';
import { stageIds, type StageId } from '../../../../electron/core/runbooks/procedure-schema';
import { missingRequiredSteps, nextStage, stageOf } from '../../../../electron/core/incident/transitions';
import { stageIndex } from '../../../../electron/core/incident/reducer';
import { api } from '../../api/client';
import { useStore } from '../../store/index';
import type { OpenIncident } from '../../store/slices/incident';

/**
 * Sign-off and stage movement: sign off and advance (commander), stand down after a no-go, or go
 * back with a reason.
 */
export function StageControls({ incident }: { incident: OpenIncident }) {
  const run = useStore((s) => s.runIncidentCall);
  const [note, setNote] = useState('');
  const [backTo, setBackTo] = useState<StageId | ''>('');
  const [backReason, setBackReason] = useState('');
  const [standDown, setStandDown] = useState('');
  const s = incident.state;
  const current = stageOf(s, s.stage);
  const next = nextStage(s.stage);
  const missing = missingRequiredSteps(s, s.stage);
  const earlier = stageIds.filter((id) => stageIndex(id) < stageIndex(s.stage));
  const commander = s.roles.commander;

  if (incident.readOnly) return null;
  return (
    <section className="panel" aria-labelledby="signoff-heading">
      <h2 id="signoff-heading">Sign-off</h2>
      {s.status === 'closed' ? (
        <p>The incident was closed at {s.closedAt}.</p>
      ) : (
        <>
          {missing.length > 0 ? (
            <p className="hint">
              Before signing off {current.title}: {missing.map((m) => m.title).join('; ')}.
            </p>
          ) : (
            <p className="hint">Every required step of {current.title} is done or skipped.</p>
          )}
          <div className="field">
            <label htmlFor="signoff-note">Sign-off note (optional)</label>
            <input id="signoff-note" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          {s.stage === 'activate' && s.activation?.decision === 'no-go' && (
            <form
              className="row"
              aria-label="Stand down"
              onSubmit={(e) => {
                e.preventDefault();
                void run(() =>
                  api.incident.advance({
                    incidentId: incident.id,
                    to: 'document',
                    signOff: true,
                    by: commander,
                    reason: standDown,
                  }),
                ).then((v) => v && setStandDown(''));
              }}
            >
              <label htmlFor="stand-down-reason">No failover: stand down to Document because</label>
              <input
                id="stand-down-reason"
                className="inline-input"
                value={standDown}
                onChange={(e) => setStandDown(e.target.value)}
              />
              <button type="submit" className="button" disabled={standDown.trim() === ''}>
                Stand down
              </button>
            </form>
          )}
          <div className="row">
            {next ? (
              <button
                type="button"
                className="button button-primary"
                onClick={() =>
                  void run(() =>
                    api.incident.advance({
                      incidentId: incident.id,
                      signOff: true,
                      by: commander,
                      ...(note.trim() ? { reason: note } : {}),
                    }),
                  ).then((v) => v && setNote(''))
                }
              >
                Sign off {current.title} as {commander} and move to {stageOf(s, next).title}
              </button>
            ) : (
              <button
                type="button"
                className="button button-primary"
                onClick={() =>
                  void run(() =>
                    api.incident.signOff({
                      incidentId: incident.id,
                      stage: s.stage,
                      by: commander,
                      ...(note.trim() ? { note } : {}),
                    }),
                  )
                }
              >
                Sign off {current.title} as {commander} and close the incident
              </button>
            )}
          </div>
        </>
      )}
      {earlier.length > 0 && (
        <form
          className="row"
          style={{ marginTop: '0.75rem' }}
          onSubmit={(e) => {
            e.preventDefault();
            if (!backTo) return;
            void run(() =>
              api.incident.goBack({ incidentId: incident.id, to: backTo, reason: backReason }),
            ).then((v) => v && setBackReason(''));
          }}
        >
          <label htmlFor="back-to">Go back to</label>
          <select
            id="back-to"
            className="inline-input"
            value={backTo}
            onChange={(e) => setBackTo(e.target.value as StageId)}
          >
            <option value="">(choose a stage)</option>
            {earlier.map((id) => (
              <option key={id} value={id}>
                {stageOf(s, id).title}
              </option>
            ))}
          </select>
          <label htmlFor="back-reason">because</label>
          <input
            id="back-reason"
            className="inline-input"
            value={backReason}
            onChange={(e) => setBackReason(e.target.value)}
          />
          <button type="submit" className="button" disabled={!backTo}>
            Go back
          </button>
        </form>
      )}
    </section>
  );
}
