import { useId, useState } from 'react';
import { ChoiceSelect, RegionSelect } from './choice-select';
import { FaultFormShell } from './fault-form-shell';
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
    <FaultFormShell
      id={id}
      title="Throttling"
      onSubmit={() => {
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
      fields={
        <>
          <RegionSelect
            label="Region"
            anyTitle="Every region"
            regions={view.regions}
            value={region}
            onChange={setRegion}
          />
          <ChoiceSelect
            label="Service"
            anyTitle="Every service"
            choices={view.services.map((s) => ({ value: s.id, title: s.title }))}
            value={service}
            onChange={setService}
          />
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
        </>
      }
      submit={{ label: 'Set throttling', tone: 'primary', disabled: busy }}
      problem={problem}
    >
      <p className="muted">0 % stops throttling for that region and service.</p>
    </FaultFormShell>
  );
}
