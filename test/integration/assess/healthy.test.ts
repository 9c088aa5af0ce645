import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../../electron/core/api/calls/assess';
import type { Simulator } from '../../../electron/simulator';
import { REGIONS, list, openScenario, resource, scan, scenarioYaml } from './support';

/** The healthy estate: everything the scenario file holds is found, and production is ready. */
describe('assessment of the healthy scenario', () => {
  let sim: Simulator;
  let result: AssessmentResult;
  let requests: number;
  let yaml: Record<string, unknown>;

  beforeAll(async () => {
    yaml = await scenarioYaml('healthy');
    const opened = await openScenario('healthy');
    sim = opened.sim;
    ({ result, requests } = await scan(sim, opened.policy));
  });
  afterAll(() => sim.close());

  it('inventories every resource of the scenario in the primary region', () => {
    const section = (name: string, key: string): Array<Record<string, unknown>> =>
      list((yaml[name] as Record<string, unknown> | undefined)?.[key]);
    const primary = (items: Array<Record<string, unknown>>): Array<Record<string, unknown>> =>
      items.filter((i) => i['region'] === REGIONS.primary);
    expect(result.counts.byService.rds).toBeGreaterThanOrEqual(primary(section('rds', 'instances')).length);
    for (const db of primary(section('rds', 'instances')))
      expect(resource(result, 'rds', String(db['id'])).observed).toBe(true);
    for (const t of primary(section('dynamodb', 'tables')))
      expect(resource(result, 'dynamodb', String(t['name'])).observed).toBe(true);
    for (const b of primary(section('s3', 'buckets')))
      expect(resource(result, 's3', String(b['name'])).region).toBe(REGIONS.primary);
    for (const i of primary(section('ec2', 'instances'))) {
      const name = String((i['tags'] as Record<string, string>)['Name']);
      expect(resource(result, 'ec2', name).details.instanceType).toBe(i['type']);
    }
    const inventory = (service: string, kind: string, region: string): number | undefined =>
      result.inventory.find((c) => c.service === service && c.kind === kind && c.region === region)?.count;
    expect(inventory('rds', 'db-instance', REGIONS.primary)).toBe(
      primary(section('rds', 'instances')).length,
    );
    expect(inventory('dynamodb', 'table', REGIONS.primary)).toBe(
      primary(section('dynamodb', 'tables')).length,
    );
  });

  it('finds no policy gap that matters, as the scenario promises', () => {
    expect(result.counts.gaps.critical).toBe(0);
    expect(result.counts.gaps.warning).toBe(0);
    expect(result.counts.byStatus['not-recoverable']).toBe(0);
    expect(result.counts.byStatus['at-risk']).toBe(0);
    expect(result.counts.byStatus.unknown).toBe(0);
    for (const r of result.resources.filter((x) => x.environment === 'production')) {
      expect(`${r.name}: ${r.status}`).toBe(`${r.name}: ready`);
      expect(r.options.filter((o) => o.best)).toHaveLength(1);
    }
  });

  it('states RPO and RTO for every best option, within the tier targets for data stores', () => {
    for (const r of result.resources.filter((x) => x.bestOption !== null && x.service !== 'ec2')) {
      expect(r.achievableRpoMinutes).not.toBeNull();
      expect(r.achievableRpoMinutes ?? Infinity).toBeLessThanOrEqual(r.tier.rpoMinutes);
      expect(r.estimatedRtoMinutes ?? Infinity).toBeLessThanOrEqual(r.tier.rtoMinutes);
    }
  });

  it('counts the calls it made, each once', () => {
    expect(result.calls.total).toBe(requests);
    expect(result.calls.failed).toBe(0);
    expect(result.calls.skipped).toBe(0);
  });
});
