import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../../electron/core/api/calls/assess';
import type { Simulator } from '../../../electron/simulator';
import { REGIONS, ageMinutes, list, openScenario, resource, scan, scenarioYaml } from './support';

/**
 * The scenario this app exists for: us-east-1 answers 503 to everything. The scan must finish
 * from the us-west-2 side alone, say what is unknown and why, and still find every copy there.
 * Expected values are computed from the scenario file itself.
 */
describe('assessment during the us-east-1 outage', () => {
  let sim: Simulator;
  let result: AssessmentResult;
  let yaml: Record<string, unknown>;
  let scannedAt: Date;

  beforeAll(async () => {
    yaml = await scenarioYaml('us-east-1-outage');
    const opened = await openScenario('us-east-1-outage');
    sim = opened.sim;
    ({ result } = await scan(sim, opened.policy));
    scannedAt = sim.clock.now();
  });
  afterAll(() => sim.close());

  it('reports us-east-1 down and us-west-2 healthy, service by service', () => {
    const primary = result.regionHealth.find((r) => r.region === REGIONS.primary);
    const secondary = result.regionHealth.find((r) => r.region === REGIONS.secondary);
    expect(primary?.status).toBe('down');
    expect(primary?.services.map((s) => s.status)).toEqual(['down', 'down', 'down', 'down']);
    expect(primary?.reason).toMatch(/ServiceUnavailable/);
    expect(secondary?.status).toBe('healthy');
  });

  it('says which lists of us-east-1 are unknown, and why', () => {
    const facts = result.unknowns
      .filter((u) => u.region === REGIONS.primary)
      .map((u) => `${u.service}:${u.fact}`);
    for (const expected of [
      'rds:RDS DB instances',
      'rds:RDS DB snapshots',
      'ec2:EC2 instances',
      'ec2:AMIs',
      'ec2:EBS snapshots',
      'ec2:EBS volumes',
      'dynamodb:DynamoDB tables',
    ]) {
      expect(facts).toContain(expected);
    }
    for (const u of result.unknowns) expect(u.reason).toMatch(/us-east-1 does not answer/);
    expect(result.unknowns.filter((u) => u.region === REGIONS.secondary)).toEqual([]);
  });

  it('does not keep calling a region that is down', () => {
    expect(result.calls.skipped).toBeGreaterThan(0);
    const lanes = result.regionHealth.flatMap((r) => r.services).filter((l) => l.region === REGIONS.primary);
    // At most `downAfter` (2) failed calls, plus those already in flight, per lane.
    for (const lane of lanes) expect(lane.calls).toBeLessThanOrEqual(10);
  });

  it('finds every RDS instance with replicated automated backups, with the window as RPO', () => {
    const rds = yaml['rds'] as Record<string, unknown>;
    const replicated = list(rds['instances']).filter(
      (i) =>
        (i['replicateBackupsTo'] as Record<string, unknown> | undefined)?.['region'] === REGIONS.secondary,
    );
    expect(replicated.length).toBeGreaterThan(0);
    const start = new Date(String(yaml['startTime'])).getTime();
    for (const instance of replicated) {
      const r = resource(result, 'rds', String(instance['id']));
      expect(r.observed).toBe(false);
      const pitr = r.options.find((o) => o.kind === 'cross-region-pitr');
      expect(pitr, `${String(instance['id'])} has a cross-region PITR option`).toBeDefined();
      const stoppedAgo = ageMinutes(
        String((instance['replicateBackupsTo'] as Record<string, unknown>)['stoppedAgo']),
      );
      const latest = start - stoppedAgo * 60_000;
      // The simulator places the window relative to its clock at load (a few ms after the start).
      expect(Math.abs(Date.parse(pitr?.data.restoreWindow?.latest ?? '') - latest)).toBeLessThan(60_000);
      const expectedRpo = Math.floor((scannedAt.getTime() - latest) / 60_000);
      expect(pitr?.rpoMinutes).toBeGreaterThanOrEqual(expectedRpo - 1);
      expect(pitr?.rpoMinutes).toBeLessThanOrEqual(expectedRpo);
      expect(pitr?.data.automatedBackupArn).toMatch(/^arn:aws:rds:us-west-2:/);
      expect(pitr?.prerequisitesMet).toBe(true);
    }
  });

  it('offers read-replica promotion only for replicas that are available', () => {
    const rds = yaml['rds'] as Record<string, unknown>;
    for (const instance of list(rds['instances'])) {
      for (const replica of list(instance['readReplicas'])) {
        const r = resource(result, 'rds', String(instance['id']));
        const option = r.options.find((o) => o.kind === 'read-replica-promotion');
        expect(option?.data.replicaName).toBe(replica['id']);
        const transition = replica['transition'] as Record<string, unknown> | undefined;
        const available = transition === undefined || transition['status'] === 'available';
        expect(option?.prerequisitesMet).toBe(available);
        if (available) expect(r.bestOption).toBe('read-replica-promotion');
        else expect(option?.rpoReason).toMatch(new RegExp(String(transition?.['status'])));
      }
    }
  });

  it('finds snapshot copies in us-west-2 with their age as RPO', () => {
    const rds = yaml['rds'] as Record<string, unknown>;
    const copies = list(rds['snapshots']).filter((s) => s['region'] === REGIONS.secondary);
    const start = new Date(String(yaml['startTime'])).getTime();
    for (const copy of copies) {
      const r = resource(result, 'rds', String(copy['instance']));
      const newest = copies
        .filter((c) => c['instance'] === copy['instance'])
        .sort((a, b) => ageMinutes(String(a['age'])) - ageMinutes(String(b['age'])))[0];
      const option = r.options.find((o) => o.kind === 'snapshot-restore');
      expect(option?.data.snapshotId).toBe(newest?.['id']);
      const expected = Math.floor(
        (scannedAt.getTime() - (start - ageMinutes(String(newest?.['age'])) * 60_000)) / 60_000,
      );
      expect(Math.abs((option?.rpoMinutes ?? -99) - expected)).toBeLessThanOrEqual(1);
    }
  });

  it('marks every S3 bucket of us-east-1 by its replica in us-west-2', () => {
    const buckets = list((yaml['s3'] as Record<string, unknown>)['buckets']);
    const byName = new Map(buckets.map((b) => [String(b['name']), b]));
    for (const bucket of buckets.filter((b) => b['region'] === REGIONS.primary)) {
      const r = resource(result, 's3', String(bucket['name']));
      const rules = list((bucket['replication'] as Record<string, unknown> | undefined)?.['rules']);
      const toSecondary = rules.find(
        (rule) => byName.get(String(rule['destinationBucket']))?.['region'] === REGIONS.secondary,
      );
      if (toSecondary) {
        expect(r.bestOption).toBe('replica-bucket');
        expect(r.options.find((o) => o.best)?.data.replicaName).toBe(toSecondary['destinationBucket']);
      } else {
        // No replica anywhere in us-west-2: certain from the secondary side alone.
        expect(r.bestOption).toBeNull();
        expect(['not-recoverable', 'out-of-scope']).toContain(r.status);
      }
    }
    const ledger = resource(result, 's3', 'acme-prod-payments-ledger');
    expect(ledger.status).toBe('not-recoverable');
    expect(ledger.gaps.map((g) => g.rule)).toContain('s3.crossRegionReplication');
  });

  it('offers every global table through its us-west-2 replica', () => {
    const tables = list((yaml['dynamodb'] as Record<string, unknown>)['tables']);
    const global = tables.filter(
      (t) =>
        list(t['replicas']).length > 0 ||
        (Array.isArray(t['replicas']) && (t['replicas'] as string[]).includes(REGIONS.secondary)),
    );
    expect(global.length).toBeGreaterThan(0);
    for (const table of global) {
      const r = resource(result, 'dynamodb', String(table['name']));
      expect(r.bestOption).toBe('global-table-replica');
      expect(r.status).toBe('ready');
      expect(r.unknowns.map((u) => u.fact).join(' ')).toMatch(/PITR/);
    }
  });

  it('finds EBS data from its snapshot copies in us-west-2', () => {
    const ec2 = yaml['ec2'] as Record<string, unknown>;
    const copies = list(ec2['snapshots']).filter((s) => s['region'] === REGIONS.secondary);
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const holder = result.resources.find(
        (r) =>
          r.kind === 'volume' &&
          r.options.some((o) => o.kind === 'volume-from-snapshot' && o.data.snapshotId === copy['id']),
      );
      expect(holder, `a volume offers snapshot ${String(copy['id'])}`).toBeDefined();
      expect(holder?.observed).toBe(false);
    }
  });
});
