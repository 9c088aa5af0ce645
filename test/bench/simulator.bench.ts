import path from 'node:path';
import type { BenchCase } from './support/bench-case';
import { measureCalls } from './support/measure';
import { runProbe, type MemoryProbeResult } from './support/probe';
import { describeCalls, type DescribeCall } from './support/sdk-clients';
import { median } from './support/stats';
import { createSimulator, startSimulatorServer } from '../../electron/simulator';

const REGION = 'us-west-2';
const RUNS = 7;
const CALLS_PER_RUN = 2_000;
const HTTP_CALLS_PER_RUN = 1_000;
const CONCURRENCY = 8;
const ESTATE_RESOURCES = 10_000;
const MEMORY_RUNS = 3;

/** Rates of `runs` runs of `total` calls spread round-robin over `calls`, after one full warm-up run. */
async function rate(
  calls: readonly DescribeCall[],
  total: number,
  runs: number,
): Promise<{ wall: number[]; cpu: number[] }> {
  const send = (i: number) => calls[i % calls.length]!.send();
  await measureCalls(total, CONCURRENCY, send);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const measured = await measureCalls(total, CONCURRENCY, send);
    wall.push(measured.perSecond);
    cpu.push(measured.perCpuSecond);
  }
  return { wall, cpu };
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
    const mix = inProcess.map((c) => c.name).join(', ');
    cases.push(
      {
        name: 'simulator: describe calls, in-process SDK handler',
        unit: 'calls/s',
        samples: mixed.wall,
        baseline: { name: 'same calls over HTTP on 127.0.0.1', samples: http.wall },
        calls: CALLS_PER_RUN,
        baselineCalls: HTTP_CALLS_PER_RUN,
        note: `${mix} round-robin, ${CONCURRENCY} in flight, real SDK v3 clients; aim > 5,000 calls/s`,
      },
      {
        name: 'simulator: describe calls, in-process, per CPU second',
        unit: 'calls/s',
        samples: mixed.cpu,
        baseline: { name: 'over HTTP, per CPU second', samples: http.cpu },
        calls: CALLS_PER_RUN,
        baselineCalls: HTTP_CALLS_PER_RUN,
        note: 'the same runs divided by the CPU time this process used (client, SDK and simulator share one thread): less sensitive than the wall-clock rate to other processes, though a busy machine still slows it through shared cores and caches',
      },
    );
    for (const call of inProcess) {
      const single = await rate([call], CALLS_PER_RUN / 2, RUNS);
      cases.push({
        name: `simulator: ${call.name} (${call.protocol})`,
        unit: 'calls/s',
        samples: single.wall,
        calls: CALLS_PER_RUN / 2,
        note: `per CPU second: median ${Math.round(median(single.cpu)).toLocaleString('en-US')} calls/s`,
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
