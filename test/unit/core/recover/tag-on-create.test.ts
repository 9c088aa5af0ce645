import { describe, expect, it } from 'vitest';
import { TAG_INCIDENT } from '../../../../electron/core/aws/tags';
import { buildPlan } from '../../../../electron/core/recover/planner';
import type { PlannedCall } from '../../../../electron/core/recover/types';
import { db, input, instance } from './fixtures';

/**
 * Every create call the planner emits for EC2 and RDS tags what it creates in the call itself:
 * the IAM policy (build/iam-policy.json) allows these creates only with the incident tag in the
 * request, for every resource type the call creates.
 */

type Spec = { ResourceType: string; Tags: Array<{ Key: string; Value: string }> };

function calls(resources: Parameters<typeof input>[0]): PlannedCall[] {
  return buildPlan(input(resources)).chains.flatMap((c) => c.actions.flatMap((a) => a.calls));
}

function incidentOf(tags: Spec['Tags'] | undefined): string | undefined {
  return tags?.find((t) => t.Key === TAG_INCIDENT)?.Value;
}

describe('tag on create', () => {
  it('RunInstances tags the instance, its root volume and its network interface with the incident', () => {
    const run = calls([instance('web')]).find((c) => c.operation === 'RunInstances')!;
    const specs = run.params.TagSpecifications as unknown as Spec[];
    expect(specs.map((s) => s.ResourceType).sort()).toEqual(['instance', 'network-interface', 'volume']);
    for (const s of specs) expect(incidentOf(s.Tags), s.ResourceType).toBe('DR-20261126-01');
  });

  it('RDS restores carry the incident in Tags', () => {
    const restore = calls([db('orders')]).find((c) => c.operation.startsWith('RestoreDBInstance'))!;
    expect(incidentOf(restore.params.Tags as unknown as Spec['Tags'])).toBe('DR-20261126-01');
  });
});
