import { describe, expect, it } from 'vitest';
import { networkSkipReason } from '../../../../electron/core/validate/check-context';
import {
  achievedRpo,
  achievedRto,
  minutesBetween,
  targetsMet,
} from '../../../../electron/core/validate/measures';

describe('achieved RTO and RPO', () => {
  it('measures RTO from the declaration to the validation, in whole minutes rounded up', () => {
    expect(achievedRto('2026-11-26T09:50:00Z', '2026-11-26T11:20:01Z')).toBe(91);
    expect(minutesBetween('2026-11-26T10:00:00Z', '2026-11-26T09:00:00Z')).toBe(0);
    expect(minutesBetween(null, '2026-11-26T09:00:00Z')).toBeNull();
    expect(minutesBetween('garbage', '2026-11-26T09:00:00Z')).toBeNull();
  });

  it('measures RPO from the restored point to the reference, and says how', () => {
    const r = achievedRpo(
      { kind: 'time', at: '2026-11-26T09:40:00Z', what: 'restored to the latest restorable time' },
      { at: '2026-11-26T09:45:00Z', what: 'outage assessed at' },
    );
    expect(r.minutes).toBe(5);
    expect(r.basis).toBe(
      'restored to the latest restorable time 2026-11-26T09:40:00Z → outage assessed at 2026-11-26T09:45:00Z',
    );
  });

  it('takes a replica lag as the RPO, and leaves an unknown point unknown (never zero)', () => {
    expect(achievedRpo({ kind: 'lag', minutes: 2, what: 'replica lag 90 s' }, null)).toEqual({
      minutes: 2,
      basis: 'replica lag 90 s',
    });
    expect(achievedRpo({ kind: 'unknown', why: 'no option' }, null).minutes).toBeNull();
    expect(
      achievedRpo({ kind: 'time', at: '2026-11-26T09:40:00Z', what: 'snapshot' }, null).minutes,
    ).toBeNull();
  });

  it('meets targets only when every measure and target is known and within', () => {
    expect(targetsMet(60, 120, 5, 15)).toBe(true);
    expect(targetsMet(121, 120, 5, 15)).toBe(false);
    expect(targetsMet(60, 120, 16, 15)).toBe(false);
    expect(targetsMet(60, null, 5, 15)).toBeNull();
    expect(targetsMet(60, 120, null, 15)).toBeNull();
  });
});

describe('networkSkipReason', () => {
  it('skips in tabletop (simulated endpoints do not resolve), and live only with a reason', () => {
    expect(networkSkipReason('TABLETOP', null)).toMatch(/^tabletop endpoint/);
    expect(networkSkipReason('LIVE', null)).toBeNull();
    expect(networkSkipReason('LIVE', '  ')).toBeNull();
    expect(networkSkipReason('LIVE', ' laptop outside the VPC ')).toBe('laptop outside the VPC');
  });
});
