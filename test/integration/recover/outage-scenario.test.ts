import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app/core';
import type { RecoverableView, RecoveryPlan } from '../../../electron/core/recover/types';
import {
  declareOutage,
  firstTargetsMapping,
  openTabletopSession,
  type CallFn,
  type TabletopSession,
} from '../../support/tabletop-session';

let session: TabletopSession;
let core: Core;
let call: CallFn;

beforeAll(async () => {
  session = await openTabletopSession({ prefix: 'recover' });
  ({ core, call } = session);
});

afterAll(async () => {
  await session.close();
});

describe('the us-east-1 outage scenario, through the core', () => {
  it('plans from the assessment, refuses a wrong confirmation, recovers, marks the steps and saves the endpoint map', async () => {
    const incidentId = await declareOutage(call);
    const view = await call<RecoverableView>('recover.resources', { incidentId });
    expect(view.regions).toEqual({ primary: 'us-east-1', secondary: 'us-west-2' });
    expect(view.resources.length).toBeGreaterThan(3);
    expect(view.targets.subnetGroups.length).toBeGreaterThan(0);
    const mapping = firstTargetsMapping(view);
    const selection = view.resources
      .filter((r) => r.kind !== 'volume' && r.options.some((o) => o.available))
      .map((r) => ({ resourceId: r.id }));
    const plan = await call<RecoveryPlan>('recover.plan', {
      incidentId,
      selection,
      mapping,
    });
    expect(plan.chains.length).toBeGreaterThan(0);
    for (const chain of plan.chains)
      for (const a of chain.actions)
        for (const c of a.calls) expect(c.cli).toMatch(/^aws (s3api|rds|ec2|dynamodb) /);
    const refused = await core.dispatch(
      'recover.confirm',
      { incidentId, planId: plan.id, typed: 'yes' },
      { via: 'test' },
    );
    expect(refused.ok).toBe(false);
    await call('recover.confirm', { incidentId, planId: plan.id, typed: incidentId });
    const final = await core.recover.settled(incidentId);
    const failures = Object.values(final.actions)
      .filter((a) => a.state === 'failed')
      .map((a) => `${a.id}: ${a.error?.message}`);
    const runnable = plan.chains.filter((c) => !c.blocked);
    expect(failures).toEqual([]);
    expect(final.status).toBe('completed');
    const map = await call<{ rows: Array<{ source: string; target: string }>; text: string }>(
      'recover.endpointMap',
      { incidentId },
    );
    expect(map.rows.length).toBe(runnable.length);
    expect(map.text.split('\n')[0]).toBe('service\tkind\tsource\ttarget\tdetail');
    const state = await core.incidents.state(incidentId);
    expect(state.steps['plan-recovery']?.status).toBe('done');
    expect((await core.incidents.state(incidentId)).steps['execute-recovery']?.status).toBe('done');
    expect(final.endpointMap.length).toBe(runnable.length);
  });
});
