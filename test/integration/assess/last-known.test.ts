import { describe, expect, it } from 'vitest';
import { REGIONS, openScenario, resource, scan } from './support';

/**
 * An assessment before the outage, then one during it: what the second scan cannot see and has
 * no copy of is kept as last known (not silently dropped), with options that need us-east-1
 * marked unusable.
 */
describe('last-known resources during an outage', () => {
  it('keeps what the earlier scan saw, marked, and decides its readiness again', async () => {
    const { sim, policy } = await openScenario('us-east-1-outage', (s) => s.faults.clear());
    try {
      const before = (await scan(sim, policy)).result;
      sim.faults.regionDown(REGIONS.primary, '5xx');
      const during = (await scan(sim, policy, { previous: before })).result;

      const ids = during.resources.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);

      // Not visible from us-west-2 at all: no replicated backups, no snapshot copy.
      const billing = resource(during, 'rds', 'billing-reports-db');
      expect(billing.observed).toBe(false);
      expect(billing.status).toBe('not-recoverable');
      expect(billing.unknowns[0]?.fact).toBe('current state');
      expect(billing.unknowns[0]?.reason).toContain(`last known from scan ${before.scanId}`);
      expect(billing.gaps.map((g) => g.rule)).toContain('rds.backupRetentionDays');
      const copy = billing.options.find((o) => o.kind === 'snapshot-copy-restore');
      expect(copy?.prerequisitesMet).toBe(false);

      // A table without a global replica: PITR needs the source region.
      const carts = resource(during, 'dynamodb', 'carts');
      expect(carts.observed).toBe(false);
      expect(carts.bestOption).toBeNull();
      expect(
        carts.options
          .find((o) => o.kind === 'table-pitr')
          ?.prerequisites.find((p) => p.text.startsWith('us-east-1 answers'))?.met,
      ).toBe(false);

      // Seen again through its copies: reconstructed by this scan, not carried.
      const orders = resource(during, 'rds', 'orders-db');
      expect(orders.unknowns.map((u) => u.fact)).not.toContain('current state');
      expect(orders.bestOption).toBe('read-replica-promotion');
    } finally {
      sim.close();
    }
  });
});
