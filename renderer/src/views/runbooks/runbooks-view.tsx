import { useEffect, type KeyboardEvent } from 'react';
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

/**
 * Arrow keys in the library: Down from the search box goes to the first runbook, Up and Down move
 * between runbooks, Up from the first goes back to the search box.
 */
function onSideKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const target = event.target as HTMLElement;
  const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.rb-item')];
  const search = event.currentTarget.querySelector<HTMLInputElement>('#rb-search-input');
  const at = items.indexOf(target as HTMLButtonElement);
  if (target === search) {
    if (event.key === 'ArrowDown' && items[0]) {
      event.preventDefault();
      items[0].focus();
    }
    return;
  }
  if (at < 0) return;
  event.preventDefault();
  if (event.key === 'ArrowDown') items[Math.min(at + 1, items.length - 1)]?.focus();
  else if (at === 0) search?.focus();
  else items[at - 1]?.focus();
}

/** The runbooks screen: search and browse on the left, the reader on the right. */
export function RunbooksView() {
  const list = useStore((s) => s.runbookList);
  const loadRunbooks = useStore((s) => s.loadRunbooks);
  const query = useStore((s) => s.runbookQuery);
  const reading = useStore((s) => s.openRunbookId !== null);

  useEffect(() => {
    if (list.status === 'idle') void loadRunbooks();
  }, [list.status, loadRunbooks]);

  return (
    <section className="view rb-view" aria-label="Runbooks">
      {/* The screen's heading until a runbook is open (the reader's title is the heading then). */}
      {!reading && <h1 className="visually-hidden">Runbooks</h1>}
      <div className="rb-side" onKeyDown={onSideKeyDown}>
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
