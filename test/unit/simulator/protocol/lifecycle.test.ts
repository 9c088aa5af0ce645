import { describe, expect, it } from 'vitest';
import {
  agoIso,
  buildPhases,
  parseAge,
  phaseAt,
  progressAt,
  settledAt,
} from '../../../../electron/simulator/protocol/lifecycle';

const t0 = new Date('2026-11-26T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('lifecycle phases', () => {
  const phases = buildPhases(
    t0,
    [
      ['creating', 10],
      ['backing-up', 3],
    ],
    'available',
  );

  it('reports each status until its phase ends, then the final one', () => {
    expect(phaseAt(phases, at(0))).toBe('creating');
    expect(phaseAt(phases, at(9.99))).toBe('creating');
    expect(phaseAt(phases, at(10))).toBe('backing-up');
    expect(phaseAt(phases, at(12.99))).toBe('backing-up');
    expect(phaseAt(phases, at(13))).toBe('available');
    expect(phaseAt(phases, at(10_000))).toBe('available');
  });

  it('knows when it settles and how far along it is', () => {
    expect(settledAt(phases)?.toISOString()).toBe('2026-11-26T09:13:00.000Z');
    expect(settledAt([{ status: 'available' }])).toBeUndefined();
    expect(progressAt(t0.toISOString(), phases, at(0))).toBe(0);
    expect(progressAt(t0.toISOString(), phases, at(6.5))).toBe(50);
    expect(progressAt(t0.toISOString(), phases, at(60))).toBe(100);
  });

  it('stays plain JSON', () => {
    expect(JSON.parse(JSON.stringify(phases))).toEqual(phases);
  });
});

describe('scenario ages', () => {
  it('parses seconds to weeks', () => {
    expect(parseAge('90s')).toBe(90_000);
    expect(parseAge('20m')).toBe(1_200_000);
    expect(parseAge('6h')).toBe(21_600_000);
    expect(parseAge('3d')).toBe(259_200_000);
    expect(parseAge('2w')).toBe(1_209_600_000);
    expect(parseAge('1.5h')).toBe(5_400_000);
    expect(agoIso(t0, '1d')).toBe('2026-11-25T09:00:00.000Z');
  });

  it('rejects ages without a unit with a message that shows the format', () => {
    expect(() => parseAge('3')).toThrow(/use a number and a unit, e\.g\. 30m, 6h, 3d/);
    expect(() => parseAge('3 days')).toThrow(/Invalid age '3 days'/);
  });
});
