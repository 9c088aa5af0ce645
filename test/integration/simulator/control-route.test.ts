import http from 'node:http';
import type { LookupFunction } from 'node:net';
import path from 'node:path';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, startSimulatorServer } from '../../../electron/simulator';
import type { FaultState, Simulator, SimulatorServer } from '../../../electron/simulator';
import { changeFaults, readFaults, writeFaults } from '../../../electron/simulator/control/control-client';
import { emptyFaultState } from '../../../electron/simulator/core/fault-state';
import { rejectionOf } from '../../support/rejection';

const scenario = path.resolve('test/fixtures/scenarios/s3-basic.yaml');
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  json: Record<string, unknown>;
}

/** One request to the server with exactly these headers (Host included), as a browser or a LAN peer could send. */
function raw(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname, port, method, path: '/_simulator/faults', headers, setHost: false, agent: false },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            json: JSON.parse(text) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Every host name resolves to 127.0.0.1, so the SDK can address `bucket.localhost` (virtual-hosted S3). */
const toLoopback = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
  if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
}) as unknown as LookupFunction;

describe('the simulator control route over HTTP', () => {
  let sim: Simulator;
  let server: SimulatorServer;
  const saves: FaultState[] = [];
  const s3 = (region: string) =>
    new S3Client({ region, credentials, endpoint: server.url, forcePathStyle: true, maxAttempts: 1 });

  beforeAll(async () => {
    sim = await createSimulator({ scenario });
    server = await startSimulatorServer(sim, {
      port: 0,
      onFaultsChanged: async () => {
        saves.push(sim.faults.save());
      },
    });
  });
  afterEach(() => sim.faults.clear());
  afterAll(async () => {
    await server.close();
    sim.close();
  });

  it('reads the faults, and a PUT takes effect on the next AWS request and is saved before it answers', async () => {
    const before = await readFaults(server.url);
    expect(before.view).toEqual({
      faults: emptyFaultState(),
      regions: ['us-east-1', 'us-west-2'],
      services: expect.arrayContaining(['s3', 'rds', 'ec2', 'dynamodb', 'sts']) as string[],
      persisted: true,
    });
    expect(before.etag).toMatch(/^"[0-9a-f]{32}"$/);
    await s3('us-west-2').send(new ListBucketsCommand({}));

    const down: FaultState = {
      ...emptyFaultState(),
      regionOutages: [{ region: 'us-west-2', mode: '5xx', services: ['s3'] }],
    };
    saves.length = 0;
    const written = await writeFaults(server.url, down, before.etag);
    expect(written.view.faults).toEqual(down);
    expect(saves).toEqual([down]);
    const failure = await rejectionOf<{ name: string; $metadata: { httpStatusCode: number } }>(
      s3('us-west-2').send(new ListBucketsCommand({})),
    );
    expect(failure.name).toBe('ServiceUnavailable');
    expect(failure.$metadata.httpStatusCode).toBe(503);
    await s3('us-east-1').send(new ListBucketsCommand({}));

    await writeFaults(server.url, emptyFaultState());
    await s3('us-west-2').send(new ListBucketsCommand({}));
  });

  it('keeps both of two changes made at once (a stale If-Match is refused and the change is made again)', async () => {
    await Promise.all(
      ['orders-db-dr', 'orders-table-dr', 'web-ami-dr'].map((target) =>
        changeFaults(server.url, (view) => ({
          ...view.faults,
          failingRestores: [...view.faults.failingRestores, target],
        })),
      ),
    );
    expect([...sim.faults.save().failingRestores].sort()).toEqual([
      'orders-db-dr',
      'orders-table-dr',
      'web-ami-dr',
    ]);
    const stale = await readFaults(server.url);
    sim.faults.failRestore('meanwhile');
    const refused = await rejectionOf<Error>(writeFaults(server.url, emptyFaultState(), stale.etag));
    expect(refused.message).toMatch(/changed since you read them/);
    expect(sim.faults.restoreShouldFail('meanwhile')).toBe(true);
  });

  it('refuses a fault set that is not valid or names what the account does not have, and changes nothing', async () => {
    const invalid = await rejectionOf<Error>(
      writeFaults(server.url, { ...emptyFaultState(), throttling: [{ rate: 3 }] }),
    );
    expect(invalid.message).toMatch(
      /^The simulator at http:\/\/127\.0\.0\.1:\d+ refused: The fault set is not valid: throttling\.0\.rate: /,
    );
    const unknown = await rejectionOf<Error>(
      writeFaults(server.url, {
        ...emptyFaultState(),
        regionOutages: [{ region: 'eu-west-1', mode: 'refused' }],
      }),
    );
    expect(unknown.message).toContain(
      'regionOutages.0.region: eu-west-1 is not a region of this account (us-east-1, us-west-2)',
    );
    const text = await raw(
      server.url,
      'PUT',
      { host: new URL(server.url).host, 'content-type': 'application/json' },
      '{',
    );
    expect(text.status).toBe(400);
    expect(text.json['error']).toMatch(/not valid JSON/);
    expect(sim.faults.save()).toEqual(emptyFaultState());
  });

  it('refuses a Host that is not loopback (DNS rebinding) and requests from web pages', async () => {
    const body = JSON.stringify({ ...emptyFaultState(), failingRestores: ['x'] });
    for (const host of [
      'evil.example.com',
      `rebind.example.com:${server.port}`,
      `192.168.1.20:${server.port}`,
    ]) {
      const answer = await raw(server.url, 'PUT', { host, 'content-type': 'application/json' }, body);
      expect(answer.status).toBe(403);
      expect(answer.json['error']).toMatch(/only on this machine's loopback interface/);
    }
    const page = await raw(
      server.url,
      'PUT',
      {
        host: `localhost:${server.port}`,
        origin: 'http://localhost:3000',
        'content-type': 'application/json',
      },
      body,
    );
    expect(page.status).toBe(403);
    const ok = await raw(server.url, 'GET', { host: `localhost:${server.port}` });
    expect(ok.status).toBe(200);
    expect(sim.faults.save()).toEqual(emptyFaultState());
  });

  it('does not shadow S3: an object key _simulator/faults in a virtual-hosted bucket is S3’s', async () => {
    const agent = new http.Agent({ lookup: toLoopback });
    const virtualHosted = new S3Client({
      region: 'us-west-2',
      credentials,
      endpoint: `http://localhost:${server.port}`,
      forcePathStyle: false,
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpAgent: agent }),
    });
    const seen: Array<{ method: string; path: string; status: number }> = [];
    const unsubscribe = sim.onRequest(({ service, method, path: p, status }) => {
      if (service === 's3') seen.push({ method, path: p, status });
    });
    try {
      await virtualHosted.send(
        new PutObjectCommand({
          Bucket: 'orders-west',
          Key: '_simulator/faults',
          Body: 'an object, not a fault',
        }),
      );
      const got = await s3('us-west-2').send(
        new GetObjectCommand({ Bucket: 'orders-west', Key: '_simulator/faults' }),
      );
      expect(await got.Body?.transformToString()).toBe('an object, not a fault');
    } finally {
      unsubscribe();
      agent.destroy();
    }
    // The bucket went in the host name, so S3 saw the path /_simulator/faults and stored the object.
    expect(seen[0]).toEqual({ method: 'PUT', path: '/_simulator/faults', status: 200 });
    expect(sim.faults.save()).toEqual(emptyFaultState());
  });
});
