/**
 * Probe (run in a fresh process by core-memory.bench.ts): the core's memory during one
 * assessment of the generated estate, through the same `assess.run` call the UI makes, in
 * tabletop mode. RSS is sampled every 10 ms while the scan runs. Prints one JSON line
 * ({@link CoreAssessmentProbeResult}).
 *
 * Usage: node --import tsx --expose-gc core-assessment-probe.ts [RESOURCES]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../../../electron/core/app/core';
import { generateEstate } from '../../../electron/simulator/scenario/generate-estate';
import { memoryNow, toMiB } from './measure';
import type { MemoryProbeResult } from './probe';

/** What the core-assessment probe reports. */
export interface CoreAssessmentProbeResult extends MemoryProbeResult {
  /** The highest RSS sampled while the assessment ran, in MiB. */
  rssDuringPeakMiB: number;
  /** The process's peak RSS before the assessment started (loading the estate), in MiB. */
  rssPeakBeforeMiB: number;
  /** Resources the assessment reported. */
  assessed: number;
  /** AWS calls the assessment made. */
  calls: number;
}

const resources = Number(process.argv[2] ?? 10_000);
const projectRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-bench-core-'));
try {
  const scenarioFile = path.join(dir, `generated-${resources}.yaml`);
  await writeFile(scenarioFile, JSON.stringify(generateEstate({ resources })));
  const core = await Core.create({
    dataDir: path.join(dir, 'data'),
    runbooksDir: path.join(projectRoot, 'runbooks'),
    scenario: scenarioFile,
    env: {
      HOME: dir,
      AWS_CONFIG_FILE: path.join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
    },
    transport: 'http',
    version: 'bench',
  });
  // Load the tabletop account first: the probe measures the assessment, not the estate's loading.
  await core.tabletopSimulator();
  const before = memoryNow();
  const rssPeakBeforeMiB = process.resourceUsage().maxRSS / 1024;
  let peak = toMiB(process.memoryUsage().rss);
  const sampler = setInterval(() => {
    peak = Math.max(peak, toMiB(process.memoryUsage().rss));
  }, 10);
  const started = performance.now();
  const result = await core.dispatch('assess.run', {}, { via: 'test' });
  const ms = performance.now() - started;
  clearInterval(sampler);
  if (!result.ok) throw new Error(`assess.run failed: ${result.error.code}: ${result.error.message}`);
  const value = result.value as { resources: unknown[]; calls: number | { total?: number } };
  const after = memoryNow();
  peak = Math.max(peak, after.rssMiB);
  const calls = typeof value.calls === 'number' ? value.calls : (value.calls.total ?? 0);
  const report: CoreAssessmentProbeResult = {
    rssBeforeMiB: before.rssMiB,
    rssAfterMiB: after.rssMiB,
    rssPeakMiB: process.resourceUsage().maxRSS / 1024,
    rssDuringPeakMiB: peak,
    rssPeakBeforeMiB,
    heapBeforeMiB: before.heapMiB,
    heapAfterMiB: after.heapMiB,
    count: resources,
    assessed: value.resources.length,
    calls,
    ms,
  };
  await core.close();
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);
