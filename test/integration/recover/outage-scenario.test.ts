import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../../electron/core/api/contract';
import { Core } from '../../../electron/core/app/core';
import type { RecoverableView, RecoveryMapping, RecoveryPlan } from '../../../electron/core/recover/types';
import { packageRootSync } from '../../../electron/core/paths/package-root';

let core: Core;
let dataDir: string;

async function call<T>(name: CallName, input: unknown): Promise<T> {
  const result = await core.dispatch(name, input, { via: 'test' });
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-recover-'));
  core = await Core.create({
    dataDir,
    runbooksDir: path.join(packageRootSync(), 'runbooks'),
    scenario: 'us-east-1-outage',
    transport: 'http',
    version: 'test',
    env: {
      HOME: dataDir,
      AWS_CONFIG_FILE: path.join(dataDir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dataDir, 'credentials'),
    },
  });
  (await core.tabletopSimulator()).clock.setSpeed(600);
});

afterAll(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the us-east-1 outage scenario, through the core', () => {
  it('plans from the assessment, refuses a wrong confirmation, recovers, marks the steps and saves the endpoint map', async () => {
    const incident = await call<{ state: { id: string } }>('incident.declare', {
      title: 'us-east-1 outage',
      commander: 'Ana',
    });
    const incidentId = incident.state.id;
    const view = await call<RecoverableView>('recover.resources', { incidentId });
    expect(view.regions).toEqual({ primary: 'us-east-1', secondary: 'us-west-2' });
    expect(view.resources.length).toBeGreaterThan(3);
    expect(view.targets.subnetGroups.length).toBeGreaterThan(0);
    const subnet = view.targets.subnets[0]!;
    const mapping: RecoveryMapping = {
      defaults: {
        rds: {
          subnetGroup: view.targets.subnetGroups[0]!,
          securityGroupIds: view.targets.securityGroups
            .filter((g) => g.vpcId === subnet.vpcId)
            .slice(0, 1)
            .map((g) => g.id),
        },
        ec2: {
          subnetId: subnet.id,
          securityGroupIds: view.targets.securityGroups
            .filter((g) => g.vpcId === subnet.vpcId)
            .slice(0, 1)
            .map((g) => g.id),
        },
      },
      resources: {},
    };
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
