import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../electron/simulator';
import { simulatorServices } from '../../../../electron/simulator/core/services';
import { estateGenerators, generateEstate } from '../../../../electron/simulator/scenario/generate-estate';
import { parseScenario } from '../../../../electron/simulator/scenario/load-scenario';
import { generateS3Section } from '../../../../electron/simulator/services/s3/generate';
import { createRng } from '../../../../electron/simulator/core/rng';

describe('generateEstate', () => {
  it('is deterministic per seed and differs across seeds', () => {
    expect(generateEstate({ resources: 200, seed: 5 })).toEqual(generateEstate({ resources: 200, seed: 5 }));
    expect(generateEstate({ resources: 200, seed: 5 })).not.toEqual(
      generateEstate({ resources: 200, seed: 6 }),
    );
  });

  it('has a section for every registered generator, splitting the count', () => {
    const data = generateEstate({ resources: 1000 });
    for (const g of estateGenerators) expect(data[g.signingName]).toBeDefined();
    const share = Math.floor(1000 / estateGenerators.length);
    const s3 = generateS3Section(createRng(1), share);
    expect(s3.buckets).toHaveLength(share);
  });

  it('produces valid scenario data that a simulator loads', async () => {
    const data = generateEstate({ resources: 400, seed: 3 });
    const scenario = parseScenario(data, 'generated', simulatorServices);
    expect(scenario.regions).toEqual(['us-east-1', 'us-west-2']);
    const sim = await createSimulator({ scenarioData: data });
    const buckets = Object.values(sim.state<{ buckets: Record<string, { region: string }> }>('s3').buckets);
    expect(new Set(buckets.map((b) => b.region))).toEqual(new Set(['us-east-1', 'us-west-2']));
    sim.close();
  });

  it('rejects a bad count', () => {
    expect(() => generateEstate({ resources: 0 })).toThrow(/positive integer/);
  });
});
