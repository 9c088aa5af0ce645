import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';
import type { AssessedResource } from '../../../../electron/core/api/calls/assess';
import { SERVICE_LABEL, STATUS_LABEL, showMinutes, type SortKey, type SortState } from './table-model';

const ROW_HEIGHT = 40;

const COLUMNS: Array<{ key: SortKey; label: string }> = [
  { key: 'status', label: 'Readiness' },
  { key: 'name', label: 'Resource' },
  { key: 'service', label: 'Service' },
  { key: 'region', label: 'Region' },
  { key: 'tier', label: 'Tier' },
  { key: 'rpo', label: 'RPO' },
  { key: 'rto', label: 'RTO' },
  { key: 'gaps', label: 'Gaps' },
];

/**
 * The assessment table: sortable columns, virtualised rows (10,000 resources stay smooth), one
 * row per resource; Enter or a click opens its detail panel, the arrow keys move between rows.
 */
export function AssessmentTable({
  resources,
  sort,
  selected,
  onSort,
  onSelect,
}: {
  resources: readonly AssessedResource[];
  sort: SortState;
  selected: string | null;
  onSort: (key: SortKey) => void;
  onSelect: (id: string) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualiser's functions are read during render on purpose (rows follow the scroll position).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: resources.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 960, height: 480 },
  });

  const focusRow = (index: number): void => {
    const clamped = Math.max(0, Math.min(resources.length - 1, index));
    virtualizer.scrollToIndex(clamped);
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${clamped}"]`)?.focus();
    });
  };

  const onRowKey = (event: KeyboardEvent<HTMLDivElement>, index: number, id: string): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(id);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(index + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focusRow(index - 1);
    } else if (event.key === 'Home') {
      event.preventDefault();
      focusRow(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focusRow(resources.length - 1);
    }
  };

  return (
    <div
      className="assess-table"
      role="table"
      aria-label="Assessed resources"
      aria-rowcount={resources.length + 1}
    >
      <div className="assess-row assess-head" role="row" aria-rowindex={1}>
        {COLUMNS.map((c) => (
          <div
            key={c.key}
            role="columnheader"
            className={`assess-cell assess-col-${c.key}`}
            aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
          >
            <button type="button" className="assess-sort" onClick={() => onSort(c.key)}>
              {c.label}
              {sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
            </button>
          </div>
        ))}
      </div>
      <div ref={scrollRef} className="assess-scroll" role="rowgroup">
        {resources.length === 0 ? (
          <p className="muted assess-empty">No resource matches the filters.</p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const r = resources[item.index];
              if (!r) return null;
              const gaps = r.gaps.filter((g) => g.severity !== 'info');
              const critical = gaps.filter((g) => g.severity === 'critical').length;
              return (
                <div
                  key={r.id}
                  role="row"
                  tabIndex={0}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  aria-selected={selected === r.id}
                  aria-label={`${r.name}, ${STATUS_LABEL[r.status]}`}
                  className={`assess-row assess-body-row${selected === r.id ? ' assess-row-selected' : ''}`}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                  onClick={() => onSelect(r.id)}
                  onKeyDown={(e) => onRowKey(e, item.index, r.id)}
                >
                  <div role="cell" className="assess-cell assess-col-status">
                    <span className={`assess-pill assess-status-${r.status}`}>{STATUS_LABEL[r.status]}</span>
                  </div>
                  <div role="cell" className="assess-cell assess-col-name" title={r.id}>
                    {r.name}
                    {r.observed ? '' : ' *'}
                  </div>
                  <div role="cell" className="assess-cell assess-col-service">
                    {SERVICE_LABEL[r.service]}
                  </div>
                  <div role="cell" className="assess-cell assess-col-region">
                    {r.region}
                  </div>
                  <div role="cell" className="assess-cell assess-col-tier">
                    {r.tier.id}
                  </div>
                  <div role="cell" className="assess-cell assess-col-rpo">
                    {showMinutes(r.achievableRpoMinutes)}
                  </div>
                  <div role="cell" className="assess-cell assess-col-rto">
                    {showMinutes(r.estimatedRtoMinutes)}
                  </div>
                  <div role="cell" className="assess-cell assess-col-gaps">
                    {gaps.length === 0
                      ? '—'
                      : `${gaps.length}${critical > 0 ? ` (${critical} critical)` : ''}`}
                  </div>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
