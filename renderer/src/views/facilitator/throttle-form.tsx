import { useId, useState } from 'react';
import { FieldProblem } from './field-problem';
import { parsePercent } from './facilitator-model';
import type { FaultFormProps } from './form-props';

/** Throttle a percentage of requests, in every region and service or in one of each. */
export function ThrottleForm({ view, busy, apply }: FaultFormProps) {
  const id = useId();
  const [region, setRegion] = useState('');
  const [service, setService] = useState('');
  const [rate, setRate] = useState('20');
  const [problem, setProblem] = useState<string | null>(null);

  return (
    <form
      className="panel facilitator-form"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parsePercent(rate);
        if (!parsed.ok) {
          setProblem(parsed.message);
          return;
        }
        setProblem(null);
        void apply({
          kind: 'throttle',
          ratePercent: parsed.value,
          ...(region ? { region } : {}),
          ...(service ? { service } : {}),
        });
      }}
    >
      <h2 id={`${id}-heading`}>Throttling</h2>
      <div className="facilitator-row">
        <label>
          Region
          <select value={region} onChange={(e) => setRegion(e.target.value)}>
            <option value="">Every region</option>
            {view.regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          Service
          <select value={service} onChange={(e) => setService(e.target.value)}>
            <option value="">Every service</option>
            {view.services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Requests throttled (%)
          <input
            inputMode="decimal"
            value={rate}
            onChange={(e) => setRate(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            size={6}
          />
        </label>
        <button type="submit" className="button button-primary" disabled={busy}>
          Set throttling
        </button>
      </div>
      <FieldProblem id={`${id}-problem`} message={problem} />
      <p className="muted">0 % stops throttling for that region and service.</p>
    </form>
  );
}
