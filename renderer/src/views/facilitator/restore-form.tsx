import { useId, useState } from 'react';
import { useStore } from '../../store/index';
import { FaultFormShell } from './fault-form-shell';
import { parseRestoreTarget, restoreTargetSuggestions } from './facilitator-model';
import type { FaultFormProps } from './form-props';

/** Make the restore into a named target fail (or succeed again). */
export function RestoreForm({ busy, apply }: FaultFormProps) {
  const id = useId();
  const [target, setTarget] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const plan = useStore((s) => s.recoverRun?.run.plan ?? null);
  const suggestions = restoreTargetSuggestions(plan);

  const send = (kind: 'failRestore' | 'clearRestoreFailure') => {
    const parsed = parseRestoreTarget(target);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    void apply({ kind, target: parsed.value }).then((ok) => {
      if (ok) setTarget('');
    });
  };

  return (
    <FaultFormShell
      id={id}
      title="Make a restore fail"
      onSubmit={() => send('failRestore')}
      fields={
        <label className="facilitator-wide">
          Restore target (name or id)
          <input
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            placeholder="e.g. orders-db-dr"
            maxLength={255}
            list={suggestions.length > 0 ? `${id}-targets` : undefined}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
          />
        </label>
      }
      submit={{ label: 'Make it fail', tone: 'danger', disabled: busy }}
      problem={problem}
    >
      {suggestions.length > 0 ? (
        <datalist id={`${id}-targets`}>
          {suggestions.map((t) => (
            <option key={t.target} value={t.target}>
              restore of {t.source}
            </option>
          ))}
        </datalist>
      ) : null}
      <p id={`${id}-hint`} className="muted">
        The target as the recovery plan names it: the new RDS instance id, the new DynamoDB table name, the
        copied AMI&apos;s name, or the new EC2 instance&apos;s Name tag or id. The restore starts, then ends
        failed.{' '}
        {suggestions.length > 0 ? "The open incident's recovery plan's targets are offered as you type." : ''}
      </p>
    </FaultFormShell>
  );
}
