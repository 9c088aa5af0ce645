import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DescribeTableCommand,
  DynamoDBClient,
  RestoreTableToPointInTimeCommand,
} from '@aws-sdk/client-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSimulator } from '../../../electron/cli/commands/simulator';
import { openTabletopAccount } from '../../../electron/core/tabletop/tabletop-account';

const here = path.dirname(fileURLToPath(import.meta.url));
const appChild = path.join(here, 'save-crash-child.ts');
const cli = path.resolve(here, '../../../electron/cli/index.ts');
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const SOURCE_ARN = 'arn:aws:dynamodb:us-east-1:123456789012:table/orders-events';

/** A child process, the lines it prints, and a SIGKILL that resolves once it is gone. */
function start(args: string[]) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  /** Resolve with the first match of `pattern` in stdout; reject if the child exits first. */
  const line = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const m = pattern.exec(out);
        if (m) resolve(m);
      };
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        check();
      });
      check();
      void exited.then((code) => reject(new Error(`child exited (${code}): ${err.slice(-2000)}`)));
    });
  const kill = async (): Promise<void> => {
    child.kill('SIGKILL');
    await exited;
  };
  return { line, kill };
}

function dynamo(face: { endpoint: string } | { requestHandler: DynamoDBClient['config']['requestHandler'] }) {
  return new DynamoDBClient({ region: 'us-west-2', credentials, maxAttempts: 1, ...face });
}

describe('a tabletop account killed with SIGKILL', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-save-crash-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Reopen the app's account after the crash and describe the restored table. */
  async function afterRestart(table: string) {
    const errors: string[] = [];
    const account = await openTabletopAccount({
      dataDir,
      scenario: 'healthy',
      onError: (m) => errors.push(m),
    });
    try {
      expect(account.resumed).toBe(true);
      const out = await dynamo({ requestHandler: account.simulator.requestHandler }).send(
        new DescribeTableCommand({ TableName: table }),
      );
      return { status: out.Table?.TableStatus, now: account.simulator.clock.now(), errors };
    } finally {
      await account.close();
      account.simulator.close();
    }
  }

  it('the app: keeps a restore it answered, killed right after the answer', async () => {
    const child = start([appChild, dataDir, 'answered']);
    const [, table] = await child.line(/ANSWERED (\S+)/);
    await child.kill();
    const after = await afterRestart(table!);
    expect(['CREATING', 'ACTIVE']).toContain(after.status);
    expect(after.errors).toEqual([]);
  });

  it('the app: a restore seen ACTIVE is still ACTIVE after the restart, and time has not gone back', async () => {
    const child = start([appChild, dataDir, 'seen']);
    const [, seenAt] = await child.line(/SEEN (\S+)/);
    await child.kill();
    const after = await afterRestart('orders-events-seen');
    expect(after.status).toBe('ACTIVE');
    expect(after.now.getTime()).toBeGreaterThanOrEqual(Date.parse(seenAt!));
  });

  it('dr-war-room simulator --state: keeps an answered restore, and its status, across a SIGKILL', async () => {
    const file = path.join(dataDir, 'sim.json');
    const child = start([
      cli,
      'simulator',
      '--port',
      '0',
      '--scenario',
      'healthy',
      '--speed',
      '600',
      '--state',
      file,
    ]);
    const [, url] = await child.line(/listening on (http:\/\/\S+)/);
    const client = dynamo({ endpoint: url! });
    await client.send(
      new RestoreTableToPointInTimeCommand({
        SourceTableArn: SOURCE_ARN,
        TargetTableName: 'orders-events-answered',
        UseLatestRestorableTime: true,
      }),
    );
    await client.send(
      new RestoreTableToPointInTimeCommand({
        SourceTableArn: SOURCE_ARN,
        TargetTableName: 'orders-events-seen',
        UseLatestRestorableTime: true,
      }),
    );
    let seen: string | undefined;
    while (seen !== 'ACTIVE') {
      seen = (await client.send(new DescribeTableCommand({ TableName: 'orders-events-seen' }))).Table
        ?.TableStatus;
    }
    await child.kill();

    const restarted = await runSimulator({ port: 0, state: file });
    try {
      expect(restarted.resumed).toBe(true);
      const again = dynamo({ endpoint: restarted.server.url });
      const answered = await again.send(new DescribeTableCommand({ TableName: 'orders-events-answered' }));
      expect(['CREATING', 'ACTIVE']).toContain(answered.Table?.TableStatus);
      const active = await again.send(new DescribeTableCommand({ TableName: 'orders-events-seen' }));
      expect(active.Table?.TableStatus).toBe('ACTIVE');
    } finally {
      await restarted.stop();
    }
  });
});
