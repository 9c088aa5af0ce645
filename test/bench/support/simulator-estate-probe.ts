/**
 * Probe (run in a fresh process by simulator.bench.ts): memory of the simulator holding the
 * generated estate. Prints one JSON line ({@link MemoryProbeResult}).
 *
 * Usage: node --import tsx --expose-gc simulator-estate-probe.ts [RESOURCES]
 */
import { createSimulator } from '../../../electron/simulator';
import { generateEstate } from '../../../electron/simulator/scenario/generate-estate';
import { memoryNow } from './measure';
import type { MemoryProbeResult } from './probe';
import { describeCalls } from './sdk-clients';

const resources = Number(process.argv[2] ?? 10_000);
const before = memoryNow();
const started = performance.now();
const sim = await createSimulator({ scenarioData: generateEstate({ resources }) });
// Touch every service once so lazily built state exists, as in a real exercise.
for (const region of sim.regions)
  for (const call of describeCalls({ requestHandler: sim.requestHandler }, region)) await call.send();
const ms = performance.now() - started;
const after = memoryNow();
const result: MemoryProbeResult = {
  rssBeforeMiB: before.rssMiB,
  rssAfterMiB: after.rssMiB,
  rssPeakMiB: process.resourceUsage().maxRSS / 1024,
  heapBeforeMiB: before.heapMiB,
  heapAfterMiB: after.heapMiB,
  count: resources,
  ms,
};
sim.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
