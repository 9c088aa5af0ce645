/** The spread of a set of samples. */
export interface SampleStats {
  /** How many samples. */
  n: number;
  median: number;
  mean: number;
  min: number;
  max: number;
  /** 95th percentile (nearest rank); null with fewer than {@link P95_MIN_SAMPLES} samples. */
  p95: number | null;
  /** 99th percentile (nearest rank); null with fewer than {@link P99_MIN_SAMPLES} samples. */
  p99: number | null;
}

/** Fewer samples than this make a p95 meaningless (it would be the maximum). */
export const P95_MIN_SAMPLES = 10;

/** Fewer samples than this make a p99 meaningless. */
export const P99_MIN_SAMPLES = 50;

function sorted(samples: readonly number[]): number[] {
  if (samples.length === 0) throw new Error('No samples: a benchmark case must measure at least one run.');
  for (const value of samples) {
    if (!Number.isFinite(value)) throw new Error(`A sample is not a finite number (${value}).`);
  }
  return [...samples].sort((a, b) => a - b);
}

/** The median: the middle sample, or the mean of the two middle samples. */
export function median(samples: readonly number[]): number {
  const s = sorted(samples);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The p-th percentile by nearest rank (0 < p ≤ 100): the smallest sample with at least p % of
 * the samples at or below it. Always one of the samples.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new Error(`A percentile must be above 0 and at most 100, got ${p}.`);
  const s = sorted(samples);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.max(0, rank - 1)]!;
}

/** Median, mean, min, max and (where there are enough samples) p95 and p99. */
export function summarize(samples: readonly number[]): SampleStats {
  const s = sorted(samples);
  return {
    n: s.length,
    median: median(s),
    mean: s.reduce((sum, value) => sum + value, 0) / s.length,
    min: s[0]!,
    max: s[s.length - 1]!,
    p95: s.length >= P95_MIN_SAMPLES ? percentile(s, 95) : null,
    p99: s.length >= P99_MIN_SAMPLES ? percentile(s, 99) : null,
  };
}

/** Whether bigger numbers are better for a unit: rates (`…/s`) are, times and sizes are not. */
export type Better = 'higher' | 'lower';

/** `higher` for rates (`calls/s`, `ops/s`, `per s`), `lower` for everything else. */
export function betterFor(unit: string): Better {
  return /(\/\s*s(ec(ond)?)?|per\s+s(ec(ond)?)?)\s*$/i.test(unit.trim()) ? 'higher' : 'lower';
}

/** A case against its baseline. */
export interface Comparison {
  /** The case's median divided by the baseline's median. */
  ratio: number;
  /** How many times better the case is than the baseline (above 1: better), by the unit's direction. */
  speedup: number;
  better: Better;
}

/** Compare a case's median with its baseline's; null when a median is zero (no meaningful ratio). */
export function compare(caseMedian: number, baselineMedian: number, unit: string): Comparison | null {
  if (caseMedian === 0 || baselineMedian === 0) return null;
  const ratio = caseMedian / baselineMedian;
  const better = betterFor(unit);
  return { ratio, speedup: better === 'higher' ? ratio : 1 / ratio, better };
}
