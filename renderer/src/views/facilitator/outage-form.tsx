import { useId, useState } from 'react';
import { tabletopOutageModes, type TabletopOutageMode } from '../../../../electron/core/api/calls/tabletop';
import { OUTAGE_MODE_TITLE } from './facilitator-model';
import type { FaultFormProps } from './form-props';

/** Take a region's APIs down: every service or the chosen ones, refused, timing out, or 503. */
export function OutageForm({ view, busy, apply }: FaultFormProps) {
  const id = useId();
  const [region, setRegion] = useState(view.regions[0] ?? '');
  const [mode, setMode] = useState<TabletopOutageMode>('5xx');
  const [services, setServices] = useState<string[]>([]);
  const down = view.faults.regionOutages.some((o) => o.region === region);

  return (
    <form
      className="panel facilitator-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        void apply({ kind: 'regionDown', region, mode, ...(services.length > 0 ? { services } : {}) });
      }}
    >
      <h2 id={`${id}-heading`}>Take a region down</h2>
      <div className="facilitator-row">
        <label>
          Region
          <select value={region} onChange={(e) => setRegion(e.target.value)}>
            {view.regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          How its APIs fail
          <select value={mode} onChange={(e) => setMode(e.target.value as TabletopOutageMode)}>
            {tabletopOutageModes.map((m) => (
              <option key={m} value={m}>
                {OUTAGE_MODE_TITLE[m]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="facilitator-services">
        <legend>Services that fail (none ticked: every service)</legend>
        {view.services.map((s) => (
          <label key={s.id} className="facilitator-check">
            <input
              type="checkbox"
              checked={services.includes(s.id)}
              onChange={(e) =>
                setServices(e.target.checked ? [...services, s.id] : services.filter((x) => x !== s.id))
              }
            />
            {s.title}
          </label>
        ))}
      </fieldset>
      <div className="facilitator-row">
        <button type="submit" className="button button-danger" disabled={busy || region === ''}>
          Take {region} down
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || !down}
          onClick={() => void apply({ kind: 'regionUp', region })}
        >
          Bring {region} back up
        </button>
      </div>
    </form>
  );
}
