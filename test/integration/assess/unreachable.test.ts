import { describe, expect, it } from 'vitest';
import { REGIONS, openScenario, resource, scan } from './support';

/**
 * A primary region that does not answer at all (connections refused, or requests that hang):
 * every call to it is bounded, the lane is given up after two failures, and the scan finishes
 * from the secondary region with the same copies found as with a 503 outage.
 */
describe('assessment with us-east-1 unreachable', () => {
  for (const mode of ['refused', 'timeout'] as const) {
    it(`finishes from us-west-2 when us-east-1 is ${mode}`, async () => {
      const { sim, policy } = await openScenario('us-east-1-outage', (s) =>
        s.faults.regionDown(REGIONS.primary, mode),
      );
      try {
        const { result } = await scan(sim, policy, {
          scheduler: { callTimeoutMs: 400, degradedTimeoutMs: 150 },
        });
        const primary = result.regionHealth.find((r) => r.region === REGIONS.primary);
        expect(primary?.status).toBe('down');
        if (mode === 'timeout') expect(primary?.reason).toMatch(/no answer to \w+ within (400|150) ms/);
        else expect(primary?.reason).toMatch(/ECONNREFUSED/);
        expect(result.regionHealth.find((r) => r.region === REGIONS.secondary)?.status).toBe('healthy');
        expect(resource(result, 'rds', 'orders-db').bestOption).toBe('read-replica-promotion');
        expect(resource(result, 'dynamodb', 'sessions').bestOption).toBe('global-table-replica');
        expect(resource(result, 's3', 'acme-prod-orders').bestOption).toBe('replica-bucket');
        expect(result.unknowns.filter((u) => u.region === REGIONS.primary).length).toBeGreaterThanOrEqual(8);
      } finally {
        sim.close();
      }
    });
  }

  it('can be cancelled, and says so', async () => {
    const { sim, policy } = await openScenario('us-east-1-outage', (s) =>
      s.faults.regionDown(REGIONS.primary, 'timeout'),
    );
    const controller = new AbortController();
    try {
      const pending = scan(sim, policy, { signal: controller.signal, scheduler: { callTimeoutMs: 60_000 } });
      setTimeout(() => controller.abort(), 50);
      await expect(pending).rejects.toThrow(/cancelled/);
    } finally {
      sim.close();
    }
  });
});
