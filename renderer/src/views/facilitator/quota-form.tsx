import { useId, useState } from 'react';
import { ChoiceSelect } from './choice-select';
import { FaultFormShell } from './fault-form-shell';
import { parseQuotaValue, quotaKeyOf } from './facilitator-model';
import type { FaultFormProps } from './form-props';

/** Set a quota the simulated services enforce (concurrent copies, restores, EC2 capacity). */
export function QuotaForm({ view, busy, apply }: FaultFormProps) {
  const id = useId();
  const [choice, setChoice] = useState(view.quotas[0]?.key ?? '');
  const [suffix, setSuffix] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<{ field: 'suffix' | 'value'; message: string } | null>(null);
  const quota = view.quotas.find((q) => q.key === choice);

  return (
    <FaultFormShell
      id={id}
      title="Quota"
      onSubmit={() => {
        if (!quota) return;
        const key = quotaKeyOf(quota, suffix);
        if (!key.ok) {
          setProblem({ field: 'suffix', message: key.message });
          return;
        }
        const parsed = parseQuotaValue(value);
        if (!parsed.ok) {
          setProblem({ field: 'value', message: parsed.message });
          return;
        }
        setProblem(null);
        void apply({ kind: 'setQuota', key: key.value, value: parsed.value });
      }}
      fields={
        <>
          <ChoiceSelect
            label="Quota"
            className="facilitator-wide"
            choices={view.quotas.map((q) => ({
              value: q.key,
              title: `${q.title} (default ${q.defaultValue === null ? 'unlimited' : q.defaultValue})`,
            }))}
            value={choice}
            onChange={setChoice}
          />
          {quota?.prefix ? (
            <label>
              Instance type
              <input
                value={suffix}
                onChange={(e) => setSuffix(e.target.value)}
                placeholder="m5.large"
                size={12}
                aria-invalid={problem?.field === 'suffix' ? true : undefined}
                aria-describedby={problem?.field === 'suffix' ? `${id}-problem` : undefined}
              />
            </label>
          ) : null}
          <label>
            Limit
            <input
              inputMode="numeric"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              size={8}
              aria-invalid={problem?.field === 'value' ? true : undefined}
              aria-describedby={problem?.field === 'value' ? `${id}-problem` : undefined}
            />
          </label>
        </>
      }
      submit={{ label: 'Set quota', tone: 'primary', disabled: busy || !quota }}
      problem={problem?.message ?? null}
    />
  );
}
