import { useEffect, useMemo, useState } from 'react';
import { ErrorPanel } from '../../components/error-panel';
import { ReadinessChart } from '../../components/charts/readiness-chart';
import { useStore } from '../../store/index';
import { AssessFiltersBar } from './assess-filters';
import { AssessmentTable } from './assessment-table';
import { RegionHealthStrip } from './region-health-strip';
import { ResourceDetail } from './resource-detail';
import { ScanProgressPanel } from './scan-progress';
import { StatusCounts } from './status-counts';
import {
  NO_FILTERS,
  filterChoices,
  filterResources,
  nextSort,
  showElapsed,
  sortResources,
  type AssessFilters,
  type SortState,
} from './table-model';
import './assess.css';

/** Elapsed ms since an ISO time, refreshed twice a second while `running`. */
function useElapsed(startedAt: string | null, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [running]);
  return startedAt ? Math.max(0, now - Date.parse(startedAt)) : 0;
}

/**
 * The Assess stage: run a scan of both regions (or cancel it), watch its progress per service
 * and region, see region health, counts by readiness, the sortable and filterable table of
 * resources, and one resource's options, RPO/RTO, gaps and unknowns.
 */
export function AssessView() {
  const assessment = useStore((s) => s.assessment);
  const scan = useStore((s) => s.assessScan);
  const error = useStore((s) => s.assessError);
  const selectedId = useStore((s) => s.assessSelected);
  const incident = useStore((s) => s.incident);
  const loadAssessment = useStore((s) => s.loadAssessment);
  const runAssessment = useStore((s) => s.runAssessment);
  const cancelAssessment = useStore((s) => s.cancelAssessment);
  const select = useStore((s) => s.selectAssessed);
  const [filters, setFilters] = useState<AssessFilters>(NO_FILTERS);
  const [sort, setSort] = useState<SortState>({ key: 'status', dir: 'asc' });
  const running = scan !== null;
  const elapsed = useElapsed(scan?.startedAt ?? null, running);

  useEffect(() => {
    if (assessment.status === 'idle') void loadAssessment();
  }, [assessment.status, loadAssessment]);

  const result = assessment.status === 'ready' ? assessment.value : null;
  const resources = useMemo(() => result?.resources ?? [], [result]);
  const choices = useMemo(() => filterChoices(resources), [resources]);
  const rows = useMemo(
    () => sortResources(filterResources(resources, filters), sort),
    [resources, filters, sort],
  );
  const selected = selectedId ? (resources.find((r) => r.id === selectedId) ?? null) : null;

  return (
    <section className="view assess-view" aria-labelledby="assess-heading">
      <div className="assess-top">
        <h1 id="assess-heading">Assess</h1>
        {running ? (
          <button type="button" className="button button-danger" onClick={() => void cancelAssessment()}>
            Cancel scan
          </button>
        ) : (
          <button type="button" className="button button-primary" onClick={() => void runAssessment()}>
            {result ? 'Run the assessment again' : 'Run the assessment'}
          </button>
        )}
      </div>
      <p className="lead">
        Inventory of both regions and what can be recovered into the secondary region, against the backup
        policy
        {incident ? `; results are journaled to ${incident.id}` : ''}.
      </p>
      {error ? (
        <ErrorPanel title="The assessment failed" error={error} onRetry={() => void runAssessment()} />
      ) : null}
      {scan ? <ScanProgressPanel scan={scan} elapsedMs={Math.max(elapsed, scan.elapsedMs)} /> : null}
      {assessment.status === 'loading' ? <p className="muted">Loading the latest assessment…</p> : null}
      {assessment.status === 'error' ? (
        <ErrorPanel
          title="The latest assessment could not be loaded"
          error={assessment.error}
          onRetry={() => void loadAssessment()}
        />
      ) : null}
      {assessment.status === 'ready' && result === null && !running ? (
        <p className="muted">
          No assessment yet. Run one to see what each region holds and what can be recovered.
        </p>
      ) : null}
      {result ? (
        <>
          <p className="muted assess-meta">
            Scan {result.scanId} finished {new Date(result.finishedAt).toLocaleString()} ({result.finishedAt})
            in {showElapsed(result.durationMs)} with {result.calls.total} API calls
            {result.calls.throttled ? `, ${result.calls.throttled} throttled` : ''}. Policy{' '}
            {result.policy.version}.{result.journalError ? ` ${result.journalError}` : ''}
          </p>
          <RegionHealthStrip health={result.regionHealth} />
          {result.unknowns.length > 0 ? (
            <details className="assess-scope-unknowns">
              <summary>{result.unknowns.length} list(s) could not be read: some facts are unknown</summary>
              <ul>
                {result.unknowns.map((u) => (
                  <li key={`${u.service}/${u.region}/${u.fact}`}>
                    {u.fact} in {u.region}: {u.reason}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <StatusCounts
            counts={result.counts}
            active={filters.status}
            onPick={(status) => setFilters({ ...filters, status })}
          />
          <ReadinessChart resources={result.resources} />
          <AssessFiltersBar
            filters={filters}
            regions={choices.regions}
            tiers={choices.tiers}
            onChange={setFilters}
          />
          <p className="muted assess-shown" aria-live="polite">
            {rows.length} of {resources.length} resources shown. * not seen directly in this scan (known from
            its copies, or last known).
          </p>
          <div className={`assess-body${selected ? ' assess-body-split' : ''}`}>
            <AssessmentTable
              resources={rows}
              sort={sort}
              selected={selectedId}
              onSort={(key) => setSort(nextSort(sort, key))}
              onSelect={(id) => select(id)}
            />
            {selected ? <ResourceDetail resource={selected} onClose={() => select(null)} /> : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
