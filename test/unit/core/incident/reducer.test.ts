import { describe, expect, it } from 'vitest';
import { ENTRY } from '../../../../electron/core/incident/entry-types';
import { foldIncident, reduceIncident } from '../../../../electron/core/incident/reducer';
import { foldWithTimeline } from '../../../../electron/core/incident/timeline';
import { chain, declared } from './support/fixtures';

describe('reduceIncident', () => {
  it('starts from the declaration: assess stage, commander, targets, procedure snapshot', async () => {
    const state = foldIncident(chain([await declared()]))!;
    expect(state.id).toBe('DR-20261126-01');
    expect(state.stage).toBe('assess');
    expect(state.status).toBe('open');
    expect(state.roles.commander).toBe('Ana Ruiz');
    expect(state.targets.map((t) => t.id)).toEqual(['critical', 'standard']);
    expect(state.procedure.stages.map((s) => s.id)).toEqual([
      'assess',
      'activate',
      'recover',
      'validate',
      'document',
    ]);
    expect(state.counts.entries).toBe(1);
  });

  it('ignores entries before a declaration and returns null without one', () => {
    expect(foldIncident(chain([{ type: 'note.added', data: { text: 'x' } }]))).toBeNull();
  });

  it('never mutates the state it is given', async () => {
    const entries = chain([
      await declared(),
      { type: ENTRY.stepCompleted, data: { stepId: 'confirm-outage' } },
    ]);
    const before = foldIncident(entries.slice(0, 1))!;
    const frozen = JSON.stringify(before);
    const after = reduceIncident(before, entries[1]!)!;
    expect(JSON.stringify(before)).toBe(frozen);
    expect(after.steps['confirm-outage']?.status).toBe('done');
    expect(after).not.toBe(before);
  });

  it('tolerates entry types it does not know (counted, otherwise ignored)', async () => {
    const state = foldIncident(
      chain([
        await declared(),
        { type: 'assess.inventory', data: { ready: 3 } },
        { type: 'future.thing', data: {} },
      ]),
    )!;
    expect(state.counts.unknown).toBe(2);
    expect(state.counts.entries).toBe(3);
    expect(state.stage).toBe('assess');
  });

  it('tracks steps done and skipped, with evidence and reasons', async () => {
    const state = foldIncident(
      chain([
        await declared(),
        { type: ENTRY.stepCompleted, data: { stepId: 'confirm-outage', evidence: 'AWS Health + PagerDuty' } },
        {
          type: ENTRY.stepSkipped,
          data: { stepId: 'notify-stakeholders', reason: 'comms team already on it' },
        },
      ]),
    )!;
    expect(state.steps['confirm-outage']).toMatchObject({
      status: 'done',
      evidence: 'AWS Health + PagerDuty',
    });
    expect(state.steps['notify-stakeholders']).toMatchObject({
      status: 'skipped',
      reason: 'comms team already on it',
    });
  });

  it('going back withdraws the sign-offs from the target stage on; signing off Document closes', async () => {
    const entries = chain([
      await declared(),
      { type: ENTRY.stageSignedOff, data: { stage: 'assess', by: 'Ana Ruiz' } },
      { type: ENTRY.stageEntered, data: { stage: 'activate', direction: 'forward' } },
      { type: ENTRY.stageSignedOff, data: { stage: 'activate', by: 'Ana Ruiz' } },
      { type: ENTRY.stageEntered, data: { stage: 'recover', direction: 'forward' } },
      { type: ENTRY.stageEntered, data: { stage: 'activate', direction: 'back', reason: 'wrong scope' } },
    ]);
    const state = foldIncident(entries)!;
    expect(state.stage).toBe('activate');
    expect(Object.keys(state.signOffs)).toEqual(['assess']);

    const closing = chain([
      await declared(),
      ...['assess', 'activate', 'recover', 'validate'].flatMap((stage, i) => [
        { type: ENTRY.stageSignedOff, data: { stage, by: 'Ana Ruiz' } },
        { type: ENTRY.stageEntered, data: { stage: ['activate', 'recover', 'validate', 'document'][i] } },
      ]),
      { type: ENTRY.stageSignedOff, data: { stage: 'document', by: 'Ana Ruiz' } },
    ]);
    const closed = foldIncident(closing)!;
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toBe(closing[closing.length - 1]!.time);
  });

  it('records the activation decision and the roles', async () => {
    const state = foldIncident(
      chain([
        await declared(),
        {
          type: ENTRY.activationDecided,
          data: {
            decision: 'go',
            criteria: { scope: 'all of us-east-1' },
            decidedBy: 'Ana Ruiz',
            approvedBy: 'CTO',
            roles: {
              commander: 'Ana Ruiz',
              scribe: 'Bo Chen',
              serviceOwners: [{ service: 'orders-db', owner: 'Dee' }],
            },
          },
        },
      ]),
    )!;
    expect(state.activation).toMatchObject({ decision: 'go', approvedBy: 'CTO', secondApprover: null });
    expect(state.roles).toEqual({
      commander: 'Ana Ruiz',
      scribe: 'Bo Chen',
      serviceOwners: [{ service: 'orders-db', owner: 'Dee' }],
    });
    expect(state.counts.decisions).toBe(1);
  });

  it('knows what is in flight: started without completed, paired by callId or oldest first', async () => {
    const state = foldIncident(
      chain([
        await declared(),
        { type: 'recover.call.started', data: { callId: 'a', operation: 'RestoreDBInstanceToPointInTime' } },
        { type: 'recover.call.started', data: { callId: 'b', operation: 'RestoreTableToPointInTime' } },
        {
          type: 'recover.call.completed',
          data: { callId: 'a', requestId: 'req-1', service: 'rds', resourceId: 'orders-db' },
        },
        { type: 'validate.run.started', data: {} },
        { type: 'validate.run.started', data: {} },
        { type: 'validate.run.completed', data: {} },
      ]),
    )!;
    const keys = Object.values(state.inFlight).map((op) => `${op.type}@${op.seq}`);
    expect(keys.sort()).toEqual(['recover.call.started@3', 'validate.run.started@6']);
    expect(state.resources['orders-db']).toMatchObject({ service: 'rds', restoredAt: expect.any(String) });
    expect(state.counts.awsCalls).toBe(1);
  });

  it('reads per-resource validation results tolerantly', async () => {
    const state = foldIncident(
      chain([
        await declared(),
        {
          type: ENTRY.validateCompleted,
          data: {
            resources: [
              {
                resourceId: 'orders-db',
                achievedRtoMinutes: 42,
                achievedRpoMinutes: 5,
                ok: true,
                tier: 'critical',
              },
              { resourceId: 'sessions', ok: false },
              { nothing: true },
            ],
          },
        },
        { type: ENTRY.validateCompleted, data: { resourceId: 'assets-bucket', achievedRpoMinutes: 0 } },
        { type: ENTRY.validateCompleted, data: { unexpected: 'shape' } },
      ]),
    )!;
    expect(state.resources['orders-db']).toMatchObject({
      achievedRtoMinutes: 42,
      achievedRpoMinutes: 5,
      validationOk: true,
      tier: 'critical',
    });
    expect(state.resources['sessions']).toMatchObject({ validationOk: false, achievedRtoMinutes: null });
    expect(state.resources['assets-bucket']).toMatchObject({
      achievedRpoMinutes: 0,
      achievedRtoMinutes: null,
    });
  });

  it('tags timeline items with the stage they happened in', async () => {
    const { items } = foldWithTimeline(
      null,
      chain([
        await declared(),
        { type: ENTRY.noteAdded, data: { text: 'a' } },
        { type: ENTRY.stageEntered, data: { stage: 'activate' } },
        { type: ENTRY.noteAdded, data: { text: 'b', kind: 'decision' } },
      ]),
    );
    expect(items.map((i) => [i.stage, i.kind])).toEqual([
      ['assess', 'stage'],
      ['assess', 'note'],
      ['activate', 'stage'],
      ['activate', 'decision'],
    ]);
  });
});
