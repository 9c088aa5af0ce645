import { useId, useState } from 'react';
import { FieldProblem } from './field-problem';
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
    <form
      className="panel facilitator-form"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
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
    >
      <h2 id={`${id}-heading`}>S3 replication lag</h2>
      <div className="facilitator-row">
        <label>
          From
          <select value={source} onChange={(e) => setSource(e.target.value)}>
            {view.regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          To
          <select value={destination} onChange={(e) => setDestination(e.target.value)}>
            {view.regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
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
        <button type="submit" className="button button-primary" disabled={busy}>
          Set lag
        </button>
      </div>
      <FieldProblem id={`${id}-problem`} message={problem} />
      <p className="muted">
        Objects written from now on reach the replica this much later; 0 removes the lag.
      </p>
    </form>
  );
}
