import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/core/api/errors';
import { activationEntries, type ActivateInput } from '../../../../electron/core/incident/activation';
import {
  declaredEntry,
  declarationWarningEntries,
  resolveTierTargets,
  selectTierTargets,
} from '../../../../electron/core/incident/declaration';
import { ENTRY } from '../../../../electron/core/incident/entry-types';
import { foldIncident, reduceIncident } from '../../../../electron/core/incident/reducer';
import {
  advanceEntries,
  goBackEntry,
  provisionalEntry,
  signOffEntry,
} from '../../../../electron/core/incident/stage-entries';
import { noteEntry, statusUpdateEntries } from '../../../../electron/core/incident/status-entries';
import {
  actionCompletedEntries,
  stepCompletedEntry,
  stepSkippedEntry,
} from '../../../../electron/core/incident/step-entries';
import type { IncidentState, JournalAppend } from '../../../../electron/core/incident/types';
import { bundledProcedure, chain, declared, TIERS } from './support/fixtures';

const COMMANDER = 'Ana Ruiz';

async function fresh(): Promise<IncidentState> {
  return foldIncident(chain([await declared()]))!;
}

/** Apply built entries with the pure reducer, as the journal would after committing them. */
function apply(state: IncidentState, items: readonly JournalAppend[]): IncidentState {
  return items.reduce((s, item) => reduceIncident(s, provisionalEntry(s, item)) ?? s, state);
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const GO: ActivateInput = {
  decision: 'go',
  criteria: { scope: 'us-east-1 down', 'expected-duration': 'hours', 'data-at-risk': 'orders' },
  decidedBy: COMMANDER,
  approvedBy: 'Ben Okafor',
  roles: { serviceOwners: [{ service: 'rds', owner: 'Chen Li' }] },
};

/** An incident in Activate: the Assess steps settled and signed off. */
async function inActivate(): Promise<IncidentState> {
  let s = await fresh();
  for (const stepId of ['confirm-outage', 'run-assessment', 'review-gaps'])
    s = apply(s, [stepCompletedEntry(s, stepId, COMMANDER)]);
  return apply(s, advanceEntries(s, { signOff: true }));
}

describe('declaration', () => {
  it('selects every tier when none is asked for, else the named ones', () => {
    expect(selectTierTargets(TIERS, undefined)).toBe(TIERS);
    expect(selectTierTargets(TIERS, [])).toBe(TIERS);
    expect(selectTierTargets(TIERS, ['standard']).map((t) => t.id)).toEqual(['standard']);
  });

  it('refuses unknown tiers, naming them and the tiers the policy defines', () => {
    const error = refusal(() => selectTierTargets(TIERS, ['critical', 'gold', 'silver']));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('Unknown recovery tiers gold, silver');
    expect(error.message).toContain('defines critical, standard');
    expect(error.detail).toEqual({ field: 'tiers', unknown: ['gold', 'silver'] });
  });

  it('declares without targets, with a warning, when the policy cannot be read', async () => {
    const result = await resolveTierTargets(async () => {
      throw new Error('policy.yaml: line 3: bad indentation');
    }, ['critical']);
    expect(result.targets).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('no RTO/RPO targets: policy.yaml: line 3: bad indentation');
    const [warning] = declarationWarningEntries(result.warnings);
    expect(warning).toMatchObject({
      type: ENTRY.journalWarning,
      actor: 'system',
      data: { reason: 'policy' },
    });
  });

  it('still refuses unknown tiers when the policy reads fine', async () => {
    await expect(resolveTierTargets(async () => TIERS, ['gold'])).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('writes the declaration with the id, mode, tier targets and a procedure snapshot', async () => {
    const procedure = await bundledProcedure();
    const item = declaredEntry(
      'DR-20261126-03',
      { title: 'Outage', severity: 'SEV1', commander: COMMANDER },
      {
        mode: 'LIVE',
        scenario: null,
        targets: [{ ...TIERS[0]!, extra: 'dropped' } as (typeof TIERS)[number]],
        procedure,
      },
    );
    expect(item.type).toBe(ENTRY.declared);
    expect(item.actor).toBe(COMMANDER);
    expect(item.data).toMatchObject({ id: 'DR-20261126-03', mode: 'LIVE', scenario: null });
    expect(item.data?.targets).toEqual([TIERS[0]]);
    const state = foldIncident(chain([item]))!;
    expect(state.procedure.stages.map((s) => s.id)).toEqual(procedure.stages.map((s) => s.id));
  });
});

describe('activation', () => {
  it('refuses a decision with unanswered criteria', async () => {
    const s = await fresh();
    const refused = refusal(() => activationEntries(s, { ...GO, criteria: { scope: 'x' } }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.detail).toEqual({ unanswered: ['expected-duration', 'data-at-risk'] });
  });

  it('keeps the current commander and scribe when the roles name none, and ticks the bound step', async () => {
    const s = await fresh();
    const items = activationEntries(s, GO);
    expect(items[0]).toMatchObject({
      type: ENTRY.activationDecided,
      actor: COMMANDER,
      data: { decision: 'go', roles: { commander: COMMANDER, scribe: s.roles.scribe } },
    });
    expect(items[0]!.data).not.toHaveProperty('secondApprover');
    expect(items[0]!.data).not.toHaveProperty('rationale');
    expect(items.slice(1)).toEqual([
      {
        type: ENTRY.stepCompleted,
        actor: COMMANDER,
        data: {
          stepId: 'answer-criteria',
          title: expect.any(String),
          by: COMMANDER,
          evidence: 'Decision: go',
        },
      },
    ]);
    const after = apply(s, items);
    expect(after.activation?.decision).toBe('go');
    expect(after.steps['answer-criteria']?.status).toBe('done');
  });
});

describe('steps', () => {
  it('completes a step by the actor, with evidence only when given', async () => {
    const s = await fresh();
    expect(stepCompletedEntry(s, 'confirm-outage', 'Ben Okafor').data).toEqual({
      stepId: 'confirm-outage',
      title: expect.any(String),
      by: 'Ben Okafor',
    });
    expect(stepCompletedEntry(s, 'confirm-outage', COMMANDER, 'Health dashboard').data?.evidence).toBe(
      'Health dashboard',
    );
  });

  it('refuses an unknown step with NOT_FOUND', async () => {
    const s = await fresh();
    expect(refusal(() => stepCompletedEntry(s, 'no-such-step', COMMANDER)).code).toBe('NOT_FOUND');
  });

  it('completes every step bound to an action, and none for an action nothing is bound to', async () => {
    const s = await fresh();
    const bound = actionCompletedEntries(s, 'assess.run', COMMANDER, 'Assessment A-1');
    expect(bound.steps.map((step) => step.id)).toEqual(['run-assessment']);
    expect(bound.entries[0]?.data).toMatchObject({ action: 'assess.run', evidence: 'Assessment A-1' });
    expect(actionCompletedEntries(s, 'nothing.bound', COMMANDER)).toEqual({ steps: [], entries: [] });
  });

  it('skips a step only with a reason', async () => {
    const s = await fresh();
    expect(refusal(() => stepSkippedEntry(s, 'review-gaps', '  ', COMMANDER)).code).toBe('CONFLICT');
    expect(stepSkippedEntry(s, 'review-gaps', 'reviewed yesterday', COMMANDER).data).toMatchObject({
      stepId: 'review-gaps',
      reason: 'reviewed yesterday',
    });
  });
});

describe('stages', () => {
  it('signs off and enters the next stage in one append when asked to', async () => {
    const s = await inActivate();
    expect(s.stage).toBe('activate');
    expect(s.signOffs.assess?.by).toBe(COMMANDER);
  });

  it('refuses to advance with required steps missing, and a sign-off by someone else', async () => {
    const s = await fresh();
    expect(refusal(() => advanceEntries(s, { signOff: true })).code).toBe('CONFLICT');
    expect(refusal(() => signOffEntry(s, 'assess', 'Someone Else')).message).toContain(
      'Only the incident commander',
    );
  });

  it('stands down after a no-go: skips the Recover and Validate steps with the reason, then enters Document', async () => {
    let s = await inActivate();
    s = apply(s, activationEntries(s, { ...GO, decision: 'no-go' }));
    for (const stepId of ['assign-roles', 'freeze-changes'])
      s = apply(s, [stepCompletedEntry(s, stepId, COMMANDER)]);
    expect(refusal(() => advanceEntries(s, { to: 'document', signOff: true })).message).toContain(
      'needs a reason',
    );
    const items = advanceEntries(s, { to: 'document', signOff: true, reason: 'region recovered' });
    expect(items[0]).toMatchObject({
      type: ENTRY.stageSignedOff,
      data: { stage: 'activate', note: 'region recovered' },
    });
    const skipped = items.filter((i) => i.type === ENTRY.stepSkipped).map((i) => i.data?.stepId);
    expect(skipped).toEqual([
      'plan-recovery',
      'execute-recovery',
      'update-connections',
      'run-validation',
      'reapply-settings',
      'application-check',
    ]);
    expect(items.at(-1)).toMatchObject({
      type: ENTRY.stageEntered,
      data: { stage: 'document', from: 'activate', direction: 'forward', reason: 'region recovered' },
    });
    expect(apply(s, items).stage).toBe('document');
  });

  it('goes back only with a reason', async () => {
    const s = await inActivate();
    expect(refusal(() => goBackEntry(s, 'assess', '', COMMANDER)).code).toBe('CONFLICT');
    expect(goBackEntry(s, 'assess', 'new facts', COMMANDER)).toEqual({
      type: ENTRY.stageEntered,
      actor: COMMANDER,
      data: { stage: 'assess', from: 'activate', direction: 'back', reason: 'new facts' },
    });
  });
});

describe('notes and status updates', () => {
  it('tags a note with the current stage', async () => {
    const s = await fresh();
    expect(noteEntry(s, 'Bridge open', 'decision', 'Ben Okafor')).toEqual({
      type: ENTRY.noteAdded,
      actor: 'Ben Okafor',
      data: { text: 'Bridge open', kind: 'decision', stage: 'assess' },
    });
  });

  it('puts the update first and ticks the bound step only while it is unsettled', async () => {
    const s = await fresh();
    const first = statusUpdateEntries(s, 'Update 1', COMMANDER);
    expect(first.map((i) => i.type)).toEqual([ENTRY.statusUpdate, ENTRY.stepCompleted]);
    expect(first[1]?.data).toMatchObject({ stepId: 'notify-stakeholders', evidence: 'Status update sent' });
    const second = statusUpdateEntries(apply(s, first), 'Update 2', COMMANDER);
    expect(second).toEqual([
      { type: ENTRY.statusUpdate, actor: COMMANDER, data: { text: 'Update 2', stage: 'assess' } },
    ]);
  });
});
