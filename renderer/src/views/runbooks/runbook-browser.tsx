import type { RunbookSummary } from '../../../../electron/core/api/calls/runbooks';
import {
  runbookServices,
  runbookStages,
  type RunbookServiceId,
  type RunbookStageId,
} from '../../../../electron/core/runbooks/runbook-view';
import { useStore } from '../../store/index';
import { ErrorPanel } from '../../components/error-panel';
import { reviewOverdue, serviceLabels, stageLabels } from './labels';

/** Browse the library by service and stage. */
export function RunbookBrowser() {
  const list = useStore((s) => s.runbookList);
  const filter = useStore((s) => s.runbookFilter);
  const setFilter = useStore((s) => s.setRunbookFilter);
  const openId = useStore((s) => s.openRunbookId);
  const showRunbook = useStore((s) => s.showRunbook);
  const loadRunbooks = useStore((s) => s.loadRunbooks);
  const reloadRunbooks = useStore((s) => s.reloadRunbooks);

  if (list.status === 'error') {
    return (
      <ErrorPanel
        title="The runbooks could not be loaded"
        error={list.error}
        onRetry={() => void loadRunbooks()}
      />
    );
  }
  if (list.status !== 'ready') return <p className="muted">Loading the runbooks…</p>;

  const shown = list.value.filter(
    (r) =>
      (filter.service === 'all' || r.service === filter.service) &&
      (filter.stage === 'all' || r.stage === filter.stage),
  );
  const groups = runbookServices
    .map((service) => ({ service, items: shown.filter((r) => r.service === service) }))
    .filter((group) => group.items.length > 0);

  return (
    <section className="rb-browser" aria-label="Browse runbooks">
      <div className="rb-filters">
        <label className="rb-filter">
          <span>Service</span>
          <select
            value={filter.service}
            onChange={(event) => setFilter({ service: event.target.value as RunbookServiceId | 'all' })}
          >
            <option value="all">All services</option>
            {runbookServices.map((service) => (
              <option key={service} value={service}>
                {serviceLabels[service]}
              </option>
            ))}
          </select>
        </label>
        <label className="rb-filter">
          <span>Stage</span>
          <select
            value={filter.stage}
            onChange={(event) => setFilter({ stage: event.target.value as RunbookStageId | 'all' })}
          >
            <option value="all">All stages</option>
            {runbookStages.map((stage) => (
              <option key={stage} value={stage}>
                {stageLabels[stage]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="rb-count-row">
        <p className="rb-count" aria-live="polite">
          {shown.length} of {list.value.length} runbooks
        </p>
        <button
          type="button"
          className="link-button"
          title="Read the runbook files again, after editing the organisation's own runbooks"
          onClick={() => void reloadRunbooks()}
        >
          Reload runbooks
        </button>
      </div>
      {groups.map((group) => (
        <div key={group.service} className="rb-group">
          <h2 className="rb-group-title">{serviceLabels[group.service]}</h2>
          <ul className="rb-list">
            {group.items.map((runbook: RunbookSummary) => (
              <li key={runbook.id}>
                <button
                  type="button"
                  className={`rb-item ${runbook.id === openId ? 'rb-item-open' : ''}`}
                  aria-current={runbook.id === openId ? 'true' : undefined}
                  onClick={() => void showRunbook(runbook.id)}
                >
                  <span className="rb-item-title">{runbook.title}</span>
                  <span className="rb-item-meta">
                    {stageLabels[runbook.stage]}
                    {runbook.source === 'overlay' && ' · organisation'}
                    {reviewOverdue(runbook.reviewDue) && (
                      <span className="rb-overdue"> · review overdue</span>
                    )}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {shown.length === 0 && (
        <p className="muted">No runbook for this service and stage. Choose another filter.</p>
      )}
    </section>
  );
}
