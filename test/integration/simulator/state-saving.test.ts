import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  DescribeTableCommand,
  DynamoDBClient,
  RestoreTableToPointInTimeCommand,
} from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSimulator } from '../../../electron/cli/commands/simulator';
import { openTabletopAccount } from '../../../electron/core/tabletop/tabletop-account';
import { createSimulator, startSimulatorServer } from '../../../electron/simulator';
import type { Simulator, SimulatorState } from '../../../electron/simulator';
import { saveOnMutation, writeStateFile } from '../../../electron/simulator/core/state-file';
import { isSettled, until } from '../../support/settle';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const WEST = 'us-west-2';
const SOURCE_ARN = 'arn:aws:dynamodb:us-east-1:123456789012:table/orders-events';
const DR_BUCKET = 'acme-prod-orders-dr';

/** How an SDK client reaches the simulator: in-process, or over HTTP. */
type Face = { requestHandler: Simulator['requestHandler'] } | { endpoint: string; forcePathStyle: true };

function dynamo(face: Face): DynamoDBClient {
  return new DynamoDBClient({ region: WEST, credentials, maxAttempts: 1, ...face });
}

function s3(face: Face): S3Client {
  return new S3Client({ region: WEST, credentials, maxAttempts: 1, ...face });
}

/** The cross-region point-in-time restore a recovery sends. */
function restore(face: Face, target: string) {
  return dynamo(face).send(
    new RestoreTableToPointInTimeCommand({
      SourceTableArn: SOURCE_ARN,
      TargetTableName: target,
      UseLatestRestorableTime: true,
    }),
  );
}

/** A save that snapshots when it starts and reaches "the disk" only when the test releases it. */
function blockingWrites() {
  const writes: { state: SimulatorState; release: () => void; fail: (error: Error) => void }[] = [];
  const write = (state: SimulatorState) =>
    new Promise<void>((resolve, reject) => writes.push({ state, release: resolve, fail: reject }));
  return { write, writes };
}

describe('a mutating answer is released only after its save', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const faces: [string, (sim: Simulator) => Promise<Face>][] = [
    ['in process', (sim) => Promise.resolve({ requestHandler: sim.requestHandler })],
    [
      'over HTTP',
      async (sim) => {
        const server = await startSimulatorServer(sim, { port: 0 });
        cleanups.push(() => server.close());
        return { endpoint: server.url, forcePathStyle: true };
      },
    ],
  ];

  for (const [name, reach] of faces) {
    it(`holds a restore's answer until a save holding the restore is written (${name})`, async () => {
      const sim = await createSimulator({ scenario: 'healthy' });
      cleanups.push(() => sim.close());
      const { write, writes } = blockingWrites();
      const saver = saveOnMutation(sim, '/nonexistent/never-written.json', { write });
      cleanups.push(() => saver.stop());
      const answer = restore(await reach(sim), 'orders-events-held');
      await until(() => writes.length === 1);
      expect(await isSettled(answer)).toBe(false);
      expect(JSON.stringify(writes[0]!.state.services['dynamodb'])).toContain('orders-events-held');
      writes[0]!.release();
      const out = await answer;
      expect(out.TableDescription?.TableName).toBe('orders-events-held');
      expect(writes).toHaveLength(1);
    });
  }

  it('makes 200 concurrent mutations share two writes', async () => {
    const sim = await createSimulator({ scenario: 'healthy' });
    cleanups.push(() => sim.close());
    const { write, writes } = blockingWrites();
    const saver = saveOnMutation(sim, '/nonexistent/never-written.json', { write });
    cleanups.push(() => saver.stop());
    const client = s3({ requestHandler: sim.requestHandler });
    const keys = Array.from({ length: 200 }, (_, i) => `burst/${i}.json`);
    let answered = 0;
    const answers = keys.map((Key) =>
      client.send(new PutObjectCommand({ Bucket: DR_BUCKET, Key, Body: Key })).then((out) => {
        answered += 1;
        return out;
      }),
    );
    const objects = () =>
      Object.keys(
        sim.state<{ buckets: Record<string, { objects: object }> }>('s3').buckets[DR_BUCKET]!.objects,
      );
    // Every change is made (and its commit asked for) while the first write is still on its way.
    await until(() => keys.every((k) => objects().includes(k)));
    expect(await isSettled(Promise.race(answers))).toBe(false);
    expect(writes).toHaveLength(1);
    writes[0]!.release();
    await until(() => writes.length === 2);
    const saved = writes[1]!.state.services['s3'] as { buckets: Record<string, { objects: object }> };
    expect(Object.keys(saved.buckets[DR_BUCKET]!.objects)).toEqual(expect.arrayContaining(keys));
    // The first write carried the change that started it; the other 199 wait for the second.
    await isSettled(Promise.all(answers));
    expect(answered).toBe(1);
    writes[1]!.release();
    expect(await Promise.all(answers)).toHaveLength(200);
    expect(writes).toHaveLength(2);
  });

  it('saves a clock moved by hand at once, until the saver stops', async () => {
    const sim = await createSimulator({ scenario: 'healthy' });
    cleanups.push(() => sim.close());
    const { write, writes } = blockingWrites();
    const saver = saveOnMutation(sim, '/nonexistent/never-written.json', { write });
    sim.clock.setSpeed(120);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.state.clock).toMatchObject({ speed: 120, wallTime: expect.any(String) });
    sim.clock.advance(3_600_000);
    writes[0]!.release();
    await until(() => writes.length === 2);
    const jumped = Date.parse(writes[1]!.state.clock.now) - Date.parse(writes[0]!.state.clock.now);
    expect(jumped).toBeGreaterThanOrEqual(3_600_000);
    writes[1]!.release();
    saver.stop();
    sim.clock.setSpeed(1);
    expect(writes).toHaveLength(2);
  });
});

describe('the real save paths', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-state-saving-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('dr-war-room simulator --state: the file holds a restore when its answer arrives', async () => {
    const file = path.join(dir, 'sim.json');
    const running = await runSimulator({ port: 0, scenario: 'healthy', state: file });
    try {
      await restore({ endpoint: running.server.url, forcePathStyle: true }, 'orders-events-cli');
      expect(await readFile(file, 'utf8')).toContain('orders-events-cli');
    } finally {
      await running.stop();
    }
  });

  it('the tabletop account: the file holds a restore when its answer arrives', async () => {
    const account = await openTabletopAccount({
      dataDir: dir,
      scenario: 'healthy',
      onError: () => undefined,
    });
    try {
      await restore({ requestHandler: account.simulator.requestHandler }, 'orders-events-app');
      expect(await readFile(account.stateFile, 'utf8')).toContain('orders-events-app');
    } finally {
      await account.close();
      account.simulator.close();
    }
  });

  it('a failed save is reported and answered 500; the change is saved with the next save that works', async () => {
    const errors: string[] = [];
    const account = await openTabletopAccount({
      dataDir: dir,
      scenario: 'healthy',
      onError: (message) => errors.push(message),
    });
    const face = { requestHandler: account.simulator.requestHandler };
    await rm(path.dirname(account.stateFile), { recursive: true });
    const failure = await s3(face)
      .send(new PutObjectCommand({ Bucket: DR_BUCKET, Key: 'while-unsaved.txt', Body: 'first' }))
      .catch((e: unknown) => e as { name: string; $metadata: { httpStatusCode: number } });
    expect(failure).toMatchObject({ name: 'InternalError', $metadata: { httpStatusCode: 500 } });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^The tabletop account could not be saved: ENOENT/);

    await mkdir(path.dirname(account.stateFile), { recursive: true });
    await s3(face).send(new PutObjectCommand({ Bucket: DR_BUCKET, Key: 'after.txt', Body: 'second' }));
    await account.close();
    account.simulator.close();

    const again = await openTabletopAccount({
      dataDir: dir,
      scenario: 'healthy',
      onError: (m) => errors.push(m),
    });
    try {
      expect(again.resumed).toBe(true);
      const client = s3({ requestHandler: again.simulator.requestHandler });
      for (const [Key, body] of [
        ['while-unsaved.txt', 'first'],
        ['after.txt', 'second'],
      ] as const) {
        const got = await client.send(new GetObjectCommand({ Bucket: DR_BUCKET, Key }));
        expect(await got.Body?.transformToString()).toBe(body);
      }
      expect(errors).toHaveLength(1);
    } finally {
      await again.close();
      again.simulator.close();
    }
  });
});

describe('a resumed account has kept running', () => {
  it('finishes a restore that was creating when the account was saved, by the time it resumes', async () => {
    let real = Date.parse('2026-11-26T08:00:00.000Z');
    const first = await createSimulator({ scenario: 'healthy', speed: 60, realNow: () => real });
    const started = await restore({ requestHandler: first.requestHandler }, 'orders-events-resumed');
    expect(started.TableDescription?.TableStatus).toBe('CREATING');
    const saved = JSON.parse(JSON.stringify(first.save())) as SimulatorState;
    const seenBefore = first.clock.now().getTime();
    first.close();

    real += 15_000; // down 15 real seconds at 60x: 15 simulated minutes, more than a restore takes
    const second = await createSimulator({ state: saved, realNow: () => real });
    try {
      expect(second.clock.now().getTime()).toBe(seenBefore + 15 * 60_000);
      const table = await dynamo({ requestHandler: second.requestHandler }).send(
        new DescribeTableCommand({ TableName: 'orders-events-resumed' }),
      );
      expect(table.Table?.TableStatus).toBe('ACTIVE');
    } finally {
      second.close();
    }
  });
});

describe('a cleanly stopped account waits for its people', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-state-paused-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const savedClock = async (file: string) =>
    (JSON.parse(await readFile(file, 'utf8')) as SimulatorState).clock;

  it('resumes at the simulated time it was saved at when the clock was saved paused', async () => {
    let real = Date.parse('2026-11-26T08:00:00.000Z');
    const first = await createSimulator({ scenario: 'healthy', speed: 60, realNow: () => real });
    const file = path.join(dir, 'paused.json');
    await writeStateFile(file, first, { pauseClock: true });
    const leftAt = first.clock.now().getTime();
    first.close();

    real += 3_600_000; // closed for an hour: 60 simulated hours had it kept running
    const second = await createSimulator({
      state: JSON.parse(await readFile(file, 'utf8')),
      realNow: () => real,
    });
    try {
      expect(second.clock.now().getTime()).toBe(leftAt);
    } finally {
      second.close();
    }
  });

  it('the tabletop account: running, the file carries the real time of each save; closed, the clock is paused', async () => {
    const account = await openTabletopAccount({
      dataDir: dir,
      scenario: 'healthy',
      onError: () => undefined,
    });
    await restore({ requestHandler: account.simulator.requestHandler }, 'orders-events-paused-app');
    expect((await savedClock(account.stateFile)).wallTime).toEqual(expect.any(String));
    await account.close();
    account.simulator.close();
    const clock = await savedClock(account.stateFile);
    expect(clock.wallTime).toBeUndefined();
    expect(Date.parse(clock.now)).not.toBeNaN();
  });

  it('dr-war-room simulator --state: a clean stop saves the clock paused', async () => {
    const file = path.join(dir, 'cli.json');
    const running = await runSimulator({ port: 0, scenario: 'healthy', state: file });
    await restore({ endpoint: running.server.url, forcePathStyle: true }, 'orders-events-paused-cli');
    expect((await savedClock(file)).wallTime).toEqual(expect.any(String));
    await running.stop();
    expect((await savedClock(file)).wallTime).toBeUndefined();
    expect(await readFile(file, 'utf8')).toContain('orders-events-paused-cli');
  });
});
