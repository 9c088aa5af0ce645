import { describe, expect, it } from 'vitest';
import { RECOVER_ENTRY, type RunEntry } from '../../../../electron/core/recover/entry-types';
import { buildPlan } from '../../../../electron/core/recover/planner';
import { foldRun, runCounts } from '../../../../electron/core/recover/run-reducer';
import { db, input, table } from './fixtures';

function entries(list: Array<[string, Record<string, unknown>]>): RunEntry[] {
  return list.map(([type, data], i) => ({
    seq: i + 1,
    time: `2026-11-26T04:00:${String(i).padStart(2, '0')}.000Z`,
    type,
    data,
  }));
}

describe('the run reducer', () => {
  const plan = buildPlan(input([db('orders'), table('events')]));
  const a = plan.chains.find((c) => c.resource.name === 'orders')!.actions[0]!.id;

  it('folds a plan, its confirmation, action states and calls', () => {
    const run = foldRun(
      entries([
        [RECOVER_ENTRY.planCreated, { planId: plan.id, plan }],
        [RECOVER_ENTRY.confirmed, { planId: plan.id, by: 'Ana' }],
        [RECOVER_ENTRY.actionState, { planId: plan.id, actionId: a, state: 'running', attempt: 0 }],
        [
          RECOVER_ENTRY.callStarted,
          { planId: plan.id, callId: `${a}@0.1`, actionId: a, operation: 'RestoreDBInstanceToPointInTime' },
        ],
        [RECOVER_ENTRY.callCompleted, { planId: plan.id, callId: `${a}@0.1`, actionId: a }],
        [
          RECOVER_ENTRY.actionState,
          {
            planId: plan.id,
            actionId: a,
            state: 'waiting',
            output: { DBInstanceIdentifier: 'orders-dr' },
            status: 'creating',
          },
        ],
        [
          RECOVER_ENTRY.callStarted,
          { planId: plan.id, callId: 'other', actionId: a, operation: 'DescribeDBInstances' },
        ],
      ]),
    );
    expect(run.status).toBe('running');
    expect(run.confirmedBy).toBe('Ana');
    expect(run.actions[a]).toEqual(
      expect.objectContaining({
        state: 'waiting',
        status: 'creating',
        output: { DBInstanceIdentifier: 'orders-dr' },
        startedAt: '2026-11-26T04:00:02.000Z',
      }),
    );
    expect(Object.keys(run.openCalls)).toEqual(['other']);
    expect(runCounts(run)).toEqual(
      expect.objectContaining({ waiting: 1, pending: plan.chains.flatMap((c) => c.actions).length - 1 }),
    );
  });

  it('records a failure with what AWS said and the fix, and a retry clears it', () => {
    const run = foldRun(
      entries([
        [RECOVER_ENTRY.planCreated, { planId: plan.id, plan }],
        [RECOVER_ENTRY.confirmed, { planId: plan.id, by: 'Ana' }],
        [
          RECOVER_ENTRY.actionState,
          {
            planId: plan.id,
            actionId: a,
            state: 'failed',
            error: {
              message: 'KMS key disabled',
              awsCode: 'KMSKeyNotAccessibleFault',
              requestId: 'r-1',
              hint: 'kms-key',
              fix: 'Set an enabled key',
              retryable: false,
            },
          },
        ],
      ]),
    );
    expect(run.actions[a]!.error).toEqual(
      expect.objectContaining({
        awsCode: 'KMSKeyNotAccessibleFault',
        requestId: 'r-1',
        fix: 'Set an enabled key',
      }),
    );
    const retried = foldRun([
      ...entries([
        [RECOVER_ENTRY.planCreated, { planId: plan.id, plan }],
        [RECOVER_ENTRY.confirmed, { planId: plan.id, by: 'Ana' }],
        [
          RECOVER_ENTRY.actionState,
          { planId: plan.id, actionId: a, state: 'failed', error: { message: 'x' } },
        ],
        [RECOVER_ENTRY.actionState, { planId: plan.id, actionId: a, state: 'pending', attempt: 1 }],
        [RECOVER_ENTRY.actionState, { planId: plan.id, actionId: a, state: 'running', attempt: 1 }],
      ]),
    ]);
    expect(retried.actions[a]).toEqual(
      expect.objectContaining({ state: 'running', error: null, attempts: 1, finishedAt: null }),
    );
  });

  it('ignores entries of another plan, and a new plan replaces an unconfirmed one', () => {
    const other = buildPlan(input([table('events')], { now: new Date('2026-11-26T05:00:00Z') }));
    const run = foldRun(
      entries([
        [RECOVER_ENTRY.planCreated, { planId: plan.id, plan }],
        [RECOVER_ENTRY.planCreated, { planId: other.id, plan: other }],
        [RECOVER_ENTRY.confirmed, { planId: plan.id, by: 'Ana' }],
      ]),
    );
    expect(run.plan?.id).toBe(other.id);
    expect(run.confirmedAt).toBeNull();
  });

  it('does not let a new plan replace a running one', () => {
    const other = buildPlan(input([table('events')], { now: new Date('2026-11-26T05:00:00Z') }));
    const run = foldRun(
      entries([
        [RECOVER_ENTRY.planCreated, { planId: plan.id, plan }],
        [RECOVER_ENTRY.confirmed, { planId: plan.id, by: 'Ana' }],
        [RECOVER_ENTRY.planCreated, { planId: other.id, plan: other }],
      ]),
    );
    expect(run.plan?.id).toBe(plan.id);
  });

  it('records an automatic re-attachment after a restart, and a new plan forgets it', () => {
    const run = foldRun(
      entries([
        [RECOVER_ENTRY.planCreated, { planId: plan.id, plan }],
        [RECOVER_ENTRY.confirmed, { planId: plan.id, by: 'Ana' }],
        [RECOVER_ENTRY.reattached, { planId: plan.id, actions: 3, by: 'system' }],
      ]),
    );
    expect(run.reattached).toEqual({ at: '2026-11-26T04:00:02.000Z', actions: 3, by: 'system' });
    expect(run.status).toBe('running');
    const cancelled = foldRun(
      entries([
        [RECOVER_ENTRY.planCreated, { planId: plan.id, plan }],
        [RECOVER_ENTRY.confirmed, { planId: plan.id, by: 'Ana' }],
        [RECOVER_ENTRY.reattached, { planId: plan.id, actions: 1 }],
        [RECOVER_ENTRY.runState, { planId: plan.id, status: 'cancelled' }],
        [RECOVER_ENTRY.planCreated, { planId: 'other', plan: { ...plan, id: 'other' } }],
      ]),
    );
    expect(cancelled.plan?.id).toBe('other');
    expect(cancelled.reattached).toBeNull();
    const otherPlan = foldRun(
      entries([
        [RECOVER_ENTRY.planCreated, { planId: plan.id, plan }],
        [RECOVER_ENTRY.reattached, { planId: 'another', actions: 1 }],
      ]),
    );
    expect(otherPlan.reattached).toBeNull();
  });

  it('marks the chains the plan blocked', () => {
    const blocked = buildPlan(
      input([db('orders')], { selection: [{ resourceId: 'orders', restoreTime: '2020-01-01T00:00:00Z' }] }),
    );
    const run = foldRun(entries([[RECOVER_ENTRY.planCreated, { planId: blocked.id, plan: blocked }]]));
    expect(Object.values(run.actions).map((x) => x.state)).toEqual(['blocked']);
  });
});
