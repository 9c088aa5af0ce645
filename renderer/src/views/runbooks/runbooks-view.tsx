import { useEffect } from 'react';
import { useStore } from '../../store/index';
import { RunbookBrowser } from './runbook-browser';
import { RunbookHits } from './runbook-hits';
import { RunbookReaderPane } from './runbook-reader';
import { RunbookSearchBox } from './runbook-search-box';
import './runbooks.css';

function Problems() {
  const problems = useStore((s) => s.runbookProblems);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return null;
  return (
    <details className="rb-problems" role="note">
      <summary>
        {errors.length} runbook file{errors.length === 1 ? '' : 's'} did not load
      </summary>
      <ul>
        {errors.map((problem) => (
          <li key={`${problem.file}:${problem.field ?? ''}`}>{problem.message}</li>
        ))}
      </ul>
    </details>
  );
}

/** The runbooks screen: search and browse on the left, the reader on the right. */
export function RunbooksView() {
  const list = useStore((s) => s.runbookList);
  const loadRunbooks = useStore((s) => s.loadRunbooks);
  const query = useStore((s) => s.runbookQuery);

  useEffect(() => {
    if (list.status === 'idle') void loadRunbooks();
  }, [list.status, loadRunbooks]);

  return (
    <section className="view rb-view" aria-label="Runbooks">
      <div className="rb-side">
        <RunbookSearchBox />
        <Problems />
        {query.trim() === '' ? <RunbookBrowser /> : <RunbookHits />}
      </div>
      <div className="rb-main">
        <RunbookReaderPane />
      </div>
    </section>
  );
}
