import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillRecord } from '../../../electron/core/api/calls/drill';
import { buildIamPolicy, type IamPolicy } from '../../../electron/core/aws/iam-policy';
import { loadProcedure } from '../../../electron/core/runbooks/load-procedure';
import type { RecoverableView, RecoveryPlan } from '../../../electron/core/recover/types';
import { denied } from '../../support/iam-evaluator';
import { recordAuthorizations, type IamRecording } from '../../support/iam-recording';
import { BUNDLED_RUNBOOKS_DIR } from '../../support/test-core';
import {
  declareOutage,
  firstTargetsMapping,
  openTabletopSession,
  type TabletopSession,
} from '../../support/tabletop-session';

/**
 * The generated IAM policy allows every AWS request the app sends in a full tabletop recovery
 * of the default scenario (us-east-1 outage; then again with us-east-1 answering, so the
 * cross-region copies and restores from the source are sent too), the validation after each,
 * and a drill of all four services with its clean-up: each request is captured on the wire from the app's guarded clients, turned into
 * the authorisations AWS makes for it (test/support/iam-authorizations.ts, with the resources'
 * tags at that moment) and evaluated (test/support/iam-evaluator.ts).
 */

type Run = TabletopSession & IamRecording;

async function open(scenario: string): Promise<Run> {
  const session = await openTabletopSession({ scenario, prefix: 'iam' });
  return { ...session, ...recordAuthorizations(session.sim) };
}

function operationsOf(run: Run): string[] {
  return [...new Set(run.sent.map((r) => `${r.service}:${r.operation}`))].sort();
}

/** Recover every resource with an available option in the default scenario, then validate. */
async function recoverDefaultScenario(sourceUp: boolean): Promise<Run> {
  const run = await open('us-east-1-outage');
  run.sim.clock.advance(10 * 60_000);
  if (sourceUp) run.sim.faults.regionUp('us-east-1');
  const incidentId = await declareOutage(run.call);
  const view = await run.call<RecoverableView>('recover.resources', { incidentId });
  const mapping = firstTargetsMapping(view);
  const selection = view.resources
    .filter((r) => r.options.some((o) => o.available))
    .map((r) => ({ resourceId: r.id }));
  const plan = await run.call<RecoveryPlan>('recover.plan', { incidentId, selection, mapping });
  await run.call('recover.confirm', { incidentId, planId: plan.id, typed: incidentId });
  const final = await run.core.recover.settled(incidentId);
  expect(final.status).toBe('completed');
  await run.call('validate.run', { incidentId });
  return run;
}

let policy: IamPolicy;
let recovery: Run | undefined;
let recoverySourceUp: Run | undefined;
let drill: Run | undefined;

beforeAll(async () => {
  const procedure = await loadProcedure(BUNDLED_RUNBOOKS_DIR);
  policy = buildIamPolicy(procedure.regions);
  recovery = await recoverDefaultScenario(false);
  recoverySourceUp = await recoverDefaultScenario(true);
  drill = await open('healthy');
  const record = await drill.call<DrillRecord>('drill.run', {
    services: ['dynamodb', 's3', 'rds', 'ec2'],
    by: 'Ana',
  });
  expect(record.status).toBe('pass');
}, 240_000);

afterAll(async () => {
  await recovery?.close();
  await recoverySourceUp?.close();
  await drill?.close();
});

describe('the generated IAM policy against what the app sends', () => {
  it('allows every request of a full tabletop recovery of the default scenario', () => {
    const run = recovery!;
    expect(operationsOf(run)).toEqual(
      expect.arrayContaining([
        'rds:AddTagsToResource',
        'rds:PromoteReadReplica',
        'rds:RestoreDBInstanceToPointInTime',
      ]),
    );
    expect(run.authorizations.length).toBeGreaterThan(run.sent.length);
    expect(run.unreadable).toEqual([]);
    expect(denied(policy, run.authorizations)).toEqual([]);
  });

  it('allows every request of the same recovery once the facilitator brings us-east-1 back (cross-region copies and restores from the source)', () => {
    const run = recoverySourceUp!;
    expect(operationsOf(run)).toEqual(
      expect.arrayContaining([
        'dynamodb:RestoreTableToPointInTime',
        'dynamodb:TagResource',
        'dynamodb:UpdateContinuousBackups',
        'dynamodb:UpdateTimeToLive',
        'ec2:CopyImage',
        'ec2:RunInstances',
        'rds:PromoteReadReplica',
        'rds:RestoreDBInstanceToPointInTime',
      ]),
    );
    expect(run.unreadable).toEqual([]);
    expect(denied(policy, run.authorizations)).toEqual([]);
  });

  it('allows every request of a drill of all four services, its clean-up included', () => {
    const run = drill!;
    expect(operationsOf(run)).toEqual(
      expect.arrayContaining([
        'dynamodb:DeleteTable',
        'ec2:AttachVolume',
        'ec2:CreateVolume',
        'ec2:DeleteVolume',
        'ec2:RunInstances',
        'ec2:TerminateInstances',
        'rds:DeleteDBInstance',
        's3:CopyObject',
        's3:DeleteObject',
        's3:PutObject',
      ]),
    );
    expect(run.unreadable).toEqual([]);
    expect(denied(policy, run.authorizations)).toEqual([]);
    // The drill's rollback copy replaces the tags with its own, and its launch tags the network interface.
    const copy = run.sent.find((r) => r.operation === 'CopyObject')!;
    expect(copy.params['TaggingDirective']).toBe('REPLACE');
    expect(copy.params['Tagging']).toMatch(/^dr-war-room%3Aincident=drill-/);
    const launch = run.sent.find((r) => r.operation === 'RunInstances')!;
    expect(Object.values(launch.params)).toContain('network-interface');
  });

  it('exercises the tag conditions: every create in the secondary region carried the incident tag', () => {
    const creates = [
      ...recovery!.authorizations,
      ...recoverySourceUp!.authorizations,
      ...drill!.authorizations,
    ].filter((a) => /^(ec2:(RunInstances|CreateVolume|CopySnapshot|CopyImage)|rds:Restore)/.test(a.action));
    const created = creates.filter((a) => /:(instance|volume|network-interface)\/\*$|:db:/.test(a.resource));
    expect(created.length).toBeGreaterThan(0);
    for (const a of created) expect(a.context['aws:RequestTag/dr-war-room:incident'], a.why).toBeTruthy();
  });
});
