import { useStore } from '../../store/index';

/**
 * The deep link from a procedure step to its runbook: opens the reader at that runbook with the
 * open incident's context (its id) merged into the placeholder values.
 */
export function StepRunbookLink({ runbookId, stepTitle }: { runbookId: string; stepTitle: string }) {
  const showRunbook = useStore((s) => s.showRunbook);
  const incidentId = useStore((s) => s.incident?.id ?? null);
  return (
    <button
      type="button"
      className="link-button rb-step-link"
      aria-label={`Open the runbook for: ${stepTitle}`}
      title={`Runbook: ${runbookId}`}
      onClick={() => void showRunbook(runbookId, incidentId ? { 'incident-id': incidentId } : undefined)}
    >
      Runbook
    </button>
  );
}
