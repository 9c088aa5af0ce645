import { describe, expect, it } from 'vitest';
import { benchCaseSchema, benchModuleResultSchema } from '../../bench/support/bench-case';
import { benchFunctions, moduleShortName, selectModules } from '../../bench/support/discover';
import { describeMachine, loadWarning, type MachineInfo } from '../../bench/support/machine';
import {
  formatComparison,
  formatNotes,
  formatNumber,
  formatTable,
  MAX_SAMPLES_KEPT,
  reportCase,
} from '../../bench/support/report';

describe('reportCase', () => {
  it('reports a case with its baseline: statistics, ratio and speed-up', () => {
    const report = reportCase('assess.bench.ts', {
      name: 'assessment, 10,000 resources',
      unit: 'ms',
      samples: [110, 100, 90],
      baseline: { name: 'sequential', samples: [400, 420, 380] },
      calls: 120,
      baselineCalls: 120,
      note: 'simulated latency 20 ms',
    });
    expect(report).toMatchObject({
      module: 'assess.bench.ts',
      better: 'lower',
      stats: { n: 3, median: 100, min: 90, max: 110 },
      baseline: { name: 'sequential', stats: { median: 400 } },
      ratio: 0.25,
      speedup: 4,
      calls: 120,
      baselineCalls: 120,
      samples: [110, 100, 90],
    });
    expect(formatComparison(report)).toBe('4× better than sequential: 400 ms');
  });

  it('reports a case without a baseline', () => {
    const report = reportCase('x.bench.ts', { name: 'rate', unit: 'calls/s', samples: [5000] });
    expect(report).toMatchObject({
      better: 'higher',
      baseline: null,
      ratio: null,
      speedup: null,
      calls: null,
    });
    expect(formatComparison(report)).toBe('–');
  });

  it('says when the case is worse than its baseline', () => {
    const report = reportCase('x.bench.ts', {
      name: 'rate',
      unit: 'calls/s',
      samples: [1000],
      baseline: { name: 'http', samples: [2000] },
    });
    expect(formatComparison(report)).toBe('2× worse than http: 2,000 calls/s');
  });

  it(`keeps at most ${MAX_SAMPLES_KEPT} raw samples`, () => {
    const many = Array.from({ length: MAX_SAMPLES_KEPT + 1 }, (_, i) => i);
    expect(reportCase('x.bench.ts', { name: 'n', unit: 'ms', samples: many }).samples).toBeNull();
  });
});

describe('formatting', () => {
  it('formats numbers with separators and 3 significant digits below 100', () => {
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(123.4)).toBe('123');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(0)).toBe('0');
  });

  it('prints a Markdown table with one row per case, and notes with call counts', () => {
    const cases = [
      reportCase('a.bench.ts', { name: 'first', unit: 'ms', samples: [1, 2, 3] }),
      reportCase('b.bench.ts', {
        name: 'second',
        unit: 'calls/s',
        samples: [5000, 6000],
        calls: 2000,
        note: 'mixed',
      }),
    ];
    const lines = formatTable(cases).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\| case +\| median +\| min – max +\| p95 \| p99 \| runs \| vs baseline \|$/);
    expect(lines[2]).toContain('| first ');
    expect(lines[2]).toContain('2 ms');
    expect(lines[3]).toContain('5,500 calls/s');
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(formatNotes(cases)).toBe('- second (2,000 calls per run): mixed');
  });
});

describe('case module contract', () => {
  it('accepts a well-formed case and refuses broken ones with the reason', () => {
    expect(benchCaseSchema.safeParse({ name: 'x', unit: 'ms', samples: [1] }).success).toBe(true);
    const empty = benchCaseSchema.safeParse({ name: 'x', unit: 'ms', samples: [] });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toBe('must hold at least one sample');
    expect(benchCaseSchema.safeParse({ name: 'x', unit: 'ms', samples: [Number.NaN] }).success).toBe(false);
    expect(benchCaseSchema.safeParse({ name: '', unit: 'ms', samples: [1] }).success).toBe(false);
    expect(benchCaseSchema.safeParse({ name: 'x', unit: 'ms', samples: [1], typo: 1 }).success).toBe(false);
    expect(benchModuleResultSchema.safeParse([]).error?.issues[0]?.message).toBe('returned no cases');
  });

  it('finds the …Bench functions a module exports, and refuses a module with none', () => {
    const journalBench = async () => [];
    expect(benchFunctions('/x/journal.bench.ts', { journalBench, helper: () => 1, CONST: 1 })).toEqual([
      ['journalBench', journalBench],
    ]);
    expect(() => benchFunctions('/x/journal.bench.ts', { helper: () => 1 })).toThrow(
      /journal\.bench\.ts exports no benchmark function: export an async function named like `journalBench`/,
    );
  });

  it('selects modules by part of their name, and names the modules when a filter matches none', () => {
    const modules = ['/b/assess.bench.ts', '/b/journal.bench.ts', '/b/simulator.bench.ts'];
    expect(moduleShortName('/b/journal.bench.ts')).toBe('journal');
    expect(selectModules(modules, [])).toEqual(modules);
    expect(selectModules(modules, ['jour', 'sim'])).toEqual(['/b/journal.bench.ts', '/b/simulator.bench.ts']);
    expect(() => selectModules(modules, ['recover'])).toThrow(
      'No benchmark module matches "recover". Modules: assess, journal, simulator.',
    );
  });
});

describe('machine', () => {
  const info: MachineInfo = {
    cpu: 'AMD EPYC',
    cores: 2,
    memoryGiB: 23.5,
    node: 'v20.20.2',
    os: 'Linux 6.1',
    arch: 'x64',
    loadAverage: 0.5,
  };

  it('describes the machine in one line', () => {
    expect(describeMachine(info)).toBe('AMD EPYC, 2 cores, 23.5 GiB, Node v20.20.2, Linux 6.1 x64');
  });

  it('warns when the load average was above the core count', () => {
    expect(loadWarning(info)).toBeNull();
    expect(loadWarning({ ...info, loadAverage: 2 })).toBeNull();
    expect(loadWarning({ ...info, loadAverage: 6.5 })).toMatch(/busy \(load average 6\.5 on 2 cores\)/);
  });
});
