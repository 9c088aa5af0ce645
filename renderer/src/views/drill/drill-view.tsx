import { useEffect, useState } from 'react';
import type { DrillRunInput } from '../../../../electron/core/api/calls/drill';
import { ErrorPanel } from '../../components/error-panel';
import { useStore } from '../../store/index';
import { DrillConfirm } from './drill-confirm';
import { DrillForm } from './drill-form';
import { DrillHistoryPanel } from './drill-history';
import { DrillProgress } from './drill-progress';
import { DrillRecordPanel } from './drill-record-panel';
import './drill.css';

/** The drills screen: choose services and targets, run, watch progress, read the record, and the history. */
export function DrillView() {
  const targets = useStore((s) => s.drillTargets);
  const run = useStore((s) => s.drillRun);
  const history = useStore((s) => s.drillHistory);
  const record = useStore((s) => s.drillRecord);
  const error = useStore((s) => s.drillError);
  const loadTargets = useStore((s) => s.loadDrillTargets);
  const loadStatus = useStore((s) => s.loadDrillStatus);
  const loadHistory = useStore((s) => s.loadDrillHistory);
  const startDrill = useStore((s) => s.startDrill);
  const openRecord = useStore((s) => s.openDrillRecord);
  const procedure = useStore((s) => s.procedure);
  const loadProcedure = useStore((s) => s.loadProcedure);
  const [pending, setPending] = useState<DrillRunInput | null>(null);

  useEffect(() => {
    void loadTargets();
    void loadStatus();
    void loadHistory();
    if (useStore.getState().procedure.status === 'idle') void loadProcedure();
  }, [loadTargets, loadStatus, loadHistory, loadProcedure]);

  const running = run?.status === 'running';
  return (
    <section className="view drill-view" aria-labelledby="drill-heading">
      <h1 id="drill-heading">Backup drills</h1>
      <p className="muted">
        The quarterly restore test of each service, into the secondary region: every resource the drill
        creates is tagged with the drill id and removed afterwards (only after its tag is checked).
      </p>
      {targets.status === 'ready' ? (
        <DrillForm targets={targets.value} busy={running} onRun={setPending} />
      ) : targets.status === 'error' ? (
        <ErrorPanel
          title="The resources to drill could not be listed"
          error={targets.error}
          onRetry={() => void loadTargets()}
        />
      ) : (
        <p className="muted" aria-busy="true">
          Listing the resources to drill…
        </p>
      )}
      {pending && procedure.status === 'ready' ? (
        <DrillConfirm
          input={pending}
          regions={procedure.value.regions}
          onStart={() => {
            void startDrill(pending);
            setPending(null);
          }}
          onCancel={() => setPending(null)}
        />
      ) : null}
      {error ? <ErrorPanel title="The drill did not start" error={error} /> : null}
      {run ? <DrillProgress run={run} /> : null}
      {record.status === 'ready' ? (
        <DrillRecordPanel record={record.value.record} markdown={record.value.markdown} />
      ) : record.status === 'error' ? (
        <ErrorPanel title="The drill record could not be read" error={record.error} />
      ) : null}
      {history.status === 'ready' ? (
        <DrillHistoryPanel history={history.value} onOpen={(id) => void openRecord(id)} />
      ) : history.status === 'error' ? (
        <ErrorPanel
          title="The drill history could not be read"
          error={history.error}
          onRetry={() => void loadHistory()}
        />
      ) : null}
    </section>
  );
}
