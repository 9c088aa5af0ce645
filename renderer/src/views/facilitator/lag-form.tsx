import { useId, useState } from 'react';
import { RegionSelect } from './choice-select';
import { FaultFormShell } from './fault-form-shell';
import { parseLagMinutes } from './facilitator-model';
import type { FaultFormProps } from './form-props';

/** Add S3 replication lag from one region to another. */
export function LagForm({ view, busy, apply }: FaultFormProps) {
  const id = useId();
  const [source, setSource] = useState(view.regions[0] ?? '');
  const [destination, setDestination] = useState(view.regions[1] ?? view.regions[0] ?? '');
  const [lag, setLag] = useState('30');
  const [problem, setProblem] = useState<string | null>(null);

  return (
    <FaultFormShell
      id={id}
      title="S3 replication lag"
      onSubmit={() => {
        if (source === destination) {
          setProblem('Choose two different regions: replication lag is from one region to another.');
          return;
        }
        const parsed = parseLagMinutes(lag);
        if (!parsed.ok) {
          setProblem(parsed.message);
          return;
        }
        setProblem(null);
        void apply({
          kind: 'replicationLag',
          sourceRegion: source,
          destinationRegion: destination,
          lagMinutes: parsed.value,
        });
      }}
      fields={
        <>
          <RegionSelect label="From" regions={view.regions} value={source} onChange={setSource} />
          <RegionSelect label="To" regions={view.regions} value={destination} onChange={setDestination} />
          <label>
            Extra lag (minutes)
            <input
              inputMode="decimal"
              value={lag}
              onChange={(e) => setLag(e.target.value)}
              size={6}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
            />
          </label>
        </>
      }
      submit={{ label: 'Set lag', tone: 'primary', disabled: busy }}
      problem={problem}
    >
      <p className="muted">
        Objects written from now on reach the replica this much later; 0 removes the lag.
      </p>
    </FaultFormShell>
  );
}
