import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TAG_INCIDENT } from '../../../../electron/core/aws/tags';
import { decideCleanup } from '../../../../electron/core/drill/ownership';

const ID = 'drill-20261126-041509-ab12';
const tagged = (value: string) => ({
  exists: true as const,
  state: 'available',
  tags: [{ Key: TAG_INCIDENT, Value: value }],
});

describe('decideCleanup', () => {
  it('deletes only what carries the drill tag', () => {
    expect(decideCleanup(tagged(ID), { drillId: ID })).toEqual({ action: 'delete', drillId: ID });
    expect(decideCleanup({ exists: false }, { drillId: ID })).toEqual({ action: 'gone' });
  });

  it('refuses an untagged look-alike and another drill or incident', () => {
    const untagged = decideCleanup(
      { exists: true, state: 'available', tags: [{ Key: 'Name', Value: 'drwr-drill-rds-x' }] },
      { drillId: ID },
    );
    expect(untagged).toMatchObject({ action: 'refuse' });
    expect(untagged.action === 'refuse' && untagged.reason).toContain('no dr-war-room:incident tag');
    expect(decideCleanup(tagged('drill-20260101-000000-0000'), { drillId: ID })).toMatchObject({
      action: 'refuse',
    });
    expect(decideCleanup(tagged('INC-2026-001'), { anyDrill: true })).toMatchObject({ action: 'refuse' });
  });

  it('a sweep deletes any drill’s resource', () => {
    expect(decideCleanup(tagged('drill-20260101-000000-0000'), { anyDrill: true })).toEqual({
      action: 'delete',
      drillId: 'drill-20260101-000000-0000',
    });
  });

  it('never deletes a resource whose tag is not a drill id (property)', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        fc.pre(!/^drill-\d{8}-\d{6}-[0-9a-z]+$/.test(value));
        expect(decideCleanup(tagged(value), { anyDrill: true }).action).toBe('refuse');
        expect(decideCleanup(tagged(value), { drillId: ID }).action).toBe('refuse');
      }),
    );
  });
});
