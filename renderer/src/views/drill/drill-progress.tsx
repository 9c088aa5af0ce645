import type { DrillRunView } from '../../../../electron/core/api/calls/drill';
import { SERVICE_TITLE } from './drill-model';

const STATUS: Record<DrillRunView['services'][number]['status'], string> = {
  pending: 'Waiting',
  running: 'Running',
  pass: 'Passed',
  fail: 'Failed',
};

/** The drill in progress: each service's status, step and latest message (announced politely). */
export function DrillProgress({ run }: { run: DrillRunView }) {
  return (
    <section className="panel drill-progress" aria-labelledby="drill-progress-heading">
      <h2 id="drill-progress-heading">
        Drill {run.id}:{' '}
        {run.status === 'running'
          ? 'running'
          : run.status === 'error'
            ? 'could not run'
            : run.status === 'pass'
              ? 'PASSED'
              : 'FAILED'}
      </h2>
      {run.error ? <p className="drill-error">{run.error}</p> : null}
      <ul className="drill-progress-list" aria-live="polite">
        {run.services.map((s) => (
          <li key={s.service} className={`drill-progress-item drill-${s.status}`}>
            <span className="drill-badge">{STATUS[s.status]}</span>
            <strong>{SERVICE_TITLE[s.service]}</strong>
            <span className="muted"> {s.phase}</span>
            <span className="drill-message">{s.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
