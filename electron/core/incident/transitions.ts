/**
 * The procedure's rules as pure decisions: which steps are missing, who may sign off, whether the
 * incident may advance or go back. Each answers `{ ok: true }` or the reason it is refused.
 */
import { stageIds, type StageId } from '../runbooks/procedure-schema';
import { stageIndex } from './reducer';
import type { IncidentState, StageSnapshot, StepSnapshot } from './types';

/** A decision: allowed, or refused with a reason people can act on. */
export type Decision =
  | { ok: true }
  | { ok: false; code: 'CONFLICT' | 'NOT_FOUND'; reason: string; detail?: Record<string, unknown> };

const allowed: Decision = { ok: true };

function refuse(
  reason: string,
  detail?: Record<string, unknown>,
  code: 'CONFLICT' | 'NOT_FOUND' = 'CONFLICT',
): Decision {
  return detail ? { ok: false, code, reason, detail } : { ok: false, code, reason };
}

/** The snapshot of one stage. */
export function stageOf(state: IncidentState, stage: StageId): StageSnapshot {
  const found = state.procedure.stages.find((s) => s.id === stage);
  if (!found) throw new Error(`The incident's procedure has no stage "${stage}".`);
  return found;
}

/** A step and the stage holding it, or `null`. */
export function findStep(
  state: IncidentState,
  stepId: string,
): { stage: StageSnapshot; step: StepSnapshot } | null {
  for (const stage of state.procedure.stages) {
    const step = stage.steps.find((s) => s.id === stepId);
    if (step) return { stage, step };
  }
  return null;
}

/** The steps bound to a core action (`assess.run`, `record.save` …). */
export function stepsForAction(state: IncidentState, action: string): StepSnapshot[] {
  return state.procedure.stages.flatMap((stage) => stage.steps.filter((step) => step.action === action));
}

/** Required steps of a stage that are neither done nor skipped (notes are never required). */
export function missingRequiredSteps(state: IncidentState, stage: StageId): StepSnapshot[] {
  return stageOf(state, stage).steps.filter(
    (step) => step.required && step.kind !== 'note' && state.steps[step.id] === undefined,
  );
}

/** Progress of a stage: steps that count (not notes), and how many are done or skipped. */
export function stageProgress(state: IncidentState, stage: StageId): { total: number; settled: number } {
  const steps = stageOf(state, stage).steps.filter((step) => step.kind !== 'note');
  return { total: steps.length, settled: steps.filter((step) => state.steps[step.id] !== undefined).length };
}

/** The person who commands the incident now (from the roles, else the declaration). */
export function currentCommander(state: IncidentState): string {
  return state.roles.commander;
}

function samePerson(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

function listSteps(steps: StepSnapshot[]): string {
  return steps.map((s) => `"${s.title}" (${s.id})`).join(', ');
}

/** Whether a step may be marked done. Steps of any stage may be done early; notes cannot be ticked. */
export function canCompleteStep(state: IncidentState, stepId: string): Decision {
  const found = findStep(state, stepId);
  if (!found) {
    return refuse(
      `There is no step "${stepId}" in the incident's procedure. Use one of the step ids shown in the stage's checklist.`,
      { stepId },
      'NOT_FOUND',
    );
  }
  if (found.step.kind === 'note')
    return refuse(`"${found.step.title}" is a note to read, not a step to tick.`, { stepId });
  return allowed;
}

/** Whether a step may be skipped: only in the current or an earlier stage, with a reason, when not done. */
export function canSkipStep(state: IncidentState, stepId: string, reason: string): Decision {
  const base = canCompleteStep(state, stepId);
  if (!base.ok) return base;
  const { stage, step } = findStep(state, stepId)!;
  if (reason.trim() === '')
    return refuse(`Skipping "${step.title}" needs a reason; say why it is not needed.`, { stepId });
  if (stageIndex(stage.id) > stageIndex(state.stage)) {
    return refuse(
      `"${step.title}" belongs to the ${stage.title} stage, which has not started; skip it once the incident is there.`,
      { stepId, stage: stage.id },
    );
  }
  if (state.steps[stepId]?.status === 'done') {
    return refuse(`"${step.title}" is already done; it cannot be skipped.`, { stepId });
  }
  return allowed;
}

/** Whether `by` may sign off the current stage: the commander, with every required step settled. */
export function canSignOff(state: IncidentState, stage: StageId, by: string): Decision {
  if (stage !== state.stage) {
    return refuse(
      `Only the current stage (${stageOf(state, state.stage).title}) can be signed off, not ${stageOf(state, stage).title}.`,
      { stage, current: state.stage },
    );
  }
  if (!samePerson(by, currentCommander(state))) {
    return refuse(
      `Only the incident commander (${currentCommander(state)}) can sign off a stage; ${by} cannot.`,
      { by, commander: currentCommander(state) },
    );
  }
  if (state.signOffs[stage])
    return refuse(`The ${stageOf(state, stage).title} stage is already signed off.`, { stage });
  const missing = missingRequiredSteps(state, stage);
  if (missing.length > 0) {
    return refuse(
      `The ${stageOf(state, stage).title} stage cannot be signed off: ${missing.length} required step${missing.length > 1 ? 's are' : ' is'} not done or skipped: ${listSteps(missing)}. Do them, or skip them with a reason.`,
      { stage, missing: missing.map((s) => s.id) },
    );
  }
  return allowed;
}

/** The stage after the current one, or `null` at the last. */
export function nextStage(stage: StageId): StageId | null {
  return stageIds[stageIndex(stage) + 1] ?? null;
}

/**
 * Whether the incident may move to `to` (default: the next stage). Only one stage at a time,
 * with the current stage's required steps settled and its sign-off recorded; leaving Activate
 * needs a "go" decision, or, after a "no-go", a stand-down straight to Document with a reason.
 */
export function canAdvance(state: IncidentState, to?: StageId, reason = ''): Decision {
  const next = nextStage(state.stage);
  const current = stageOf(state, state.stage);
  if (next === null) {
    return refuse(`${current.title} is the last stage; sign it off to close the incident.`, {
      stage: state.stage,
    });
  }
  const target = to ?? next;
  if (stageIndex(target) <= stageIndex(state.stage)) {
    return refuse(
      `${stageOf(state, target).title} is not ahead of ${current.title}; go back instead, with a reason.`,
      { from: state.stage, to: target },
    );
  }
  const missing = missingRequiredSteps(state, state.stage);
  if (missing.length > 0) {
    return refuse(
      `Cannot leave ${current.title}: ${missing.length} required step${missing.length > 1 ? 's are' : ' is'} not done or skipped: ${listSteps(missing)}. Do them, or skip them with a reason.`,
      { from: state.stage, to: target, missing: missing.map((s) => s.id) },
    );
  }
  const standDown = isStandDown(state, target);
  if (standDown && reason.trim() === '') {
    return refuse('Standing down to Document after a no-go decision needs a reason.', {
      from: state.stage,
      to: target,
    });
  }
  if (target !== next && !standDown) {
    return refuse(
      `Cannot jump from ${current.title} to ${stageOf(state, target).title}: ${stageOf(state, next).title} comes first.`,
      { from: state.stage, to: target },
    );
  }
  if (state.stage === 'activate' && state.activation?.decision !== 'go' && !standDown) {
    return refuse(
      state.activation
        ? `The activation decision was no-go, so there is nothing to recover: record a go decision, or stand down to Document with a reason.`
        : `Record the activation decision (go, with who decided and approved) before recovering.`,
      { from: state.stage, to: target },
    );
  }
  if (!state.signOffs[state.stage]) {
    return refuse(
      `The commander (${currentCommander(state)}) must sign off ${current.title} before leaving it.`,
      {
        from: state.stage,
        to: target,
      },
    );
  }
  return allowed;
}

/**
 * True when moving from Activate straight to Document after a no-go decision: the failover did not
 * happen, so Recover and Validate do not apply (their steps are skipped with the reason).
 */
export function isStandDown(state: IncidentState, to: StageId | undefined): boolean {
  return state.stage === 'activate' && state.activation?.decision === 'no-go' && to === 'document';
}

/** Whether the incident may go back to an earlier stage (with a reason). */
export function canGoBack(state: IncidentState, to: StageId, reason: string): Decision {
  if (stageIndex(to) >= stageIndex(state.stage)) {
    return refuse(
      `${stageOf(state, to).title} is not before ${stageOf(state, state.stage).title}; only earlier stages can be revisited.`,
      {
        from: state.stage,
        to,
      },
    );
  }
  if (reason.trim() === '')
    return refuse('Going back to an earlier stage needs a reason.', { from: state.stage, to });
  return allowed;
}

/** Whether an activation decision may be recorded now (during Assess or Activate). */
export function canDecideActivation(state: IncidentState, criteria: Record<string, string>): Decision {
  if (stageIndex(state.stage) > stageIndex('activate')) {
    return refuse(
      'The activation decision is taken in the Assess or Activate stage; go back with a reason to revisit it.',
      {
        stage: state.stage,
      },
    );
  }
  const unanswered = state.procedure.criteria.filter((c) => (criteria[c.id] ?? '').trim() === '');
  if (unanswered.length > 0) {
    return refuse(
      `Answer every activation criterion before deciding: ${unanswered.map((c) => `"${c.question}" (${c.id})`).join(', ')}.`,
      { unanswered: unanswered.map((c) => c.id) },
    );
  }
  const known = new Set(state.procedure.criteria.map((c) => c.id));
  const unknown = Object.keys(criteria).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    return refuse(
      `Unknown activation criteria: ${unknown.join(', ')}. The procedure asks: ${[...known].join(', ')}.`,
      {
        unknown,
      },
    );
  }
  return allowed;
}
