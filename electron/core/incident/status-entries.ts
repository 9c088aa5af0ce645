/**
 * What the commander tells the timeline and the stakeholders, as journal entries: notes and
 * decisions, and a sent status update (which completes the steps bound to `status.update`). Pure.
 */
import { ENTRY } from './entry-types';
import { stepsForAction } from './transitions';
import type { IncidentState, JournalAppend } from './types';

/** The `note.added` entry of a note or decision, tagged with the current stage. */
export function noteEntry(
  state: IncidentState,
  text: string,
  kind: 'note' | 'decision',
  actor: string,
): JournalAppend {
  return { type: ENTRY.noteAdded, actor, data: { text, kind, stage: state.stage } };
}

/**
 * The `status.update` entry of a sent update, then a `step.completed` entry for each step bound to
 * `status.update` that is not yet done or skipped. The update is always the first entry.
 */
export function statusUpdateEntries(state: IncidentState, text: string, actor: string): JournalAppend[] {
  const steps = stepsForAction(state, 'status.update').filter((s) => state.steps[s.id] === undefined);
  return [
    { type: ENTRY.statusUpdate, actor, data: { text, stage: state.stage } },
    ...steps.map((step) => ({
      type: ENTRY.stepCompleted,
      actor,
      data: { stepId: step.id, title: step.title, by: actor, evidence: 'Status update sent' },
    })),
  ];
}
