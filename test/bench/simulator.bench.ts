import path from 'node:path';
import { DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetBucketVersioningCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { BenchCase } from './support/bench-case';
import { measureCalls } from './support/measure';
import { runProbe, type MemoryProbeResult } from './support/probe';
import {
  benchClientConfig,
  describeCalls,
  tuned,
  type DescribeCall,
  type Transport,
} from './support/sdk-clients';
import { median } from './support/stats';
import { createAwsClients, type SimulatorRequestHandler } from '../../electron/core/aws/clients';
import { createSimulator, startSimulatorServer } from '../../electron/simulator';

const REGION = 'us-west-2';
const RUNS = 7;
const CALLS_PER_RUN = 2_000;
const HTTP_CALLS_PER_RUN = 1_000;
const CONCURRENCY = 8;
const ESTATE_RESOURCES = 10_000;
const MEMORY_RUNS = 3;

/** The clients of the cases are built as electron/core/aws builds tabletop ones. */
const AS_APP = { asApp: true } as const;

/** The list-all describe calls of the default scenario's region (what the assessment sends), one per protocol. */
function listCalls(transport: Transport, region: string): DescribeCall[] {
  return describeCalls(transport, region, AS_APP);
}

/**
 * The list-all calls through the app's own clients (`createAwsClients` in tabletop mode): the
 * same SDK clients plus the operations-registry guard and the tabletop request wrapper.
 */
function appClientCalls(simulator: SimulatorRequestHandler, region: string): DescribeCall[] {
  const aws = createAwsClients({ mode: 'TABLETOP', simulator, tuning: { maxAttempts: 1 } });
  return [
    {
      name: 'sts:GetCallerIdentity',
      protocol: 'Query',
      send: () => aws.sts(region).send(new GetCallerIdentityCommand({})),
    },
    {
      name: 'rds:DescribeDBInstances',
      protocol: 'Query',
      send: () => aws.rds(region).send(new DescribeDBInstancesCommand({ MaxRecords: 20 })),
    },
    {
      name: 'ec2:DescribeVolumes',
      protocol: 'EC2 Query',
      send: () => aws.ec2(region).send(new DescribeVolumesCommand({ MaxResults: 20 })),
    },
    {
      name: 's3:ListBuckets',
      protocol: 'REST-XML',
      send: () => aws.s3(region).send(new ListBucketsCommand({})),
    },
  ];
}

/** The first region (in the scenario's order) where `find` finds a resource, and that resource. */
async function firstFound<T>(
  regions: readonly string[],
  what: string,
  find: (region: string) => Promise<T | undefined>,
): Promise<{ region: string; found: T }> {
  for (const region of regions) {
    const found = await find(region);
    if (found !== undefined) return { region, found };
  }
  throw new Error(`The bench scenario has no ${what} in ${regions.join(' or ')}: add one to the scenario.`);
}

/**
 * Single-resource describe calls, one per service (RDS and EC2 Query, DynamoDB JSON, S3
 * REST-XML), each for a resource the scenario holds (found with a list call first).
 */
async function oneResourceCalls(transport: Transport, regions: readonly string[]): Promise<DescribeCall[]> {
  const config = (region: string) => benchClientConfig(transport, region, AS_APP);
  const rdsIn = (region: string) => tuned(new RDSClient(config(region)), AS_APP);
  const ec2In = (region: string) => tuned(new EC2Client(config(region)), AS_APP);
  const dynamoIn = (region: string) => tuned(new DynamoDBClient(config(region)), AS_APP);
  const s3In = (region: string) => tuned(new S3Client({ ...config(region), forcePathStyle: true }), AS_APP);
  const db = await firstFound(regions, 'RDS instance', async (region) => {
    const out = await rdsIn(region).send(new DescribeDBInstancesCommand({}));
    return out.DBInstances?.[0]?.DBInstanceIdentifier;
  });
  const volume = await firstFound(regions, 'EBS volume', async (region) => {
    const out = await ec2In(region).send(new DescribeVolumesCommand({}));
    return out.Volumes?.[0]?.VolumeId;
  });
  const table = await firstFound(regions, 'DynamoDB table', async (region) => {
    const out = await dynamoIn(region).send(new ListTablesCommand({}));
    return out.TableNames?.[0];
  });
  const buckets = await s3In(regions[0] ?? REGION).send(new ListBucketsCommand({}));
  const bucket = buckets.Buckets?.[0];
  if (!bucket?.Name) throw new Error('The bench scenario has no S3 bucket: add one to the scenario.');
  const rds = rdsIn(db.region);
  const ec2 = ec2In(volume.region);
  const dynamo = dynamoIn(table.region);
  const s3 = s3In(bucket.BucketRegion ?? regions[0] ?? REGION);
  const bucketName = bucket.Name;
  return [
    {
      name: 'rds:DescribeDBInstances (one instance)',
      protocol: 'Query',
      send: () => rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: db.found })),
    },
    {
      name: 'ec2:DescribeVolumes (one volume)',
      protocol: 'EC2 Query',
      send: () => ec2.send(new DescribeVolumesCommand({ VolumeIds: [volume.found] })),
    },
    {
      name: 'dynamodb:DescribeTable',
      protocol: 'JSON 1.0',
      send: () => dynamo.send(new DescribeTableCommand({ TableName: table.found })),
    },
    {
      name: 's3:GetBucketVersioning',
      protocol: 'REST-XML',
      send: () => s3.send(new GetBucketVersioningCommand({ Bucket: bucketName })),
    },
  ];
}

/** Calls per second of each run, by the wall clock and per CPU second of this process. */
interface Rates {
  wall: number[];
  cpu: number[];
}

/** Rates of `runs` runs of `total` calls spread round-robin over `calls`, after one full warm-up run. */
async function rate(calls: readonly DescribeCall[], total: number, runs: number): Promise<Rates> {
  const [rates] = await interleavedRates([{ calls, total }], runs);
  if (!rates) throw new Error('No rates were measured: the mix list was empty.');
  return rates;
}

/**
 * The rates of several mixes measured in turn, run by run (one warm-up run of each first), so
 * that a burst of load from elsewhere on the machine falls on all of them alike.
 */
async function interleavedRates(
  mixes: ReadonlyArray<{ calls: readonly DescribeCall[]; total: number; grouped?: boolean }>,
  runs: number,
): Promise<Rates[]> {
  // Round-robin by default; `grouped` sends each call's share in one block, one call after another.
  const senders = mixes.map(({ calls, total, grouped }) => {
    const block = Math.ceil(total / calls.length);
    return (i: number) => calls[grouped ? Math.floor(i / block) : i % calls.length]!.send();
  });
  for (const [m, send] of senders.entries()) await measureCalls(mixes[m]!.total, CONCURRENCY, send);
  const results: Rates[] = mixes.map(() => ({ wall: [], cpu: [] }));
  for (let r = 0; r < runs; r++) {
    for (const [m, send] of senders.entries()) {
      const measured = await measureCalls(mixes[m]!.total, CONCURRENCY, send);
      results[m]!.wall.push(measured.perSecond);
      results[m]!.cpu.push(measured.perCpuSecond);
    }
  }
  return results;
}

function perSecond(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')}/s`;
}

/** Each call alone: `name` wall-clock median (per CPU second median), for a case's note. */
async function perCall(calls: readonly DescribeCall[]): Promise<string> {
  const parts: string[] = [];
  for (const call of calls) {
    const single = await rate([call], CALLS_PER_RUN / 2, RUNS);
    parts.push(`${call.name} ${perSecond(median(single.wall))} (CPU ${perSecond(median(single.cpu))})`);
  }
  return parts.join(', ');
}

/**
 * The simulator: calls per second of simple describe calls through the real SDK v3 clients with
 * the simulator as `requestHandler`: a mix of list-all describes (against the same calls over its
 * HTTP server, and through clients with the SDK's default configuration), a mix of single-resource
 * describes, and each list call alone; then the memory of the 10,000-resource generated estate
 * (each sample a fresh process).
 */
export async function simulatorBench(): Promise<BenchCase[]> {
  const cases: BenchCase[] = [];
  const sim = await createSimulator({ scenario: 'healthy' });
  const server = await startSimulatorServer(sim, { port: 0 });
  try {
    const inProcess = { requestHandler: sim.requestHandler };
    const lists = listCalls(inProcess, REGION);
    const ones = await oneResourceCalls(inProcess, sim.regions);
    const [mixed, http, defaults, single, grouped, app] = (await interleavedRates(
      [
        { calls: lists, total: CALLS_PER_RUN },
        { calls: listCalls({ endpoint: server.url }, REGION), total: HTTP_CALLS_PER_RUN },
        { calls: describeCalls(inProcess, REGION), total: CALLS_PER_RUN },
        { calls: ones, total: CALLS_PER_RUN },
        { calls: lists, total: CALLS_PER_RUN, grouped: true },
        { calls: appClientCalls(sim.requestHandler, REGION), total: CALLS_PER_RUN },
      ],
      RUNS,
    )) as [Rates, Rates, Rates, Rates, Rates, Rates];
    const setup = `${CONCURRENCY} in flight, real SDK v3 clients built once as the app builds tabletop clients (cacheMiddleware, one SigV4 signer per client; every call serialised, signed and parsed)`;
    cases.push(
      {
        name: 'simulator: list-all describe mix, in-process',
        unit: 'calls/s',
        samples: mixed.wall,
        baseline: { name: 'same calls over HTTP on 127.0.0.1', samples: http.wall },
        calls: CALLS_PER_RUN,
        baselineCalls: HTTP_CALLS_PER_RUN,
        note: `${lists.map((c) => c.name).join(', ')} (every resource of ${REGION} in the healthy scenario) round-robin, ${setup}; aim > 5,000 calls/s`,
      },
      {
        name: 'simulator: list-all describe mix, per CPU second',
        unit: 'calls/s',
        samples: mixed.cpu,
        baseline: { name: 'over HTTP, per CPU second', samples: http.cpu },
        calls: CALLS_PER_RUN,
        baselineCalls: HTTP_CALLS_PER_RUN,
        note: 'the same runs divided by the CPU time this process used (client, SDK and simulator share one thread): less sensitive than the wall-clock rate to other processes, though a busy machine still slows it through shared cores and caches',
      },
      {
        name: 'simulator: list-all describe mix, SDK default config',
        unit: 'calls/s',
        samples: defaults.wall,
        calls: CALLS_PER_RUN,
        note: `the same mix through clients with the SDK's defaults (each call's middleware stack resolved anew, and a new SigV4 signer, with its signing key derived again, for every call); per CPU second: median ${perSecond(median(defaults.cpu))}`,
      },
      {
        name: "simulator: list-all describe mix, through the app's guarded clients",
        unit: 'calls/s',
        samples: app.wall,
        calls: CALLS_PER_RUN,
        note: `the same mix through createAwsClients in tabletop mode (electron/core/aws): the same clients plus the operations-registry guard and the tabletop request wrapper; per CPU second: median ${perSecond(median(app.cpu))}`,
      },
      {
        name: 'simulator: list-all describes grouped by service, in-process',
        unit: 'calls/s',
        samples: grouped.wall,
        calls: CALLS_PER_RUN,
        note: `the same calls and clients as the list-all mix, each call's quarter sent in one block (as a paginated scan of one service sends them) instead of round-robin: the gap to the mix is the SDK's shared code switching between four services on every call; per CPU second: median ${perSecond(median(grouped.cpu))}`,
      },
      {
        name: 'simulator: one-resource describe mix, in-process',
        unit: 'calls/s',
        samples: single.wall,
        calls: CALLS_PER_RUN,
        note: `${ones.map((c) => c.name).join(', ')} round-robin, ${setup}; per CPU second: median ${perSecond(median(single.cpu))}; each alone: ${await perCall(ones)}; aim > 5,000 calls/s`,
      },
    );
    for (const call of lists) {
      const alone = await rate([call], CALLS_PER_RUN / 2, RUNS);
      cases.push({
        name: `simulator: ${call.name} (${call.protocol}), list all`,
        unit: 'calls/s',
        samples: alone.wall,
        calls: CALLS_PER_RUN / 2,
        note: `per CPU second: median ${perSecond(median(alone.cpu))}`,
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
