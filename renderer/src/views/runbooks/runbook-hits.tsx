import type { ReactNode } from 'react';
import type { RunbookSearchHit } from '../../../../electron/core/api/calls/runbooks';
import { useStore } from '../../store/index';
import { ErrorPanel } from '../../components/error-panel';
import { serviceLabels, stageLabels } from './labels';

function highlight(text: string, terms: readonly string[]): ReactNode[] {
  const words = terms.filter((t) => t.length > 1).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return [text];
  const pattern = new RegExp(`(${words.join('|')})`, 'gi');
  return text.split(pattern).map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : part));
}

/** The search results, best first, each with its snippet; choosing one opens it in the reader. */
export function RunbookHits() {
  const hits = useStore((s) => s.runbookHits);
  const query = useStore((s) => s.runbookQuery);
  const openId = useStore((s) => s.openRunbookId);
  const showRunbook = useStore((s) => s.showRunbook);
  if (hits.status === 'idle') return null;
  if (hits.status === 'error') return <ErrorPanel title="Search failed" error={hits.error} />;
  const list: RunbookSearchHit[] = hits.status === 'ready' ? hits.value : [];
  return (
    <section className="rb-hits" aria-label="Search results">
      <p className="rb-count" role="status" aria-live="polite">
        {hits.status === 'loading'
          ? 'Searching…'
          : list.length === 0
            ? `No runbook matches "${query}". Try fewer or shorter words.`
            : `${list.length} runbook${list.length === 1 ? '' : 's'} match "${query}"`}
      </p>
      <ul className="rb-list">
        {list.map((hit) => (
          <li key={hit.id}>
            <button
              type="button"
              className={`rb-item ${hit.id === openId ? 'rb-item-open' : ''}`}
              aria-current={hit.id === openId ? 'true' : undefined}
              onClick={() => void showRunbook(hit.id)}
            >
              <span className="rb-item-title">{hit.title}</span>
              <span className="rb-item-meta">
                {serviceLabels[hit.service]} · {stageLabels[hit.stage]}
              </span>
              <span className="rb-item-snippet">{highlight(hit.snippet, hit.terms)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
