import { describe, expect, it } from 'vitest';
import { endpointMapText } from '../../../../electron/core/recover/endpoint-map';
import { planText, runSummary } from '../../../../electron/core/recover/plan-text';
import { buildPlan } from '../../../../electron/core/recover/planner';
import { emptyRun } from '../../../../electron/core/recover/run-reducer';
import { db, input } from './fixtures';

describe('the dry run as text', () => {
  it('lists the summary, the problems with their fixes, every call as aws CLI, and how to run it', () => {
    const text = planText(buildPlan(input([db('orders')], { mapping: { defaults: {}, resources: {} } })));
    expect(text).toContain('Recovery plan plan-');
    expect(text).toContain('1 resources, 1 AWS calls, dependency depth 0, estimated RTO 35 min');
    expect(text).toContain(
      'ERROR: orders: no subnetGroup, securityGroupIds for the rds target in us-west-2.',
    );
    expect(text).toContain('fix: Add subnetGroup, securityGroupIds under defaults.rds');
    expect(text).toMatch(/\n {4}aws rds restore-db-instance-to-point-in-time --region us-west-2 /);
    expect(text).toContain('Not runnable: fix the blocking problems');
  });

  it('says how to run a runnable plan, and summarises a run', () => {
    expect(planText(buildPlan(input([db('orders')])))).toContain('you will type DR-20261126-01 to confirm');
    expect(runSummary(emptyRun())).toBe(
      'planned: 0 done, 0 running, 0 queued, 0 pending, 0 failed, 0 blocked, 0 cancelled',
    );
  });

  it('renders the endpoint map as tab-separated text', () => {
    expect(
      endpointMapText([
        { resourceId: 'x', service: 's3', kind: 'bucket', source: 'a', target: 'a-dr', detail: null },
      ]),
    ).toBe('service\tkind\tsource\ttarget\tdetail\ns3\tbucket\ta\ta-dr\t\n');
  });
});
