import { ErrorPanel } from '../../components/error-panel';
import { useStore } from '../../store/index';
import { FaultsInForceList } from './faults-in-force';
import { LagForm } from './lag-form';
import { OutageForm } from './outage-form';
import { QuotaForm } from './quota-form';
import { RestoreForm } from './restore-form';
import { ThrottleForm } from './throttle-form';
import { useFacilitator } from './use-facilitator';
import './facilitator.css';

/**
 * The exercise facilitator's screen (tabletop mode only): the faults in force in the simulated
 * account, and forms to take a region down, throttle, fail a restore, set a quota or add S3
 * replication lag. Each change takes effect on the next request and is confirmed here.
 */
export function FacilitatorView() {
  const mode = useStore((s) => (s.appInfo.status === 'ready' ? s.appInfo.value.mode : null));
  if (mode === 'LIVE') {
    return (
      <section className="view facilitator-view" aria-labelledby="facilitator-heading">
        <h1 id="facilitator-heading">Facilitator</h1>
        <p>Faults exist only in tabletop exercises: this app is acting on real AWS.</p>
      </section>
    );
  }
  return <FacilitatorPanel />;
}

function FacilitatorPanel() {
  const { view, confirmation, error, busy, apply, reload } = useFacilitator();
  return (
    <section className="view facilitator-view" aria-labelledby="facilitator-heading">
      <h1 id="facilitator-heading">Facilitator</h1>
      <p className="muted">
        Switch the simulated account&apos;s faults during the exercise. Each change takes effect on the next
        request the participants&apos; app (or the <code>aws</code> CLI) sends, and is saved with the
        exercise.
      </p>
      <p className="facilitator-confirmation" role="status" aria-live="polite">
        {confirmation ?? ''}
      </p>
      {error ? <ErrorPanel title="The fault was not changed" error={error} /> : null}
      {view.status === 'ready' ? (
        <>
          <FaultsInForceList view={view.value} busy={busy} apply={apply} />
          <div className="facilitator-forms">
            <OutageForm view={view.value} busy={busy} apply={apply} />
            <ThrottleForm view={view.value} busy={busy} apply={apply} />
            <RestoreForm view={view.value} busy={busy} apply={apply} />
            <QuotaForm view={view.value} busy={busy} apply={apply} />
            <LagForm view={view.value} busy={busy} apply={apply} />
          </div>
          <details className="panel facilitator-notes">
            <summary>Scenario notes for the facilitator: {view.value.scenario.title}</summary>
            <p>{view.value.scenario.description}</p>
            <ul>
              {view.value.scenario.notes.map((note, i) => (
                <li key={i}>{note}</li>
              ))}
            </ul>
          </details>
        </>
      ) : view.status === 'error' ? (
        <ErrorPanel
          title="The tabletop faults could not be read"
          error={view.error}
          onRetry={() => void reload()}
        />
      ) : (
        <p className="muted" aria-busy="true">
          Reading the faults in force…
        </p>
      )}
    </section>
  );
}
