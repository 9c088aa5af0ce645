import { useEffect, useState } from 'react';
import { useStore } from '../../store/index';
import { useDebounced } from './use-debounced';

/** Delay between the last keystroke and the search: results follow the typing without a request per key. */
export const SEARCH_DEBOUNCE_MS = 120;

/** The search field: results as you type (debounced); Enter opens the best hit, Escape clears. */
export function RunbookSearchBox() {
  const searchRunbooks = useStore((s) => s.searchRunbooks);
  const showRunbook = useStore((s) => s.showRunbook);
  const hits = useStore((s) => s.runbookHits);
  const [text, setText] = useState(() => useStore.getState().runbookQuery);
  const query = useDebounced(text, SEARCH_DEBOUNCE_MS);

  useEffect(() => {
    void searchRunbooks(query);
  }, [query, searchRunbooks]);

  return (
    <div className="rb-search" role="search">
      <label htmlFor="rb-search-input" className="rb-search-label">
        Search runbooks
      </label>
      <input
        id="rb-search-input"
        className="rb-search-input"
        type="search"
        value={text}
        placeholder="e.g. snapshot copy, pitr, replica"
        autoComplete="off"
        spellCheck={false}
        aria-describedby="rb-search-hint"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setText('');
          } else if (event.key === 'Enter' && hits.status === 'ready' && hits.value[0]) {
            event.preventDefault();
            void showRunbook(hits.value[0].id);
          }
        }}
      />
      <span id="rb-search-hint" className="rb-hint">
        Typos and partial words are fine. Enter opens the best match, Down arrow goes to the list, Escape
        clears.
      </span>
    </div>
  );
}
