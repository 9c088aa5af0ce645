import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../electron/simulator/core/rng';
import { rdsScenarioSchema } from '../../../../electron/simulator/services/rds';
import { generateRdsSection } from '../../../../electron/simulator/services/rds/generate';

describe('generateRdsSection', () => {
  it('builds a valid section of exactly the requested size, the same for the same seed', () => {
    const section = generateRdsSection(createRng(11), 2_500);
    const parsed = rdsScenarioSchema.parse(section);
    expect(parsed.subnetGroups.length + parsed.instances.length + parsed.snapshots.length).toBe(2_500);
    expect(parsed.instances.some((i) => i.replicateBackupsTo)).toBe(true);
    expect(parsed.snapshots.some((s) => s.copiedFrom)).toBe(true);
    expect(generateRdsSection(createRng(11), 2_500)).toEqual(section);
  });
});
