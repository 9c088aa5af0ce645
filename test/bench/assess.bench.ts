import type { AssessmentResult } from '../../electron/core/api/calls/assess';
import { runScan } from '../../electron/core/assess/run-scan';
import type { ScanClients } from '../../electron/core/assess/scan-clients';
import { scanClientsFor } from '../../electron/core/assess/scan-clients-for';
import { createAwsClients } from '../../electron/core/aws';
import { loadBackupPolicy, type BackupPolicy } from '../../electron/core/runbooks/backup-policy';
import { createSimulator, type Simulator } from '../../electron/simulator';
import { generateEstate } from '../../electron/simulator/scenario/generate-estate';
import path from 'node:path';

const RESOURCES = 10_000;
const LATENCY_MS = 50;
const RUNS = 3;
/** Calls of the sequential baseline measured per sample (then extrapolated by call count). */
const BASELINE_CALLS_PER_SAMPLE = 200;
const BASELINE_SAMPLES = 3;
const REGIONS = { primary: 'us-east-1', secondary: 'us-west-2' };

interface Sender {
  send(command: unknown, options?: unknown): Promise<unknown>;
}

/**
 * The same clients, but every call waits for the previous one to finish: the assessment done
 * one call at a time, as a shell loop of `aws` commands would. Stops the scan after `limit` calls.
 */
function sequential(
  clients: ScanClients,
  limit: number,
  stop: AbortController,
): { clients: ScanClients; sent: () => number } {
  let chain: Promise<unknown> = Promise.resolve();
  let sent = 0;
  const wrap = <C>(client: C): C => {
    const proxy = Object.create(client as object) as C;
    const base = client as unknown as Sender;
    Object.defineProperty(proxy, 'send', {
      value: (command: unknown, options?: unknown) => {
        const next = chain.then(() => {
          if (sent >= limit) {
            stop.abort();
            throw new Error('baseline sample complete');
          }
          sent += 1;
          return base.send(command, options);
        });
        chain = next.catch(() => undefined);
        return next;
      },
    });
    return proxy;
  };
  const cache = new Map<string, unknown>();
  const get = <C>(key: string, make: () => C): C => {
    if (!cache.has(key)) cache.set(key, wrap(make()));
    return cache.get(key) as C;
  };
  return {
    clients: {
      s3: (r) => get(`s3/${r}`, () => clients.s3(r)),
      rds: (r) => get(`rds/${r}`, () => clients.rds(r)),
      ec2: (r) => get(`ec2/${r}`, () => clients.ec2(r)),
      dynamodb: (r) => get(`dynamodb/${r}`, () => clients.dynamodb(r)),
    },
    sent: () => sent,
  };
}

async function fastScan(
  sim: Simulator,
  policy: BackupPolicy,
): Promise<{ ms: number; cpuMs: number; calls: number; result: AssessmentResult }> {
  const aws = createAwsClients({ mode: 'TABLETOP', simulator: sim.requestHandler });
  const clients = scanClientsFor(aws);
  let calls = 0;
  const off = sim.onRequest(() => {
    calls += 1;
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  try {
    const result = await runScan({
      scanId: 'bench',
      clients,
      fastClients: clients,
      policy,
      regions: REGIONS,
      now: () => sim.clock.now(),
    });
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, calls, result };
  } finally {
    off();
    aws.destroy();
  }
}

/** Ms per call of the sequential baseline, measured on `limit` calls. */
async function baselinePerCall(sim: Simulator, policy: BackupPolicy, limit: number): Promise<number> {
  const aws = createAwsClients({ mode: 'TABLETOP', simulator: sim.requestHandler });
  const stop = new AbortController();
  const seq = sequential(scanClientsFor(aws), limit, stop);
  const started = performance.now();
  try {
    await runScan({
      scanId: 'baseline',
      clients: seq.clients,
      fastClients: seq.clients,
      policy,
      regions: REGIONS,
      now: () => sim.clock.now(),
      signal: stop.signal,
      // One call at a time, with the generous timeouts a shell loop would have.
      scheduler: {
        initialConcurrency: 1,
        maxConcurrency: 1,
        callTimeoutMs: 600_000,
        degradedTimeoutMs: 600_000,
        slowCallMs: 600_000,
      },
    }).catch(() => undefined);
    return (performance.now() - started) / Math.max(1, seq.sent());
  } finally {
    aws.destroy();
  }
}

/**
 * The assessment of the generated 10,000-resource estate with 50 ms of simulated latency per
 * call: wall time and API calls of the concurrent scan, against the same scan made one call at a
 * time (measured in the same run on a fixed number of calls and extrapolated by the scan's call
 * count: the full sequential scan would take over ten minutes). Also the scan's CPU time, which
 * does not depend on the machine's load.
 */
export async function assessBench(): Promise<
  Array<{
    name: string;
    unit: string;
    samples: number[];
    baseline?: { name: string; samples: number[] };
    calls?: number;
    baselineCalls?: number;
    note?: string;
  }>
> {
  const policy = await loadBackupPolicy(path.resolve(import.meta.dirname, '..', '..', 'runbooks'));
  const sim = await createSimulator({
    scenarioData: generateEstate({ resources: RESOURCES }),
    latencyMs: LATENCY_MS,
  });
  try {
    const wall: number[] = [];
    const cpu: number[] = [];
    let calls = 0;
    let resources = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const run = await fastScan(sim, policy);
      wall.push(run.ms / 1000);
      cpu.push(run.cpuMs / 1000);
      calls = run.calls;
      resources = run.result.counts.total;
      if (run.result.unknowns.length > 0 || run.result.calls.failed > 0) {
        throw new Error(
          `the benchmark scan did not read everything: ${JSON.stringify(run.result.unknowns.slice(0, 3))}`,
        );
      }
    }
    const baseline: number[] = [];
    for (let i = 0; i < BASELINE_SAMPLES; i += 1) {
      baseline.push(((await baselinePerCall(sim, policy, BASELINE_CALLS_PER_SAMPLE)) * calls) / 1000);
    }
    return [
      {
        name: `assess: ${RESOURCES.toLocaleString('en')}-resource estate, ${LATENCY_MS} ms per call, wall time`,
        unit: 's',
        samples: wall,
        baseline: {
          name: `sequential, one call at a time (${BASELINE_CALLS_PER_SAMPLE} calls measured per sample, extrapolated to ${calls.toLocaleString('en')} calls)`,
          samples: baseline,
        },
        calls,
        baselineCalls: calls,
        note: `${resources.toLocaleString('en')} resources assessed; the baseline runs the same discovery (the same memoised calls) one at a time, so it makes the same ${calls.toLocaleString('en')} calls; aim < 15 s and >= 25x faster`,
      },
      {
        name: `assess: ${RESOURCES.toLocaleString('en')}-resource estate, CPU time of the scan`,
        unit: 's',
        samples: cpu,
        calls,
        note: 'process CPU (SDK, in-process simulator and decision code together): independent of the machine load that inflates wall time',
      },
    ];
  } finally {
    sim.close();
  }
}
