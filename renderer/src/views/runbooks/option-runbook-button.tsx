import type { RecoveryOption } from '../../../../electron/core/api/calls/assess';
import type { PlanChain, RecoveryPlan } from '../../../../electron/core/recover/types';
import { runbookForOption, type OptionRunbookLink } from '../../../../electron/core/runbooks/option-runbook';
import { runbookForChain } from '../../../../electron/core/runbooks/step-runbook-values';
import { useStore } from '../../store/index';

function RunbookLinkButton({ link, title }: { link: OptionRunbookLink; title: string }) {
  const showRunbook = useStore((s) => s.showRunbook);
  return (
    <button
      type="button"
      className="link-button rb-option-link"
      aria-label={`Open the runbook for: ${title}`}
      title={`Runbook: ${link.runbookId}`}
      onClick={() => void showRunbook(link.runbookId, link.values)}
    >
      Runbook
    </button>
  );
}

/**
 * "How to do this by hand": opens the runbook of a recovery option (from the assessment or the
 * plan) with its placeholders filled from the option (regions, names, snapshot, restore time).
 * Renders nothing for options without a runbook.
 */
export function OptionRunbookButton({ option }: { option: Pick<RecoveryOption, 'kind' | 'data' | 'title'> }) {
  const link = runbookForOption(option);
  return link ? <RunbookLinkButton link={link} title={option.title} /> : null;
}

/**
 * The runbook of one chain of a recovery plan, filled for that chain: its source and target
 * names, target settings and chosen restore time (and the option's data when the latest
 * assessment is loaded).
 */
export function ChainRunbookButton({ plan, chain }: { plan: RecoveryPlan; chain: PlanChain }) {
  const assessment = useStore((s) => (s.assessment.status === 'ready' ? s.assessment.value : null));
  const link = runbookForChain(plan, chain, assessment);
  return <RunbookLinkButton link={link} title={`${chain.resource.service} ${chain.resource.name}`} />;
}
