import type { RunbookDocument } from '../../../../electron/core/api/calls/runbooks';
import { STRATEGY_TITLES } from '../../../../electron/core/recover/strategies/index';
import type { RunbookFillCandidate } from '../../../../electron/core/runbooks/step-runbook-values';
import { useStore } from '../../store/index';

/** How a candidate resource is named in the chooser: its name and tier, and whether this runbook is its way back. */
export function candidateLabel(candidate: RunbookFillCandidate): string {
  const other = candidate.matchesRunbook
    ? ''
    : candidate.strategy || candidate.optionTitle
      ? ', recovered another way'
      : ', no recovery option found';
  return `${candidate.name} (${candidate.tier ?? 'no tier'}${other})`;
}

/** How the candidate would be recovered: the plan's strategy or the assessment's option. */
function approachOf(candidate: RunbookFillCandidate): string | null {
  return candidate.strategy ? STRATEGY_TITLES[candidate.strategy] : candidate.optionTitle;
}

const SOURCE_TEXT = {
  plan: 'the incident’s recovery plan',
  assessment: 'the latest assessment',
} as const;

/**
 * "Fill for": which resource a runbook opened from a procedure step is filled for (a select when
 * several of the runbook's service are in scope), where the values come from, and which
 * placeholders are still to fill by hand. Renders nothing for runbooks not opened from a step.
 */
export function RunbookFillChooser({ doc }: { doc: RunbookDocument }) {
  const fill = useStore((s) => s.runbookFill);
  const choose = useStore((s) => s.chooseRunbookCandidate);
  if (!fill || fill.runbookId !== doc.id || doc.service === 'general') return null;
  const unfilled = doc.placeholders.filter((p) => p.value === null).map((p) => p.name);
  const filled = doc.placeholders.length - unfilled.length;
  const chosen = fill.candidates.find((c) => c.id === fill.chosenId) ?? null;

  if (fill.source === null || fill.candidates.length === 0 || !chosen) {
    return (
      <div className="rb-fill" role="note">
        <p className="rb-fill-note">
          No resource of this service is known to the incident yet: run the assessment (or build the recovery
          plan) to fill its names, or type them below.
        </p>
      </div>
    );
  }

  return (
    <div className="rb-fill" role="group" aria-labelledby="rb-fill-label">
      <div className="rb-fill-row">
        <label id="rb-fill-label" htmlFor="rb-fill-select" className="rb-fill-label">
          Fill for:
        </label>
        {fill.candidates.length > 1 ? (
          <select
            id="rb-fill-select"
            className="rb-fill-select"
            value={chosen.id}
            onChange={(event) => void choose(event.target.value)}
          >
            {fill.candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidateLabel(candidate)}
              </option>
            ))}
          </select>
        ) : (
          <output id="rb-fill-select" className="rb-fill-one">
            {candidateLabel(chosen)}
          </output>
        )}
      </div>
      <p className="rb-fill-note" aria-live="polite">
        Values of <strong>{chosen.name}</strong> ({chosen.region}) from {SOURCE_TEXT[fill.source]}
        {approachOf(chosen)
          ? ` · ${fill.source === 'plan' ? 'strategy' : 'option'}: ${approachOf(chosen)}`
          : ''}
        {fill.candidates.length > 1 ? ` · ${fill.candidates.length} resources of this service in scope` : ''}.
      </p>
      <p className="rb-fill-note">
        {unfilled.length === 0 ? (
          `All ${doc.placeholders.length} placeholders filled.`
        ) : (
          <>
            {filled} of {doc.placeholders.length} placeholders filled; still to fill:{' '}
            {unfilled.map((name, index) => (
              <span key={name}>
                {index > 0 ? ', ' : ''}
                <code className="rb-ph rb-ph-empty">&lt;{name}&gt;</code>
              </span>
            ))}
            .
          </>
        )}
      </p>
      {!chosen.matchesRunbook && (
        <p className="rb-fill-note rb-warn">
          This runbook is not {chosen.name}’s planned or best recovery: check that it applies.
        </p>
      )}
    </div>
  );
}
