import { useId } from 'react';
import type { FaultChange, TabletopFaultsView } from '../../../../electron/core/api/calls/tabletop';
import { faultRows } from './facilitator-model';

/** The faults in force, each with the button that switches it off, and one that clears them all. */
export function FaultsInForceList({
  view,
  busy,
  apply,
}: {
  view: TabletopFaultsView;
  busy: boolean;
  apply: (change: FaultChange) => Promise<boolean>;
}) {
  const id = useId();
  const title = (service: string) => view.services.find((s) => s.id === service)?.title ?? service;
  const rows = faultRows(view.faults, title, view.quotas);
  return (
    <section className="panel facilitator-in-force" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Faults in force</h2>
      {rows.length === 0 ? (
        <p className="muted">
          No faults: every region answers, nothing is throttled, quotas are AWS&apos;s defaults.
        </p>
      ) : (
        <ul className="facilitator-faults" aria-labelledby={`${id}-heading`}>
          {rows.map((row) => (
            <li key={row.key}>
              <span className="facilitator-fault-text">{row.text}</span>
              <button type="button" className="button" disabled={busy} onClick={() => void apply(row.off)}>
                {row.offLabel}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button button-danger"
        disabled={busy || rows.length === 0}
        onClick={() => void apply({ kind: 'clearAll' })}
      >
        Clear every fault
      </button>
    </section>
  );
}
