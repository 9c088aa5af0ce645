import path from 'node:path';
import type { BenchCase } from './support/bench-case';
import { callsPerSecond } from './support/measure';
import { runProbe, type MemoryProbeResult } from './support/probe';
import { describeCalls, type DescribeCall } from './support/sdk-clients';
import { createSimulator, startSimulatorServer } from '../../electron/simulator';

const REGION = 'us-west-2';
const RUNS = 7;
const CALLS_PER_RUN = 2_000;
const HTTP_CALLS_PER_RUN = 1_000;
const CONCURRENCY = 8;
const ESTATE_RESOURCES = 10_000;
const MEMORY_RUNS = 3;

/** calls/s for `runs` runs of `total` calls spread round-robin over `calls`, after one full warm-up run. */
async function rate(calls: readonly DescribeCall[], total: number, runs: number): Promise<number[]> {
  const send = (i: number) => calls[i % calls.length]!.send();
  await callsPerSecond(total, CONCURRENCY, send);
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) samples.push(await callsPerSecond(total, CONCURRENCY, send));
  return samples;
}

/**
 * The simulator: calls per second of simple describe calls through the real SDK v3 clients with
 * the simulator as `requestHandler` (against the same calls over its HTTP server), per protocol,
 * and the memory of the 10,000-resource generated estate (each sample a fresh process).
 */
export async function simulatorBench(): Promise<BenchCase[]> {
  const cases: BenchCase[] = [];
  const sim = await createSimulator({ scenario: 'healthy' });
  const server = await startSimulatorServer(sim, { port: 0 });
  try {
    const inProcess = describeCalls({ requestHandler: sim.requestHandler }, REGION);
    const overHttp = describeCalls({ endpoint: server.url }, REGION);
    const mixed = await rate(inProcess, CALLS_PER_RUN, RUNS);
    const http = await rate(overHttp, HTTP_CALLS_PER_RUN, RUNS);
    cases.push({
      name: 'simulator: describe calls, in-process SDK handler',
      unit: 'calls/s',
      samples: mixed,
      baseline: { name: 'same calls over HTTP on 127.0.0.1', samples: http },
      calls: CALLS_PER_RUN,
      baselineCalls: HTTP_CALLS_PER_RUN,
      note: `${inProcess.map((c) => c.name).join(', ')} round-robin, ${CONCURRENCY} in flight, real SDK v3 clients; aim > 5,000 calls/s`,
    });
    for (const call of inProcess) {
      cases.push({
        name: `simulator: ${call.name} (${call.protocol})`,
        unit: 'calls/s',
        samples: await rate([call], CALLS_PER_RUN / 2, RUNS),
        calls: CALLS_PER_RUN / 2,
      });
    }
  } finally {
    await server.close();
    sim.close();
  }

  const probe = path.join(import.meta.dirname, 'support', 'simulator-estate-probe.ts');
  const memory: MemoryProbeResult[] = [];
  for (let i = 0; i < MEMORY_RUNS; i++) {
    memory.push(await runProbe<MemoryProbeResult>(probe, [String(ESTATE_RESOURCES)]));
  }
  const note = `${ESTATE_RESOURCES.toLocaleString('en-US')}-resource generated estate (electron/simulator/scenario/generate-estate.ts), each run a fresh process`;
  cases.push(
    {
      name: 'simulator: RSS holding the 10,000-resource estate',
      unit: 'MiB',
      samples: memory.map((m) => m.rssAfterMiB),
      note: `${note}; peak RSS ${Math.max(...memory.map((m) => m.rssPeakMiB)).toFixed(0)} MiB; aim < 300 MB`,
    },
    {
      name: 'simulator: heap delta of the 10,000-resource estate',
      unit: 'MiB',
      samples: memory.map((m) => m.heapAfterMiB - m.heapBeforeMiB),
      note,
    },
    {
      name: 'simulator: build the 10,000-resource estate',
      unit: 'ms',
      samples: memory.map((m) => m.ms),
      note: 'generate the scenario data, load it into the simulator, and answer one describe call per service',
    },
  );
  return cases;
}
