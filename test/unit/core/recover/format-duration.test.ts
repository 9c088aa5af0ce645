import { describe, expect, it } from 'vitest';
import { formatEstimate, formatMinutes } from '../../../../electron/core/recover/format-duration';

describe('durations in the dry run', () => {
  it('reads as seconds, minutes, or hours and minutes', () => {
    expect(formatMinutes(0.75)).toBe('45 s');
    expect(formatMinutes(12.4)).toBe('12 min');
    expect(formatMinutes(125)).toBe('2 h 5 min');
  });

  it('marks estimates as approximate, and says "under 1 min" instead of "~< 1 min"', () => {
    expect(formatEstimate(0.2)).toBe('under 1 min');
    expect(formatEstimate(35)).toBe('~35 min');
    expect(formatEstimate(95)).toBe('~1 h 35 min');
  });
});
