import type { Procedure, StageId } from '../../../electron/core/runbooks/procedure-schema';
import { useStore } from '../store/index';
import { IncidentRailProgress, IncidentRailStep } from '../views/incident/rail-progress';
import { NotesBox } from '../views/incident/notes-box';
import { StepRunbookLink } from '../views/runbooks/step-runbook-link';

/** The five stages of the DR procedure, in order, each with its steps; the selected one is open. */
export function StageRail({ procedure }: { procedure: Procedure }) {
  const selected = useStore((s) => s.selectedStage);
  const selectStage = useStore((s) => s.selectStage);
  return (
    <>
      <nav className="stage-rail" aria-label="DR procedure stages">
        <ol className="stage-list">
          {procedure.stages.map((stage, index) => (
            <li key={stage.id} className={`stage ${stage.id === selected ? 'stage-selected' : ''}`}>
              <button
                type="button"
                className="stage-button"
                aria-current={stage.id === selected ? 'step' : undefined}
                aria-expanded={stage.id === selected}
                onClick={() => selectStage(stage.id as StageId)}
              >
                <span className="stage-number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="stage-title">{stage.title}</span>
                <span className="stage-count">{stage.steps.length} steps</span>
                <IncidentRailProgress stage={stage.id as StageId} />
              </button>
              {stage.id === selected && (
                <ul className="stage-steps" aria-label={`${stage.title} steps`}>
                  {stage.steps.map((step) => (
                    <li key={step.id} className={`rail-step rail-step-${step.kind}`}>
                      <span className="rail-step-title">{step.title}</span>
                      {!step.required && <span className="tag">optional</span>}
                      {step.runbook && <StepRunbookLink runbookId={step.runbook} stepTitle={step.title} />}
                      <IncidentRailStep stepId={step.id} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <NotesBox />
    </>
  );
}
