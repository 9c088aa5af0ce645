import { describe, expect, it } from 'vitest';
import { drillId, drillResourceName, isDrillId, quarterOf } from '../../../../electron/core/drill/drill-id';

describe('drill ids and names', () => {
  it('makes a sortable id from the UTC time', () => {
    expect(drillId(new Date('2026-11-26T04:15:09Z'), 'ab12')).toBe('drill-20261126-041509-ab12');
    expect(isDrillId(drillId(new Date()))).toBe(true);
  });

  it('recognises only drill ids (what a sweep may delete)', () => {
    expect(isDrillId('drill-20261126-041509-ab12')).toBe(true);
    for (const v of [
      undefined,
      '',
      'INC-2026-001',
      'drill-',
      'drill-2026-11-26',
      'xdrill-20261126-041509-ab12',
    ])
      expect(isDrillId(v)).toBe(false);
  });

  it('names resources validly for RDS, DynamoDB and EC2', () => {
    const name = drillResourceName('drill-20261126-041509-ab12', 'dynamodb');
    expect(name).toBe('drwr-drill-dynamodb-20261126041509ab12');
    expect(name).toMatch(/^[a-z][a-z0-9-]{1,62}$/);
    expect(name.endsWith('-')).toBe(false);
  });

  it('gives the calendar quarter', () => {
    expect(quarterOf('2026-01-01T00:00:00Z')).toBe('2026-Q1');
    expect(quarterOf('2026-06-30T23:59:59Z')).toBe('2026-Q2');
    expect(quarterOf('2026-07-01T00:00:00Z')).toBe('2026-Q3');
    expect(quarterOf('2026-12-31T23:59:59Z')).toBe('2026-Q4');
    expect(() => quarterOf('yesterday')).toThrow(/not a time/);
  });
});
