import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  filterChoices,
  filterResources,
  nextSort,
  showElapsed,
  showMinutes,
  sortResources,
} from '../../../../renderer/src/views/assess/table-model';
import { foldScan } from '../../../../renderer/src/store/slices/assess';
import { assessment } from './fixtures';

const names = (list: Array<{ name: string }>): string[] => list.map((r) => r.name);

describe('assessment table model', () => {
  const { resources } = assessment();

  it('filters by service, region, tier, status and text', () => {
    expect(names(filterResources(resources, { ...NO_FILTERS, service: 's3' }))).toEqual([
      'acme-prod-payments-ledger',
    ]);
    expect(names(filterResources(resources, { ...NO_FILTERS, tier: 'critical', status: 'at-risk' }))).toEqual(
      ['billing-db'],
    );
    expect(filterResources(resources, { ...NO_FILTERS, region: 'us-west-2' })).toEqual([]);
    expect(names(filterResources(resources, { ...NO_FILTERS, text: 'ORDERS' }))).toEqual(['orders-db']);
    expect(filterResources(resources, NO_FILTERS)).toHaveLength(3);
  });

  it('sorts worst first by default, by RPO with unknowns last, and flips on a second press', () => {
    expect(names(sortResources(resources, { key: 'status', dir: 'asc' }))).toEqual([
      'acme-prod-payments-ledger',
      'billing-db',
      'orders-db',
    ]);
    expect(names(sortResources(resources, { key: 'rpo', dir: 'asc' }))).toEqual([
      'orders-db',
      'billing-db',
      'acme-prod-payments-ledger',
    ]);
    expect(nextSort({ key: 'rpo', dir: 'asc' }, 'rpo')).toEqual({ key: 'rpo', dir: 'desc' });
    expect(nextSort({ key: 'rpo', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
  });

  it('offers the regions and tiers present, strictest tier first, and formats durations', () => {
    expect(filterChoices(resources)).toEqual({ regions: ['us-east-1'], tiers: ['critical', 'standard'] });
    expect(showMinutes(null)).toBe('—');
    expect(showMinutes(23_040)).toBe('16 days');
    expect(showElapsed(12_345)).toBe('12.3 s');
    expect(showElapsed(125_000)).toBe('2 min 05 s');
  });
});

describe('foldScan', () => {
  it('tracks n of m per service and region from the events, and ends with the scan', () => {
    let scan = foldScan(null, {
      type: 'assess.started',
      scanId: 's1',
      startedAt: '2026-11-26T09:45:00Z',
      incidentId: null,
      services: ['s3', 'rds'],
      regions: { primary: 'us-east-1', secondary: 'us-west-2' },
    });
    expect(Object.keys(scan?.lanes ?? {})).toHaveLength(4);
    scan = foldScan(scan, {
      type: 'assess.progress',
      scanId: 's1',
      service: 'rds',
      region: 'us-east-1',
      done: 2,
      total: 3,
      failed: 2,
      status: 'down',
      reason: 'ServiceUnavailable',
      elapsedMs: 900,
    });
    expect(scan?.lanes['rds/us-east-1']).toMatchObject({ done: 2, total: 3, status: 'down' });
    expect(scan?.elapsedMs).toBe(900);
    // Another scan's events do not mix in.
    expect(foldScan(scan, { type: 'assess.completed', scanId: 'other', summary: {} as never })).toBe(scan);
    expect(foldScan(scan, { type: 'assess.completed', scanId: 's1', summary: {} as never })).toBeNull();
  });
});
