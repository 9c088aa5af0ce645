import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { entryKinds, type EntryKind } from '../../../../electron/core/incident/entry-types';
import { describeEntry } from '../../../../electron/core/incident/timeline';
import { stageIds, type StageId } from '../../../../electron/core/runbooks/procedure-schema';
import { useStore } from '../../store/index';
import '../incident/incident.css';

const ROW_HEIGHT = 34;

/** The incident's timeline: every journal entry (virtualised), filterable by stage and kind. */
export function TimelineView() {
  const incident = useStore((s) => s.incident);
  const [stage, setStage] = useState<StageId | 'all'>('all');
  const [kinds, setKinds] = useState<Set<EntryKind>>(() => new Set(entryKinds));
  // Live entries and filter clicks re-filter in a deferred render: typing elsewhere never waits for it.
  const items = useDeferredValue(incident?.items);
  const shown = useMemo(
    () => (items ?? []).filter((i) => (stage === 'all' || i.stage === stage) && kinds.has(i.kind)),
    [items, stage, kinds],
  );
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design.
  const virtual = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 800, height: 600 },
  });

  if (!incident) {
    return (
      <section className="view timeline-view">
        <h1>Timeline</h1>
        <p className="muted">Open or declare an incident to see its timeline.</p>
      </section>
    );
  }

  return (
    <section className="view timeline-view" aria-labelledby="timeline-heading">
      <h1 id="timeline-heading">Timeline of {incident.id}</h1>
      <div className="timeline-filters" role="group" aria-label="Filter the timeline">
        <label htmlFor="timeline-stage">Stage</label>
        <select
          id="timeline-stage"
          className="inline-input"
          value={stage}
          onChange={(e) => setStage(e.target.value as StageId | 'all')}
        >
          <option value="all">All stages</option>
          {stageIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
        {entryKinds.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={kinds.has(kind)}
              onChange={(e) => {
                const next = new Set(kinds);
                if (e.target.checked) next.add(kind);
                else next.delete(kind);
                setKinds(next);
              }}
            />{' '}
            {kind}
          </label>
        ))}
        <span className="hint" role="status">
          {shown.length} of {incident.items.length} entries
        </span>
      </div>
      <div className="timeline-scroll" ref={scroller} tabIndex={0} aria-label="Timeline entries">
        <ol
          role="list"
          style={{ height: virtual.getTotalSize(), position: 'relative', margin: 0, padding: 0 }}
        >
          {virtual.getVirtualItems().map((row) => {
            const item = shown[row.index]!;
            const e = item.entry;
            return (
              <li
                key={e.seq}
                className="timeline-row"
                data-kind={item.kind}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  transform: `translateY(${row.start}px)`,
                }}
              >
                <time dateTime={e.time} title={new Date(e.time).toLocaleString()}>
                  {e.time.slice(11, 19)}Z · {new Date(e.time).toLocaleTimeString()}
                </time>
                <span>{item.stage}</span>
                <span className={`kind-${item.kind}`}>{item.kind}</span>
                <span>{e.actor}</span>
                <span title={describeEntry(e)}>{describeEntry(e)}</span>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
