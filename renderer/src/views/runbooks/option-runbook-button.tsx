import type { RecoveryOption } from '../../../../electron/core/api/calls/assess';
import { runbookForOption } from '../../../../electron/core/runbooks/option-runbook';
import { useStore } from '../../store/index';

/**
 * "How to do this by hand": opens the runbook of a recovery option (from the assessment or the
 * plan) with its placeholders filled from the option (regions, names, snapshot, restore time).
 * Renders nothing for options without a runbook.
 */
export function OptionRunbookButton({ option }: { option: Pick<RecoveryOption, 'kind' | 'data' | 'title'> }) {
  const showRunbook = useStore((s) => s.showRunbook);
  const link = runbookForOption(option);
  if (!link) return null;
  return (
    <button
      type="button"
      className="link-button"
      aria-label={`Open the runbook for: ${option.title}`}
      onClick={() => void showRunbook(link.runbookId, link.values)}
    >
      Runbook
    </button>
  );
}
