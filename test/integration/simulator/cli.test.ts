import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatorState } from '../../../electron/simulator';
import { checkAwsCli, runAws } from '../runbooks/aws-cli';

/**
 * The real command, as a facilitator runs it: `node bin/dr-war-room.js simulator` from the built
 * output (`npm test` builds before Vitest), the real `aws` CLI against the URL it prints, a
 * SIGTERM, and a restart from the same `--state` file.
 */

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const bin = path.join(root, 'bin', 'dr-war-room.js');
const BUCKET = 'acme-prod-orders-dr';
const KEY = 'drill/kept-across-restart.txt';

/** A spawned `dr-war-room` with everything it printed so far. */
interface Spawned {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** The exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

const children: Spawned[] = [];
let home: string;
let dir: string;

function start(...args: string[]): Spawned {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: home },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const spawned = { child, stdout: () => out, stderr: () => err, exited };
  children.push(spawned);
  return spawned;
}

/**
 * The URL the simulator prints once it listens, after it has printed all its start lines (the URL
 * on stdout, the rest on stderr ending with "Press Ctrl+C"); rejects, with its output, if it exits first.
 */
function urlOf(sim: Spawned): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const match = /^Simulator listening on (http:\/\/127\.0\.0\.1:\d+) /m.exec(sim.stdout());
      if (match?.[1] && sim.stderr().includes('Press Ctrl+C to stop.')) resolve(match[1]);
    };
    sim.child.stdout.on('data', check);
    sim.child.stderr.on('data', check);
    check();
    void sim.exited.then((code) =>
      reject(
        new Error(`dr-war-room simulator exited (${code}) before listening:\n${sim.stdout()}${sim.stderr()}`),
      ),
    );
  });
}

/** Send SIGTERM and wait for the exit code. */
async function stop(sim: Spawned): Promise<number | null> {
  sim.child.kill('SIGTERM');
  return sim.exited;
}

beforeAll(async () => {
  if (!existsSync(path.join(root, 'out', 'main', 'cli.js')))
    throw new Error(
      'The CLI is not built: run `npm run build` (npm test does it first), then run this test again.',
    );
  await checkAwsCli();
  home = await mkdtemp(path.join(tmpdir(), 'drwr-sim-cli-home-'));
});

afterEach(async () => {
  for (const sim of children.splice(0)) {
    if (sim.child.exitCode === null && sim.child.signalCode === null) {
      sim.child.kill('SIGKILL');
      await sim.exited;
    }
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('dr-war-room simulator, the real command', () => {
  it('serves the aws CLI, saves on SIGTERM, exits 0, and a restart with the same --state finds the same account', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'drwr-sim-cli-'));
    const stateFile = path.join(dir, 'exercise.json');
    const args = ['simulator', '--port', '0', '--scenario', 'us-east-1-outage', '--state', stateFile];

    const first = start(...args);
    const url = await urlOf(first);
    expect(first.stdout()).toContain(`aws --endpoint-url ${url} --region us-west-2 s3api list-buckets`);

    const body = path.join(dir, 'body.txt');
    await writeFile(body, 'written before the restart\n');
    const put = await runAws(
      [
        'aws',
        's3api',
        'put-object',
        '--bucket',
        BUCKET,
        '--key',
        KEY,
        '--body',
        body,
        '--region',
        'us-west-2',
      ],
      url,
      'us-west-2',
    );
    expect(put.stderr).toBe('');
    expect(put.code).toBe(0);
    const { VersionId: versionId } = JSON.parse(put.stdout) as { VersionId?: string };
    expect(versionId).toEqual(expect.any(String));

    // The scenario's outage is in force: us-east-1 answers 503.
    const during = await runAws(
      ['aws', 'sts', 'get-caller-identity', '--region', 'us-east-1'],
      url,
      'us-east-1',
    );
    expect(during.code).not.toBe(0);
    expect(during.stderr).toMatch(/ServiceUnavailable|503/);

    // The facilitator ends the outage from another terminal.
    const up = start('simulator', 'faults', '--url', url, '--region-up', 'us-east-1');
    expect(await up.exited).toBe(0);
    expect(up.stdout()).toContain('us-east-1 is back up: its APIs answer from the next request.');
    expect(up.stdout()).toContain(`Faults in force at ${url} (saved to the simulator’s state file):`);

    expect(await stop(first)).toBe(0);
    expect(first.stderr()).not.toMatch(/Could not save|stopped with an error/);
    const saved = JSON.parse(await readFile(stateFile, 'utf8')) as SimulatorState;
    expect(saved.scenario.name).toBe('us-east-1-outage');
    expect(saved.faults.regionOutages).toEqual([]);

    const second = start(...args);
    const url2 = await urlOf(second);
    expect(second.stderr()).toContain(`Resumed from ${stateFile}`);
    expect(second.stderr()).toContain(
      `Resuming the saved us-east-1-outage account as it was (not a fresh start): delete ${stateFile} to start the scenario afresh.`,
    );
    const copy = path.join(dir, 'copy.txt');
    const got = await runAws(
      ['aws', 's3api', 'get-object', '--bucket', BUCKET, '--key', KEY, '--region', 'us-west-2', copy],
      url2,
      'us-west-2',
    );
    expect(got.code).toBe(0);
    expect((JSON.parse(got.stdout) as { VersionId?: string }).VersionId).toBe(versionId);
    expect(await readFile(copy, 'utf8')).toBe('written before the restart\n');
    // The facilitator's change survived too: us-east-1 answers.
    const after = await runAws(
      ['aws', 'sts', 'get-caller-identity', '--region', 'us-east-1'],
      url2,
      'us-east-1',
    );
    expect(after.code).toBe(0);
    expect((JSON.parse(after.stdout) as { Account: string }).Account).toBe(saved.accountId);
    expect(await stop(second)).toBe(0);

    // Another scenario on the same state file is refused, not silently ignored.
    const other = start('simulator', '--port', '0', '--scenario', 'healthy', '--state', stateFile);
    expect(await other.exited).toBe(1);
    expect(other.stderr()).toContain(
      `dr-war-room: ${stateFile} holds a saved us-east-1-outage account, not --scenario healthy: drop --scenario to resume it`,
    );
  });
});
