import { useStore } from '../../store/index';

/** The selected stage in full: its purpose and every step, with what kind of step it is. */
export function ProcedureView() {
  const procedure = useStore((s) => s.procedure);
  const selected = useStore((s) => s.selectedStage);
  if (procedure.status !== 'ready') return null;
  const stage = procedure.value.stages.find((s) => s.id === selected) ?? procedure.value.stages[0]!;
  return (
    <section className="view procedure-view" aria-labelledby="stage-heading">
      <h1 id="stage-heading">{stage.title}</h1>
      <p className="lead">{stage.summary}</p>
      <ol className="step-list">
        {stage.steps.map((step) => (
          <li key={step.id} className="step-card">
            <div className="step-head">
              <span className={`step-kind step-kind-${step.kind}`}>
                {step.kind === 'check' ? 'Check' : step.kind === 'action' ? 'Action' : 'Note'}
              </span>
              <span className="step-title">{step.title}</span>
              {step.required ? <span className="tag">required</span> : <span className="tag">optional</span>}
            </div>
            {step.detail && <p className="step-detail">{step.detail}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
