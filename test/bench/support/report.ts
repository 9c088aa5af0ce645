import type { BenchCase } from './bench-case';
import type { MachineInfo } from './machine';
import { betterFor, compare, summarize, type Better, type SampleStats } from './stats';

/** Samples are kept in the results file up to this many per case (latency distributions are larger). */
export const MAX_SAMPLES_KEPT = 1000;

/** One case as reported: its statistics and, where it has one, its baseline's and the ratio. */
export interface CaseReport {
  /** The case module's file name, e.g. `journal.bench.ts`. */
  module: string;
  name: string;
  unit: string;
  better: Better;
  stats: SampleStats;
  baseline: { name: string; stats: SampleStats } | null;
  /** Case median / baseline median. */
  ratio: number | null;
  /** Times better than the baseline (above 1: better). */
  speedup: number | null;
  calls: number | null;
  baselineCalls: number | null;
  note: string | null;
  /** The raw samples, when there are at most {@link MAX_SAMPLES_KEPT}. */
  samples: number[] | null;
}

/** A case module that failed to run. */
export interface ModuleFailure {
  module: string;
  error: string;
}

/** Everything `npm run bench` writes to `bench-results.json`. */
export interface BenchReport {
  date: string;
  machine: MachineInfo;
  cases: CaseReport[];
  failures: ModuleFailure[];
}

/** Compute the statistics of one case. */
export function reportCase(module: string, bench: BenchCase): CaseReport {
  const stats = summarize(bench.samples);
  const baselineStats = bench.baseline ? summarize(bench.baseline.samples) : null;
  const comparison = baselineStats ? compare(stats.median, baselineStats.median, bench.unit) : null;
  return {
    module,
    name: bench.name,
    unit: bench.unit,
    better: betterFor(bench.unit),
    stats,
    baseline: bench.baseline && baselineStats ? { name: bench.baseline.name, stats: baselineStats } : null,
    ratio: comparison?.ratio ?? null,
    speedup: comparison?.speedup ?? null,
    calls: bench.calls ?? null,
    baselineCalls: bench.baselineCalls ?? null,
    note: bench.note ?? null,
    samples: bench.samples.length <= MAX_SAMPLES_KEPT ? [...bench.samples] : null,
  };
}

/** Format a number for the table: thousands separators, 3 significant digits below 100. */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs === 0) return '0';
  return Number(value.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

function withUnit(value: number | null, unit: string): string {
  return value === null ? '–' : `${formatNumber(value)} ${unit}`;
}

/** The "vs baseline" cell: `4.2× faster than sequential (median 1,234 ms)`. */
export function formatComparison(report: CaseReport): string {
  if (!report.baseline) return '–';
  const base = `${report.baseline.name}: ${withUnit(report.baseline.stats.median, report.unit)}`;
  if (report.speedup === null) return `${base} (no ratio: a median is 0)`;
  const times = report.speedup >= 1 ? report.speedup : 1 / report.speedup;
  const word = report.speedup >= 1 ? 'better' : 'worse';
  return `${formatNumber(times)}× ${word} than ${base}`;
}

/** The results as a Markdown table (readable in a terminal, pasteable into the README). */
export function formatTable(cases: readonly CaseReport[]): string {
  const header = ['case', 'median', 'min – max', 'p95', 'p99', 'runs', 'vs baseline'];
  const rows = cases.map((c) => [
    c.name,
    withUnit(c.stats.median, c.unit),
    `${formatNumber(c.stats.min)} – ${formatNumber(c.stats.max)}`,
    c.stats.p95 === null ? '–' : formatNumber(c.stats.p95),
    c.stats.p99 === null ? '–' : formatNumber(c.stats.p99),
    String(c.stats.n),
    formatComparison(c),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Notes under the table: one line per case that has a note or call counts. */
export function formatNotes(cases: readonly CaseReport[]): string {
  return cases
    .filter((c) => c.note || c.calls !== null)
    .map((c) => {
      const calls =
        c.calls === null
          ? ''
          : ` (${formatNumber(c.calls)} calls per run${c.baselineCalls === null ? '' : `; baseline ${formatNumber(c.baselineCalls)}`})`;
      return `- ${c.name}${calls}${c.note ? `: ${c.note}` : ''}`;
    })
    .join('\n');
}
