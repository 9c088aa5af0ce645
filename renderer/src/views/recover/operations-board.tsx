import { useEffect, useState } from 'react';
import { boardModel, formatDuration } from '../../../../electron/core/recover/board-model';
import { buildEndpointMap } from '../../../../electron/core/recover/endpoint-map';
import { runCounts } from '../../../../electron/core/recover/run-reducer';
import type { ReattachNotice, RecoveryRunView } from '../../../../electron/core/recover/types';
import { EndpointMapTable } from './endpoint-map-table';
import { GanttChart } from './gantt-chart';

/** "Resumed after restart": the app re-attached to the run by itself (time in UTC and local time). */
export function ReattachedNotice({ notice }: { notice: ReattachNotice }) {
  const local = new Date(notice.at);
  return (
    <p className="reattached-notice" role="status">
      <strong>Resumed after restart:</strong> {notice.actions} {notice.actions === 1 ? 'action' : 'actions'}{' '}
      re-attached at{' '}
      <time dateTime={notice.at} title={local.toLocaleString()}>
        {notice.at.slice(11, 19)}Z · {local.toLocaleTimeString()}
      </time>
      , without a second confirmation and without creating anything twice.
    </p>
  );
}

/** The live operations board: controls, per-action state, elapsed, ETA, progress, failures with retry, the Gantt and the endpoint map. */
export function OperationsBoard({
  view,
  busy,
  onControl,
  onRetry,
  onRefresh,
}: {
  view: RecoveryRunView;
  busy: boolean;
  onControl: (action: 'pause' | 'resume' | 'cancel') => void;
  onRetry: (actionId: string) => void;
  /** Re-read the run from the core (a safety net under the event stream while it runs). */
  onRefresh?: () => void;
}) {
  const { run } = view;
  const [now, setNow] = useState(() => Date.now());
  const live = run.status === 'running' || run.status === 'paused';
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    const sync = onRefresh ? setInterval(onRefresh, 5000) : null;
    return () => {
      clearInterval(timer);
      if (sync) clearInterval(sync);
    };
  }, [live, onRefresh]);
  if (!run.plan) return null;
  const model = boardModel(
    run.plan,
    run,
    live ? now : Date.parse(run.finishedAt ?? new Date(now).toISOString()),
  );
  const counts = runCounts(run);
  const total = Object.keys(run.actions).length;
  const rows = run.endpointMap.length > 0 ? run.endpointMap : buildEndpointMap(run.plan, run);
  return (
    <section className="recover-board" aria-labelledby="board-heading">
      <div className="panel board-head">
        <h2 id="board-heading">
          Operations board <span className={`tag run-${run.status}`}>{run.status}</span>
        </h2>
        <p role="status" aria-live="polite">
          {counts.done} of {total} actions done · {counts.running + counts.waiting} running · {counts.queued}{' '}
          queued · {counts.failed} failed
          {counts.blocked ? ` · ${counts.blocked} blocked` : ''} · elapsed{' '}
          {formatDuration(model.elapsedSeconds)} · ETA {formatDuration(model.etaSeconds)}
        </p>
        {run.reattached ? <ReattachedNotice notice={run.reattached} /> : null}
        {view.interrupted ? (
          <p className="problem problem-warning">
            The app restarted while this recovery ran: resume re-attaches to what is in flight without
            creating anything twice.
          </p>
        ) : null}
        <div className="board-controls">
          {run.status === 'running' ? (
            <button type="button" className="button" disabled={busy} onClick={() => onControl('pause')}>
              Pause (start nothing new)
            </button>
          ) : null}
          {run.status === 'paused' || view.interrupted ? (
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => onControl('resume')}
            >
              Resume
            </button>
          ) : null}
          {live ? (
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => onControl('cancel')}
            >
              Cancel (delete nothing)
            </button>
          ) : null}
        </div>
      </div>
      <GanttChart
        plan={run.plan}
        run={run}
        now={live ? now : Date.parse(run.finishedAt ?? new Date(now).toISOString())}
      />
      <ol className="board-chains">
        {model.chains.map((c) => (
          <li key={c.chain.id} className={`panel board-chain chain-${c.state}`}>
            <h3>
              {c.chain.resource.service} {c.chain.resource.name} → {c.chain.targetName}{' '}
              <span className={`tag state-${c.state}`}>{c.state}</span>
              {c.etaSeconds !== null ? (
                <span className="muted small"> ETA {formatDuration(c.etaSeconds)}</span>
              ) : null}
            </h3>
            <ul className="board-actions">
              {c.actions.map((a) => (
                <li key={a.action.id} className={`board-action state-${a.run.state}`}>
                  <div className="board-action-line">
                    <span className={`tag state-${a.run.state}`}>{a.run.state}</span>
                    <span className="board-action-title">{a.action.title}</span>
                    <span className="muted small">
                      {a.run.status && a.run.state !== 'done' ? `${a.run.status} · ` : ''}elapsed{' '}
                      {formatDuration(a.elapsedSeconds)}
                      {a.etaSeconds !== null ? ` · ETA ${formatDuration(a.etaSeconds)}` : ''}
                    </span>
                  </div>
                  <progress max={100} value={a.progress} aria-label={`Progress of ${a.action.title}`}>
                    {a.progress}%
                  </progress>
                  {a.run.error ? (
                    <div className="board-failure" role="alert">
                      <p>
                        <strong>AWS said:</strong> {a.run.error.message}
                        {a.run.error.requestId ? (
                          <span className="muted small"> (request {a.run.error.requestId})</span>
                        ) : null}
                      </p>
                      <p>
                        <strong>Likely fix:</strong> {a.run.error.fix}
                      </p>
                      <button
                        type="button"
                        className="button"
                        disabled={busy}
                        onClick={() => onRetry(a.action.id)}
                      >
                        Retry {a.action.title}
                      </button>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <EndpointMapTable rows={rows} />
    </section>
  );
}
