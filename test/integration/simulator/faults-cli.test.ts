import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runSimulator } from '../../../electron/cli/commands/simulator';
import type { RunningSimulator } from '../../../electron/cli/commands/simulator';
import { buildProgram } from '../../../electron/cli/program';
import type { SimulatorState } from '../../../electron/simulator';
import { captureStdio } from '../../support/run-cli';
import { rejectionOf } from '../../support/rejection';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

let dir: string;
let file: string;
let running: RunningSimulator | undefined;
let out: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'drwr-sim-faults-'));
  file = path.join(dir, 'sim.json');
  out = '';
  captureStdio({ stdout: (chunk) => (out += chunk) });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await running?.stop();
  running = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** `dr-war-room simulator faults …args`, in-process as the shell would run it; resolves to what it printed. */
async function faults(...args: string[]): Promise<string> {
  out = '';
  await buildProgram()
    .exitOverride()
    .parseAsync(['node', 'dr-war-room', 'simulator', 'faults', ...args]);
  return out;
}

async function savedFaults(): Promise<SimulatorState['faults']> {
  return (JSON.parse(await readFile(file, 'utf8')) as SimulatorState).faults;
}

describe('dr-war-room simulator faults', () => {
  it('shows the scenario’s faults, switches them on the running simulator and saves them to --state at once', async () => {
    running = await runSimulator({ port: 0, scenario: 'us-east-1-outage', state: file });
    const url = running.server.url;
    expect(await faults('--url', url)).toBe(
      [
        `Faults in force at ${url}:`,
        '  region us-east-1 down (all services): every call answers 503',
        '  quota: ec2.concurrentSnapshotCopies = 5',
        '  quota: rds.concurrentSnapshotCopies = 5',
        '  quota: dynamodb.concurrentRestores = 50',
        '',
      ].join('\n'),
    );

    const printed = await faults(
      '--url',
      url,
      '--region-up',
      'us-east-1',
      '--region-down',
      'us-west-2',
      '--mode',
      '5xx',
      '--services',
      'sts',
      '--fail-restore',
      'acme-orders-db-dr',
      '--quota',
      'dynamodb.concurrentRestores=2',
      '--replication-lag',
      'us-east-1:us-west-2=15m',
    );
    expect(printed).toBe(
      [
        'us-east-1 is back up: its APIs answer from the next request.',
        'us-west-2 is down for STS (identity checks): 503 ServiceUnavailable, from the next request.',
        'The restore into "acme-orders-db-dr" will fail.',
        'Quota dynamodb.concurrentRestores is 2.',
        'S3 replication from us-east-1 to us-west-2 lags 15 more minutes.',
        `Faults in force at ${url} (saved to the simulator’s state file):`,
        '  region us-west-2 down (sts): every call answers 503',
        '  failing restore: acme-orders-db-dr',
        '  quota: ec2.concurrentSnapshotCopies = 5',
        '  quota: rds.concurrentSnapshotCopies = 5',
        '  quota: dynamodb.concurrentRestores = 2',
        '  replication lag: us-east-1 → us-west-2 15m',
        '',
      ].join('\n'),
    );

    // On disk the moment the command returned: no debounce to wait for.
    expect(await savedFaults()).toEqual({
      regionOutages: [{ region: 'us-west-2', mode: '5xx', services: ['sts'] }],
      throttling: [],
      failingRestores: ['acme-orders-db-dr'],
      quotas: {
        'ec2.concurrentSnapshotCopies': 5,
        'rds.concurrentSnapshotCopies': 5,
        'dynamodb.concurrentRestores': 2,
      },
      replicationLag: [{ sourceRegion: 'us-east-1', destinationRegion: 'us-west-2', lagMs: 900_000 }],
    });

    // And in force: STS in us-west-2 now fails, us-east-1 answers again.
    const sts = (region: string) =>
      new STSClient({ region, credentials, endpoint: url, maxAttempts: 1 }).send(
        new GetCallerIdentityCommand({}),
      );
    expect((await rejectionOf<Error>(sts('us-west-2'))).name).toBe('ServiceUnavailable');
    expect((await sts('us-east-1')).Account).toBe(running.sim.accountId);

    const json = JSON.parse(
      await faults('--url', url, '--clear', '--throttle', '0.5', '--service', 'sts', '--json'),
    ) as {
      faults: SimulatorState['faults'];
      regions: string[];
      persisted: boolean;
    };
    expect(json.faults.throttling).toEqual([{ service: 'sts', rate: 0.5 }]);
    expect(json.faults.quotas).toEqual({});
    expect(json.regions).toEqual(['us-east-1', 'us-west-2']);
    expect(json.persisted).toBe(true);
    expect((await savedFaults()).throttling).toEqual([{ service: 'sts', rate: 0.5 }]);
  });

  it('says a change is not saved when the simulator runs without --state', async () => {
    running = await runSimulator({ port: 0, scenario: 'healthy' });
    const printed = await faults('--url', running.server.url, '--fail-restore', 'x-dr');
    expect(printed).toContain(
      `Faults in force at ${running.server.url} (not saved: the simulator runs without --state, so they last until it stops):`,
    );
    expect(running.sim.faults.restoreShouldFail('x-dr')).toBe(true);
  });

  it('refuses a region, service or quota the running simulator does not have, and changes nothing', async () => {
    running = await runSimulator({ port: 0, scenario: 'us-east-1-outage', state: file });
    const before = running.sim.faults.save();
    const url = running.server.url;
    await expect(faults('--url', url, '--fail-restore', 'a', '--region-down', 'eu-west-1')).rejects.toThrow(
      `Region eu-west-1 is not in this exercise; choose one of us-east-1, us-west-2. (the simulator at ${url} was not changed)`,
    );
    await expect(faults('--url', url, '--throttle', '10%', '--service', 'lambda')).rejects.toThrow(
      /^Service lambda is not simulated; choose one of /,
    );
    await expect(faults('--url', url, '--quota', 'ec2.snapshotCopies=1')).rejects.toThrow(
      /^Quota ec2.snapshotCopies is not one the simulator enforces/,
    );
    await expect(faults('--url', url, '--mode', 'timeout')).rejects.toThrow(
      '--mode and --services describe a --region-down: add --region-down REGION.',
    );
    expect(running.sim.faults.save()).toEqual(before);
    expect(await savedFaults()).toEqual(before);
  });

  it('says when no simulator answers at the URL, and how to start one', async () => {
    const closed = await runSimulator({ port: 0, scenario: 'healthy' });
    const url = closed.server.url;
    await closed.stop();
    await expect(faults('--url', url)).rejects.toThrow(
      `No simulator answers at ${url} (connection refused). Start one with \`dr-war-room simulator --port 4566 --state FILE\` and pass the URL it prints with --url.`,
    );
    await expect(faults('--url', 'localhost:4566')).rejects.toThrow(
      '--url localhost:4566 is not an http:// address: pass the one the simulator printed, e.g. http://127.0.0.1:4566.',
    );
  });

  it('says when something else answers at the URL', async () => {
    const other = http.createServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not Found</h1>');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    try {
      await expect(faults('--url', url)).rejects.toThrow(
        `${url} answered HTTP 404, but not as a dr-war-room simulator: check --url (the address \`dr-war-room simulator\` printed).`,
      );
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});

describe('dr-war-room simulator --state FILE --scenario NAME', () => {
  it('refuses a different scenario than the saved account’s, and says both ways out', async () => {
    const first = await runSimulator({ port: 0, scenario: 'us-east-1-outage', state: file });
    await first.stop();
    await expect(runSimulator({ port: 0, scenario: 'healthy', state: file })).rejects.toThrow(
      `${file} holds a saved us-east-1-outage account, not --scenario healthy: drop --scenario to resume it, or delete ${file} (or pass another --state file) to start healthy afresh.`,
    );
  });

  it('resumes with the same scenario, saying it is the saved account and not a fresh start', async () => {
    const first = await runSimulator({ port: 0, scenario: 'us-east-1-outage', state: file });
    first.sim.faults.regionUp('us-east-1');
    await first.stop();
    running = await runSimulator({ port: 0, scenario: 'us-east-1-outage', state: file, seed: 9 });
    expect(running.resumed).toBe(true);
    expect(running.banner.slice(2, 5)).toEqual([
      `Resumed from ${file}`,
      `Resuming the saved us-east-1-outage account as it was (not a fresh start): delete ${file} to start the scenario afresh.`,
      `--seed 9 is ignored: the saved account keeps its own random sequence; delete ${file} to start afresh with this seed.`,
    ]);
    expect(running.sim.faults.save().regionOutages).toEqual([]);
  });

  it('names an unknown --scenario even when the state file exists', async () => {
    const first = await runSimulator({ port: 0, scenario: 'healthy', state: file });
    await first.stop();
    await expect(runSimulator({ port: 0, scenario: 'nope', state: file })).rejects.toThrow(
      /Unknown scenario "nope" in .*; available: .*healthy/,
    );
  });
});
