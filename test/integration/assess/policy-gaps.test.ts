import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../../electron/core/api/calls/assess';
import type { Simulator } from '../../../electron/simulator';
import { REGIONS, list, openScenario, resource, scan, scenarioYaml } from './support';

/**
 * The outage scenario's estate just before the outage (faults cleared): every OUT OF POLICY
 * resource of its ground truth shows the gap, stated with the rule and the fix, and the
 * resources the file keeps in policy show none.
 */
describe('policy gaps of the outage scenario, before the outage', () => {
  let sim: Simulator;
  let result: AssessmentResult;
  let yaml: Record<string, unknown>;

  beforeAll(async () => {
    yaml = await scenarioYaml('us-east-1-outage');
    const opened = await openScenario('us-east-1-outage', (s) => s.faults.clear());
    sim = opened.sim;
    ({ result } = await scan(sim, opened.policy));
  });
  afterAll(() => sim.close());

  const rules = (service: string, name: string): string[] =>
    resource(result, service, name).gaps.map((g) => g.rule);

  it('sees both regions healthy and nothing unknown', () => {
    expect(result.regionHealth.map((r) => r.status)).toEqual(['healthy', 'healthy']);
    expect(result.unknowns).toEqual([]);
  });

  it('RDS: short retention and missing replicated backups, with the newest copy stated', () => {
    const rds = yaml['rds'] as Record<string, unknown>;
    const billing = list(rds['instances']).find((i) => i['id'] === 'billing-reports-db');
    expect(billing?.['replicateBackupsTo']).toBeUndefined();
    const r = resource(result, 'rds', 'billing-reports-db');
    const retention = r.gaps.find((g) => g.rule === 'rds.backupRetentionDays');
    expect(retention?.message).toBe(
      `Retention ${String(billing?.['backupRetention'])} day, policy requires 7 for production databases.`,
    );
    expect(retention?.fix).toContain('--backup-retention-period 7');
    const cross = r.gaps.find((g) => g.rule === 'rds.crossRegionBackups');
    expect(cross?.severity).toBe('critical');
    expect(cross?.message).toMatch(
      /^No replicated automated backups: cross-region point-in-time restore is impossible; there is no snapshot in us-west-2 either\.$/,
    );
    expect(cross?.fix).toContain('start-db-instance-automated-backups-replication --region us-west-2');
    // Recoverable only by copying its us-east-1 snapshot, far beyond the critical tier's RPO.
    expect(r.bestOption).toBe('snapshot-copy-restore');
    expect(r.gaps.find((g) => g.rule === 'tier.rpo')?.severity).toBe('critical');
    expect(r.status).toBe('at-risk');
  });

  it('RDS: instances that replicate backups with enough retention have no policy gap', () => {
    const rds = yaml['rds'] as Record<string, unknown>;
    for (const i of list(rds['instances'])) {
      const env = (i['tags'] as Record<string, string>)['environment'];
      if (
        env !== 'production' ||
        !i['replicateBackupsTo'] ||
        Number(i['backupRetention']) < 7 ||
        !i['multiAZ']
      )
        continue;
      expect(rules('rds', String(i['id'])).filter((rule) => rule.startsWith('rds.'))).toEqual([]);
    }
  });

  it('EC2: the critical batch workers run from a 3-day-old AMI', () => {
    for (const name of ['batch-worker-1', 'batch-worker-2']) {
      const gap = resource(result, 'ec2', name).gaps.find((g) => g.rule === 'ec2.amiMaxAgeHours');
      expect(gap?.severity).toBe('critical');
      expect(gap?.message).toBe(
        'Newest AMI of a critical instance is 3 days old; the policy requires one daily (24 hours).',
      );
    }
    for (const name of ['web-1', 'api-1']) expect(rules('ec2', name)).not.toContain('ec2.amiMaxAgeHours');
  });

  it('EBS: search-index-data has only a 9-day-old snapshot, none in us-west-2', () => {
    const r = resource(result, 'ec2', 'search-index-data');
    expect(r.kind).toBe('volume');
    expect(r.gaps.find((g) => g.rule === 'ec2.ebsSnapshotMaxAgeHours')?.message).toMatch(/is 9 days old/);
    expect(rules('ec2', 'search-index-data')).toContain('ec2.crossRegionSnapshot');
    const orders = resource(result, 'ec2', 'orders-api-data');
    expect(orders.bestOption).toBe('volume-from-snapshot');
    expect(orders.gaps.filter((g) => g.severity !== 'info')).toEqual([]);
  });

  it('DynamoDB: customer-preferences has PITR disabled', () => {
    const gap = resource(result, 'dynamodb', 'customer-preferences').gaps.find(
      (g) => g.rule === 'dynamodb.pitr',
    );
    expect(gap?.severity).toBe('critical');
    expect(gap?.message).toMatch(/^PITR disabled/);
    expect(gap?.fix).toContain('update-continuous-backups --table-name customer-preferences');
    for (const name of ['carts', 'payment-intents']) {
      const r = resource(result, 'dynamodb', name);
      expect(r.bestOption).toBe('table-pitr');
      expect(r.options.find((o) => o.best)?.data.sourceArn).toMatch(/^arn:aws:dynamodb:us-east-1:/);
    }
  });

  it('S3: the production ledger has no cross-region replication; pending objects set the orders RPO', () => {
    const ledger = resource(result, 's3', 'acme-prod-payments-ledger').gaps.find(
      (g) => g.rule === 's3.crossRegionReplication',
    );
    expect(ledger?.severity).toBe('critical');
    expect(ledger?.message).toBe(
      'Production bucket without cross-region replication: there is no copy of its objects in us-west-2.',
    );
    const buckets = list((yaml['s3'] as Record<string, unknown>)['buckets']);
    const orders = buckets.find((b) => b['name'] === 'acme-prod-orders');
    const pending = list(orders?.['objects']).filter((o) => o['replicationStatus'] === 'PENDING');
    expect(pending.length).toBeGreaterThan(0);
    const option = resource(result, 's3', 'acme-prod-orders').options.find(
      (o) => o.kind === 'replica-bucket',
    );
    expect(option?.rpoReason).toContain(`${pending.length} of 2 newest objects are still PENDING`);
    const oldestPendingMinutes = Math.max(...pending.map((o) => Number(o['ageDays']) * 1440));
    expect(option?.rpoMinutes).toBeGreaterThanOrEqual(Math.max(15, Math.floor(oldestPendingMinutes) - 1));
  });

  it('development resources are out of scope, not failures', () => {
    for (const r of result.resources.filter(
      (x) => x.environment === 'development' && x.region === REGIONS.primary,
    )) {
      if (r.bestOption === null)
        expect(`${r.name}: ${r.status}: ${r.gaps.map((g) => g.rule).join()}`).toBe(
          `${r.name}: out-of-scope: ${r.gaps.map((g) => g.rule).join()}`,
        );
    }
  });
});
