import { useEffect, useState } from 'react';
import { ErrorPanel } from '../../components/error-panel';
import { useStore } from '../../store/index';
import { ActivationForm } from './activation-form';
import { DeclareDialog } from './declare-dialog';
import { StageChecklist } from './stage-checklist';
import { StageControls } from './stage-controls';
import { StatusUpdatePanel } from './status-update-panel';
import './incident.css';

/** The incident screen: the open incident's stage checklist, activation, sign-off and status update; or the list. */
export function IncidentView() {
  const incident = useStore((s) => s.incident);
  const load = useStore((s) => s.incidentLoad);
  const error = useStore((s) => s.incidentError);
  const clearError = useStore((s) => s.clearIncidentError);
  const leave = useStore((s) => s.leaveIncident);
  const loadActiveIncident = useStore((s) => s.loadActiveIncident);

  useEffect(() => {
    if (load.status === 'idle') void loadActiveIncident();
  }, [load.status, loadActiveIncident]);

  if (load.status === 'loading' && !incident) return <p className="muted">Opening the incident…</p>;
  if (!incident) return <IncidentPicker />;
  const s = incident.state;
  return (
    <section className="view incident-view" aria-labelledby="incident-heading">
      <div className="incident-head">
        <h1 id="incident-heading">
          {s.mode === 'TABLETOP' ? 'Exercise ' : ''}
          {s.id}: {s.title}
        </h1>
        <span className="incident-meta">
          {s.severity} · {s.mode}
          {s.scenario ? ` (${s.scenario})` : ''} · commander {s.roles.commander}
          {s.roles.scribe ? ` · scribe ${s.roles.scribe}` : ''} · declared{' '}
          {new Date(s.declaredAt).toLocaleString()} ({s.declaredAt}) · {s.status}
        </span>
        <button type="button" className="link-button" onClick={leave}>
          All incidents
        </button>
      </div>
      {incident.integrity.status === 'tampered' && (
        <div className="panel banner-danger" role="alert">
          <strong>Journal altered: read-only.</strong> {incident.integrity.message}
        </div>
      )}
      {s.warnings.length > 0 && (
        <div className="panel banner-warn" role="status">
          {s.warnings.map((w) => (
            <p key={w.seq}>{w.message}</p>
          ))}
        </div>
      )}
      {Object.keys(s.inFlight).length > 0 && (
        <div className="panel banner-warn" role="status">
          In flight (started, not yet finished):{' '}
          {Object.values(s.inFlight)
            .map((op) => op.type)
            .join(', ')}
          .
        </div>
      )}
      {error && (
        <ErrorPanel title="That was refused" error={error} onRetry={clearError} retryLabel="Dismiss" />
      )}
      {(s.stage === 'assess' || s.stage === 'activate') && !incident.readOnly && s.status === 'open' && (
        <ActivationForm incident={incident} />
      )}
      <StageChecklist incident={incident} stage={s.stage} />
      <StageControls incident={incident} />
      <StatusUpdatePanel incident={incident} />
    </section>
  );
}

/** The incidents of the data folder, and the declare button. */
function IncidentPicker() {
  const incidents = useStore((s) => s.incidents);
  const loadIncidents = useStore((s) => s.loadIncidents);
  const openIncident = useStore((s) => s.openIncident);
  const load = useStore((s) => s.incidentLoad);
  const [declaring, setDeclaring] = useState(false);
  const uiRequest = useStore((s) => s.uiRequest);
  const clearRequest = useStore((s) => s.clearRequest);

  useEffect(() => {
    if (incidents.status === 'idle') void loadIncidents();
  }, [incidents.status, loadIncidents]);
  // "Declare an incident" from the command palette opens the dialog here.
  const declareRequested = uiRequest?.kind === 'declare';

  return (
    <section className="view incident-view" aria-labelledby="incidents-heading">
      <h1 id="incidents-heading">Incidents</h1>
      <div className="row">
        <button type="button" className="button button-primary" onClick={() => setDeclaring(true)}>
          Declare incident
        </button>
      </div>
      {load.status === 'error' && <ErrorPanel title="The incident could not be opened" error={load.error} />}
      {incidents.status === 'error' && (
        <ErrorPanel title="The incidents could not be listed" error={incidents.error} />
      )}
      {incidents.status === 'ready' && incidents.value.length === 0 && (
        <p className="muted">No incidents yet.</p>
      )}
      {incidents.status === 'ready' && incidents.value.length > 0 && (
        <ul className="incident-list">
          {incidents.value.map((i) => (
            <li key={i.id} className="panel">
              <button type="button" className="link-button" onClick={() => void openIncident(i.id)}>
                {i.id}: {i.title}
              </button>{' '}
              <span className="incident-meta">
                {i.severity} · {i.mode} · {i.stage} · {i.status}
                {i.active ? ' · active' : ''}
                {i.integrity === 'tampered' ? ' · TAMPERED' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {(declaring || declareRequested) && (
        <DeclareDialog
          onClose={() => {
            setDeclaring(false);
            clearRequest();
          }}
        />
      )}
    </section>
  );
}
