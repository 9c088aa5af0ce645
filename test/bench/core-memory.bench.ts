import { existsSync } from 'node:fs';
import path from 'node:path';
import { isCallName } from '../../electron/core/api/contract';
import { estateGenerators } from '../../electron/simulator/scenario/generate-estate';
import type { BenchCase } from './support/bench-case';
import type { CoreAssessmentProbeResult } from './support/core-assessment-probe';
import { runProbe } from './support/probe';
import { median } from './support/stats';

const RESOURCES = 10_000;
const RUNS = 3;
const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/** Fail clearly, naming what is missing, when the assessment is not part of the core yet. */
function requireAssessment(): void {
  const missing: string[] = [];
  if (!existsSync(path.join(projectRoot, 'electron', 'core', 'assess'))) missing.push('electron/core/assess');
  if (!isCallName('assess.run')) missing.push('the assess.run call in electron/core/api/contract.ts');
  if (missing.length > 0) {
    throw new Error(
      `The core's memory during an assessment cannot be measured yet: missing ${missing.join(' and ')}.`,
    );
  }
}

/**
 * The core's resident memory during a 10,000-resource assessment: a fresh process per run creates
 * the core in tabletop mode on the generated estate, loads the estate, and runs `assess.run`
 * as the UI does; RSS is sampled while the scan runs.
 */
export async function coreMemoryBench(): Promise<BenchCase[]> {
  requireAssessment();
  const probe = path.join(import.meta.dirname, 'support', 'core-assessment-probe.ts');
  const runs: CoreAssessmentProbeResult[] = [];
  for (let i = 0; i < RUNS; i++)
    runs.push(await runProbe<CoreAssessmentProbeResult>(probe, [String(RESOURCES)]));
  const services = estateGenerators.map((g) => g.signingName).join(', ');
  const estate = `${RESOURCES.toLocaleString('en-US')}-resource generated estate (services: ${services}), tabletop mode, each run a fresh process`;
  const calls = runs[0]!.calls;
  return [
    {
      name: 'core: peak RSS during a 10,000-resource assessment',
      unit: 'MiB',
      samples: runs.map((r) => r.rssDuringPeakMiB),
      calls,
      note: `${estate}; RSS before the scan ${Math.round(median(runs.map((r) => r.rssBeforeMiB)))} MiB (estate loaded), peak while loading the estate ${Math.round(median(runs.map((r) => r.rssPeakBeforeMiB)))} MiB`,
    },
    {
      name: 'core: RSS holding the 10,000-resource assessment result',
      unit: 'MiB',
      samples: runs.map((r) => r.rssAfterMiB),
      note: `after the scan and a GC; ${runs[0]!.assessed.toLocaleString('en-US')} resources in the result`,
    },
    {
      name: 'core: heap growth from a 10,000-resource assessment',
      unit: 'MiB',
      samples: runs.map((r) => r.heapAfterMiB - r.heapBeforeMiB),
      note: 'V8 heap in use after the scan minus before it, both after a GC',
    },
    {
      name: 'core: 10,000-resource assessment wall time (memory runs)',
      unit: 'ms',
      samples: runs.map((r) => r.ms),
      calls,
      note: 'measured alongside memory; the assessment benchmark (assess.bench.ts) measures speed against its baseline',
    },
  ];
}
