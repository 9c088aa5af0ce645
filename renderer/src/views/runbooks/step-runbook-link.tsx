import { useStore } from '../../store/index';

/**
 * The deep link from a procedure step to its runbook: opens the reader at that runbook filled from
 * what the open incident knows (its id and regions, and for a service runbook the resources of
 * the recovery plan or the latest assessment, chosen in the reader's "Fill for").
 */
export function StepRunbookLink({ runbookId, stepTitle }: { runbookId: string; stepTitle: string }) {
  const openStepRunbook = useStore((s) => s.openStepRunbook);
  return (
    <button
      type="button"
      className="link-button rb-step-link"
      aria-label={`Open the runbook for: ${stepTitle}`}
      title={`Runbook: ${runbookId}`}
      onClick={() => void openStepRunbook(runbookId)}
    >
      Runbook
    </button>
  );
}
