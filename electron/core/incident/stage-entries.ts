/**
 * Moving through the procedure's stages as journal entries: signing a stage off, advancing
 * (a no-go decision stands down past Recover and Validate), and going back. Pure; each checks
 * the procedure's rules first and throws the refusal as an `AppError`.
 */
import type { StageId } from '../runbooks/procedure-schema';
import { ENTRY } from './entry-types';
import { reduceIncident } from './reducer';
import { requireAllowed } from './require-allowed';
import { canAdvance, canGoBack, canSignOff, isStandDown, nextStage } from './transitions';
import type { IncidentState, JournalAppend, JournalEntry } from './types';

/** Options of {@link IncidentService.advance}. */
export interface AdvanceOptions {
  /** The stage to enter; the next one when omitted. */
  to?: StageId | undefined;
  /** Who moves the incident on; the commander when omitted. */
  by?: string | undefined;
  /** Why (required to stand down, skip ahead, or close with steps missing, as the rules say). */
  reason?: string | undefined;
  /** Sign off the current stage first, as `by`. */
  signOff?: boolean;
}

/** The `stage.signed-off` entry of `stage` by `by`, with an optional note. */
export function signOffEntry(state: IncidentState, stage: StageId, by: string, note?: string): JournalAppend {
  requireAllowed(canSignOff(state, stage, by));
  return {
    type: ENTRY.stageSignedOff,
    actor: by,
    data: { stage, by, ...(note ? { note } : {}) },
  };
}

/**
 * The entries that move the incident to the next (or given) stage: an optional sign-off of the
 * current stage, the skips of a stand-down (no failover), then `stage.entered`.
 */
export function advanceEntries(state: IncidentState, options: AdvanceOptions): JournalAppend[] {
  const by = options.by ?? state.roles.commander;
  const items: JournalAppend[] = [];
  let after = state;
  if (options.signOff && !state.signOffs[state.stage]) {
    const signOff = signOffEntry(state, state.stage, by, options.reason);
    items.push(signOff);
    after = reduceIncident(after, provisionalEntry(after, signOff)) ?? after;
  }
  requireAllowed(canAdvance(after, options.to, options.reason));
  const to = options.to ?? nextStage(state.stage)!;
  if (isStandDown(after, to)) {
    // No failover: the steps of the stages it passes over are skipped, with the reason.
    const passed = state.procedure.stages.filter((st) => st.id === 'recover' || st.id === 'validate');
    for (const step of passed.flatMap((st) => st.steps)) {
      if (step.kind === 'note' || state.steps[step.id]) continue;
      items.push({
        type: ENTRY.stepSkipped,
        actor: by,
        data: {
          stepId: step.id,
          title: step.title,
          by,
          reason: `No failover (no-go decision): ${options.reason ?? ''}`,
        },
      });
    }
  }
  items.push({
    type: ENTRY.stageEntered,
    actor: by,
    data: {
      stage: to,
      from: state.stage,
      direction: 'forward',
      ...(options.reason ? { reason: options.reason } : {}),
    },
  });
  return items;
}

/** The `stage.entered` entry going back to an earlier stage, with the reason. */
export function goBackEntry(state: IncidentState, to: StageId, reason: string, by: string): JournalAppend {
  requireAllowed(canGoBack(state, to, reason));
  return {
    type: ENTRY.stageEntered,
    actor: by,
    data: { stage: to, from: state.stage, direction: 'back', reason },
  };
}

/** A provisional entry, to ask the pure rules what the state would be after an append. */
export function provisionalEntry(state: IncidentState, item: JournalAppend): JournalEntry {
  return {
    seq: state.lastSeq + 1,
    time: new Date().toISOString(),
    actor: item.actor,
    type: item.type,
    data: item.data ?? {},
    prev: state.lastHash,
    hash: '',
  };
}
