import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../electron/simulator/core/rng';
import { ec2ScenarioSchema } from '../../../../electron/simulator/services/ec2';
import { generateEc2Section } from '../../../../electron/simulator/services/ec2/generate';

describe('generateEc2Section', () => {
  it('builds a valid section of about the requested size (instances count with their root volumes)', () => {
    const section = ec2ScenarioSchema.parse(generateEc2Section(createRng(12), 2_500));
    const network = section.networks.reduce(
      (n, r) => n + r.subnets.length + r.securityGroups.length + r.zones.length,
      0,
    );
    const total =
      network +
      section.images.length * 2 +
      section.instances.length * 2 +
      section.volumes.length +
      section.snapshots.length;
    expect(total).toBeGreaterThanOrEqual(2_500);
    expect(total).toBeLessThanOrEqual(2_502);
    expect(new Set(section.instances.map((i) => i.id)).size).toBe(section.instances.length);
  });
});
