import { useStore } from '../../store/index';
import { incidentRunbookValues } from './incident-values';

/**
 * The deep link from a procedure step to its runbook: opens the reader at that runbook with the
 * open incident's context (its id and regions) merged into the placeholder values.
 */
export function StepRunbookLink({ runbookId, stepTitle }: { runbookId: string; stepTitle: string }) {
  const showRunbook = useStore((s) => s.showRunbook);
  const incident = useStore((s) => s.incident);
  return (
    <button
      type="button"
      className="link-button rb-step-link"
      aria-label={`Open the runbook for: ${stepTitle}`}
      title={`Runbook: ${runbookId}`}
      onClick={() => void showRunbook(runbookId, incidentRunbookValues(incident?.state))}
    >
      Runbook
    </button>
  );
}
