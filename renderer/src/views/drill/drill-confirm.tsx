import { useMemo } from 'react';
import type { DrillRunInput } from '../../../../electron/core/api/calls/drill';
import { drillPreview } from '../../../../electron/core/drill/drill-preview';
import { SERVICE_TITLE } from './drill-model';

/** The dry run of a drill: what each service's test creates and every AWS call, then an explicit start. */
export function DrillConfirm({
  input,
  regions,
  onStart,
  onCancel,
}: {
  input: DrillRunInput;
  regions: { primary: string; secondary: string };
  onStart: () => void;
  onCancel: () => void;
}) {
  const steps = useMemo(() => drillPreview(input, regions), [input, regions]);
  return (
    <section className="panel drill-confirm" aria-labelledby="drill-confirm-heading">
      <h2 id="drill-confirm-heading">Confirm the drill</h2>
      <p>
        The drill creates test resources in {regions.secondary}, each tagged with the drill id, and removes
        them when it ends (only after checking that tag). Nothing is changed on the source resources.
      </p>
      {steps.map((s) => (
        <div key={s.service} className="drill-confirm-step">
          <h3>
            {SERVICE_TITLE[s.service]}: {s.target}
          </h3>
          <p className="muted">Creates {s.creates}.</p>
          <ol className="drill-calls">
            {s.calls.map((c) => (
              <li key={c}>
                <code className="drill-command">{c}</code>
              </li>
            ))}
          </ol>
        </div>
      ))}
      <div className="drill-form-row">
        <button type="button" className="button button-primary" onClick={onStart}>
          Start the drill
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Change the choices
        </button>
      </div>
    </section>
  );
}
