import { describe, expect, it } from 'vitest';
import { openScenario, scan } from './support';

/** Throttling (sim.faults.throttle): the scan backs off, halves its concurrency, and still finds everything. */
describe('assessment under throttling', () => {
  it('gives the same answer as an unthrottled scan, retrying throttled calls', async () => {
    const calm = await openScenario('healthy');
    const baseline = await scan(calm.sim, calm.policy);
    calm.sim.close();

    const busy = await openScenario('healthy', (sim) => sim.faults.throttle(0.3));
    try {
      const { result, requests } = await scan(busy.sim, busy.policy, {
        scheduler: { backoffBaseMs: 5, maxThrottleRetries: 12 },
      });
      expect(result.calls.throttled).toBeGreaterThan(0);
      expect(result.unknowns.map((u) => `${u.service} ${u.region} ${u.fact}: ${u.reason}`)).toEqual([]);
      const tableUnknowns = result.resources.flatMap((r) =>
        r.unknowns.map((u) => `${r.name}: ${u.fact}: ${u.reason}`),
      );
      expect(tableUnknowns).toEqual([]);
      const summary = (r: typeof result): string[] =>
        r.resources.map((x) => `${x.id} ${x.status} ${x.bestOption ?? '-'}`).sort();
      expect(summary(result)).toEqual(summary(baseline.result));
      expect(result.counts).toEqual(baseline.result.counts);
      // Every throttled call was sent again, so more requests reach the account than calls were needed.
      expect(requests).toBeGreaterThan(baseline.requests);
    } finally {
      busy.sim.close();
    }
  });

  it('lowers the concurrency of a throttled lane and reports it in the lane health', async () => {
    const busy = await openScenario('healthy', (sim) => sim.faults.throttle(0.5, { service: 'rds' }));
    try {
      const { result } = await scan(busy.sim, busy.policy, {
        scheduler: { backoffBaseMs: 5, maxThrottleRetries: 12 },
      });
      const lanes = result.regionHealth.flatMap((r) => r.services);
      const rds = lanes.filter((l) => l.service === 'rds');
      expect(rds.reduce((n, l) => n + l.throttled, 0)).toBeGreaterThan(0);
      for (const l of lanes.filter((x) => x.service !== 'rds')) expect(l.throttled).toBe(0);
      expect(result.unknowns).toEqual([]);
    } finally {
      busy.sim.close();
    }
  });
});
