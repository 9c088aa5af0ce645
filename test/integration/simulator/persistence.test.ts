import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  RestoreObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../electron/simulator';
import type { Simulator, SimulatorState } from '../../../electron/simulator';
import { runSimulator, simulatorCommand } from '../../../electron/cli/commands/simulator';

const scenario = path.resolve('test/fixtures/scenarios/s3-basic.yaml');
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

function client(sim: Simulator, region: string): S3Client {
  return new S3Client({ region, credentials, requestHandler: sim.requestHandler, maxAttempts: 1 });
}

/** A real-time source the test moves by hand, so nothing depends on wall-clock timing. */
function manualTime(start = 1_000_000) {
  let now = start;
  return { now: () => now, tick: (ms: number) => (now += ms) };
}

describe('simulator persistence', () => {
  it('round-trips through JSON with a restore and a replication still in flight', async () => {
    const time = manualTime();
    const first = await createSimulator({ scenario, realNow: time.now });
    await client(first, 'us-west-2').send(
      new RestoreObjectCommand({
        Bucket: 'archive-west',
        Key: 'ledger/2020.tar',
        RestoreRequest: { Days: 1 },
      }),
    );
    await client(first, 'us-east-1').send(
      new PutObjectCommand({ Bucket: 'orders-east', Key: 'orders/x.json', Body: 'x' }),
    );
    first.faults.regionDown('us-east-1', 'timeout', ['rds']);
    first.clock.setSpeed(60);
    time.tick(1000); // one simulated minute
    const saved: SimulatorState = JSON.parse(JSON.stringify(first.save()));
    first.close();

    expect(saved.clock.speed).toBe(60);
    expect(saved.faults.regionOutages).toEqual([{ region: 'us-east-1', mode: 'timeout', services: ['rds'] }]);
    expect(saved.scenario.name).toBe('s3-basic');

    const later = manualTime(time.now()); // restarted at once: no real time to catch up
    const second = await createSimulator({ state: saved, realNow: later.now });
    expect(second.clock.now().toISOString()).toBe(saved.clock.now);
    expect(second.faults.save()).toEqual(saved.faults);
    const west = client(second, 'us-west-2');
    const during = await west.send(new HeadObjectCommand({ Bucket: 'archive-west', Key: 'ledger/2020.tar' }));
    expect(during.Restore).toBe('ongoing-request="true"');
    second.clock.advance(5 * 3_600_000);
    const after = await west.send(new HeadObjectCommand({ Bucket: 'archive-west', Key: 'ledger/2020.tar' }));
    expect(after.Restore).toMatch(/ongoing-request="false"/);
    const replica = await west.send(new GetObjectCommand({ Bucket: 'orders-west', Key: 'orders/x.json' }));
    expect(replica.ReplicationStatus).toBe('REPLICA');
    second.close();
  });

  it('continues the seeded sequence after a reload (same ids as an uninterrupted run)', async () => {
    const put = (sim: Simulator, key: string) =>
      client(sim, 'us-west-2').send(new PutObjectCommand({ Bucket: 'orders-west', Key: key, Body: key }));
    const straight = await createSimulator({ scenario });
    const a1 = await put(straight, 'a');
    const a2 = await put(straight, 'b');
    straight.close();

    const interrupted = await createSimulator({ scenario });
    const b1 = await put(interrupted, 'a');
    const resumed = await createSimulator({ state: interrupted.save() });
    interrupted.close();
    const b2 = await put(resumed, 'b');
    resumed.close();
    expect([b1.VersionId, b2.VersionId]).toEqual([a1.VersionId, a2.VersionId]);
  });

  it('gives the same account for the same scenario and seed, and a different one for another seed', async () => {
    const ids = async (seed?: number) => {
      const sim = await createSimulator({ scenario, ...(seed !== undefined ? { seed } : {}) });
      const head = await client(sim, 'us-east-1').send(
        new HeadObjectCommand({ Bucket: 'orders-east', Key: 'reports/q1.csv' }),
      );
      sim.close();
      return head.VersionId;
    };
    expect(await ids()).toBe(await ids());
    expect(await ids(99)).not.toBe(await ids());
  });

  it('refuses a corrupt state with a clear message', async () => {
    await expect(createSimulator({ state: { version: 2 } as unknown as SimulatorState })).rejects.toThrow(
      /Saved simulator state is not valid \(version: .*\); start from a scenario instead/,
    );
  });
});

describe('dr-war-room simulator --state FILE', () => {
  it('writes the state, saves after mutations, and resumes from the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'drwr-sim-state-'));
    const file = path.join(dir, 'sim.json');
    try {
      const first = await runSimulator({ port: 0, scenario, state: file });
      expect(first.resumed).toBe(false);
      expect(first.banner[0]).toBe(
        `Simulator listening on ${first.server.url} (scenario s3-basic, account 111122223333)`,
      );
      expect(first.banner[1]).toContain(
        `aws --endpoint-url ${first.server.url} --region us-west-2 s3api list-buckets`,
      );
      const west = new S3Client({
        region: 'us-west-2',
        credentials,
        endpoint: first.server.url,
        forcePathStyle: true,
      });
      const put = await west.send(
        new PutObjectCommand({ Bucket: 'orders-west', Key: 'kept.txt', Body: 'kept' }),
      );
      await first.stop();
      const onDisk = JSON.parse(await readFile(file, 'utf8')) as SimulatorState;
      expect(onDisk.scenario.name).toBe('s3-basic');

      const second = await runSimulator({ port: 0, state: file });
      expect(second.resumed).toBe(true);
      expect(second.banner[2]).toBe(`Resumed from ${file}`);
      const again = new S3Client({
        region: 'us-west-2',
        credentials,
        endpoint: second.server.url,
        forcePathStyle: true,
      });
      const got = await again.send(new GetObjectCommand({ Bucket: 'orders-west', Key: 'kept.txt' }));
      expect(got.VersionId).toBe(put.VersionId);
      expect(await got.Body?.transformToString()).toBe('kept');
      await second.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a corrupt state file with the file name and what to do', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'drwr-sim-state-'));
    const file = path.join(dir, 'sim.json');
    try {
      await writeFile(file, '{not json');
      await expect(runSimulator({ port: 0, state: file })).rejects.toThrow(
        `${file}: the simulator state is not valid JSON; delete it to start the scenario afresh`,
      );
      await writeFile(file, JSON.stringify({ version: 1 }));
      await expect(runSimulator({ port: 0, state: file })).rejects.toThrow(
        new RegExp(`^${file}: scenario: `),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('dr-war-room simulator options', () => {
  const parse = (args: string[]) =>
    simulatorCommand()
      .exitOverride()
      .configureOutput({ writeErr: () => undefined, writeOut: () => undefined })
      .action(() => undefined)
      .parseAsync(args, { from: 'user' });

  it('rejects a bad port, speed or seed with what is allowed', async () => {
    await expect(parse(['--port', 'x'])).rejects.toThrow(/must be a port number from 0 to 65535/);
    await expect(parse(['--speed', '1000'])).rejects.toThrow(/must be a number from 1 to 600/);
    await expect(parse(['--seed', '1.5'])).rejects.toThrow(/must be an integer/);
  });

  it('parses the options into numbers', async () => {
    const command = await parse(['--port', '0', '--speed', '60', '--seed', '7', '--scenario', 'healthy']);
    expect(command.opts()).toEqual({ port: 0, speed: 60, seed: 7, scenario: 'healthy' });
  });

  it('names an unknown scenario and lists the available ones', async () => {
    await expect(runSimulator({ port: 0, scenario: 'nope' })).rejects.toThrow(
      /Unknown scenario "nope" in .*; available: .*healthy/,
    );
  });
});
