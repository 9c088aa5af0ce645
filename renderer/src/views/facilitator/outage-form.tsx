import { useId, useState } from 'react';
import { tabletopOutageModes, type TabletopOutageMode } from '../../../../electron/core/api/calls/tabletop';
import { ChoiceSelect, RegionSelect } from './choice-select';
import { FaultFormShell } from './fault-form-shell';
import { OUTAGE_MODE_TITLE } from './facilitator-model';
import type { FaultFormProps } from './form-props';

const MODE_CHOICES = tabletopOutageModes.map((m) => ({ value: m, title: OUTAGE_MODE_TITLE[m] }));

/** Take a region's APIs down: every service or the chosen ones, refused, timing out, or 503. */
export function OutageForm({ view, busy, apply }: FaultFormProps) {
  const id = useId();
  const [region, setRegion] = useState(view.regions[0] ?? '');
  const [mode, setMode] = useState<TabletopOutageMode>('5xx');
  const [services, setServices] = useState<string[]>([]);
  const down = view.faults.regionOutages.some((o) => o.region === region);

  return (
    <FaultFormShell
      id={id}
      title="Take a region down"
      onSubmit={() => {
        void apply({ kind: 'regionDown', region, mode, ...(services.length > 0 ? { services } : {}) });
      }}
      fields={
        <>
          <RegionSelect label="Region" regions={view.regions} value={region} onChange={setRegion} />
          <ChoiceSelect label="How its APIs fail" choices={MODE_CHOICES} value={mode} onChange={setMode} />
        </>
      }
    >
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
    </FaultFormShell>
  );
}
