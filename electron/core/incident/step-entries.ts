/**
 * Checklist steps as journal entries: done, done by a core action, or skipped with a reason.
 * Pure; each checks the procedure's rules first and throws the refusal as an `AppError`.
 */
import { ENTRY } from './entry-types';
import { requireAllowed } from './require-allowed';
import { canCompleteStep, canSkipStep, findStep, stepsForAction } from './transitions';
import type { IncidentState, JournalAppend, StepSnapshot } from './types';

/** The `step.completed` entry for one step, by `actor`, with what proves it. */
export function stepCompletedEntry(
  state: IncidentState,
  stepId: string,
  actor: string,
  evidence?: string,
): JournalAppend {
  requireAllowed(canCompleteStep(state, stepId));
  const step = findStep(state, stepId)!.step;
  return {
    type: ENTRY.stepCompleted,
    actor,
    data: { stepId, title: step.title, by: actor, ...(evidence ? { evidence } : {}) },
  };
}

/** The `step.completed` entries for every step bound to a core action (`recover.execute` …). */
export function actionCompletedEntries(
  state: IncidentState,
  action: string,
  actor: string,
  evidence?: string,
): { steps: StepSnapshot[]; entries: JournalAppend[] } {
  const steps = stepsForAction(state, action);
  return {
    steps,
    entries: steps.map((step) => ({
      type: ENTRY.stepCompleted,
      actor,
      data: { stepId: step.id, title: step.title, by: actor, action, ...(evidence ? { evidence } : {}) },
    })),
  };
}

/** The `step.skipped` entry for one step, by `actor`, with the reason. */
export function stepSkippedEntry(
  state: IncidentState,
  stepId: string,
  reason: string,
  actor: string,
): JournalAppend {
  requireAllowed(canSkipStep(state, stepId, reason));
  const step = findStep(state, stepId)!.step;
  return {
    type: ENTRY.stepSkipped,
    actor,
    data: { stepId, title: step.title, by: actor, reason },
  };
}
