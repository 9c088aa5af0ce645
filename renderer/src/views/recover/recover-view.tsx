import { useCallback, useEffect } from 'react';
import { ErrorPanel } from '../../components/error-panel';
import { useStore } from '../../store/index';
import { OperationsBoard } from './operations-board';
import { PlanBuilder } from './plan-builder';
import { PlanPreview } from './plan-preview';
import './recover.css';

/** The recovery stage: plan builder, dry run with CLI equivalents, typed confirmation, then the operations board. */
export function RecoverView() {
  const incident = useStore((s) => s.incident);
  const recoverable = useStore((s) => s.recoverable);
  const view = useStore((s) => s.recoverRun);
  const error = useStore((s) => s.recoverError);
  const busy = useStore((s) => s.recoverBusy);
  const loadRecoverable = useStore((s) => s.loadRecoverable);
  const loadRecoverRun = useStore((s) => s.loadRecoverRun);
  const buildRecoveryPlan = useStore((s) => s.buildRecoveryPlan);
  const confirmRecovery = useStore((s) => s.confirmRecovery);
  const controlRecovery = useStore((s) => s.controlRecovery);
  const retryRecoveryAction = useStore((s) => s.retryRecoveryAction);
  const incidentId = incident?.id ?? null;
  const refresh = useCallback(() => {
    if (incidentId) void loadRecoverRun(incidentId);
  }, [incidentId, loadRecoverRun]);

  useEffect(() => {
    if (!incidentId) return;
    void loadRecoverRun(incidentId);
    void loadRecoverable(incidentId);
  }, [incidentId, loadRecoverRun, loadRecoverable]);

  if (!incidentId) {
    return (
      <section className="view recover-view">
        <h1>Recover</h1>
        <p className="muted">Declare or open an incident to plan the recovery.</p>
      </section>
    );
  }
  const run = view?.incidentId === incidentId ? view.run : null;
  const started = !!run?.confirmedAt;
  return (
    <section className="view recover-view" aria-labelledby="recover-heading">
      <h1 id="recover-heading">Recover: {incidentId}</h1>
      {error ? <ErrorPanel title="The recovery call was refused" error={error} /> : null}
      {started && view ? (
        <OperationsBoard
          view={view}
          busy={busy}
          onControl={(action) => void controlRecovery(action, incidentId)}
          onRetry={(actionId) => void retryRecoveryAction(incidentId, actionId)}
          onRefresh={refresh}
        />
      ) : (
        <>
          {recoverable.status === 'loading' || recoverable.status === 'idle' ? (
            <p className="muted">Reading the assessment and the secondary region…</p>
          ) : null}
          {recoverable.status === 'error' ? (
            <ErrorPanel
              title="What can be recovered could not be loaded"
              error={recoverable.error}
              onRetry={() => void loadRecoverable(incidentId, true)}
              retryLabel="Assess again"
            />
          ) : null}
          {recoverable.status === 'ready' ? (
            <PlanBuilder
              view={recoverable.value}
              busy={busy}
              onBuild={(out) => void buildRecoveryPlan({ incidentId, ...out })}
            />
          ) : null}
          {run?.plan ? (
            <PlanPreview
              key={run.plan.id}
              plan={run.plan}
              busy={busy}
              onConfirm={(typed) => void confirmRecovery(incidentId, run.plan!.id, typed)}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
