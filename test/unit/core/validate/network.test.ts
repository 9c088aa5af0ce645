import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClients } from '../../../../electron/core/aws/clients';
import { endpointChecks } from '../../../../electron/core/validate/check-rds';
import { DEFAULT_VALIDATION_OPTIONS } from '../../../../electron/core/validate/types';
import { httpGet, resolveHost, tcpConnect } from '../../../../electron/core/validate/network';
import { runProbe } from '../../../../electron/core/validate/run-probes';

let http: Server;
let tcp: TcpServer;
let httpPort = 0;
let tcpPort = 0;
let closedPort = 0;

function listen(server: Server | TcpServer): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

beforeAll(async () => {
  http = createServer((req, res) => {
    res.statusCode = req.url === '/health' ? 200 : req.url === '/moved' ? 302 : 500;
    res.end();
  });
  tcp = createTcpServer((s) => s.end());
  [httpPort, tcpPort] = await Promise.all([listen(http), listen(tcp)]);
  // A port that was open a moment ago and is now closed: the connection is refused.
  const gone = createTcpServer();
  closedPort = await listen(gone);
  await new Promise((resolve) => gone.close(resolve));
});

afterAll(() => {
  http.close();
  tcp.close();
});

const ctx = (networkSkip: string | null) => ({
  clients: {} as AwsClients,
  sourceClients: {} as AwsClients,
  options: DEFAULT_VALIDATION_OPTIONS,
  networkSkip,
});

describe('network checks', () => {
  it('resolves a name, and says when it does not resolve', async () => {
    expect((await resolveHost('localhost')).ok).toBe(true);
    const bad = await resolveHost('no-such-host.invalid');
    expect(bad.ok).toBe(false);
    expect(bad.detail).toMatch(/does not resolve/);
  });

  it('connects over TCP, and reports a refused port', async () => {
    expect((await tcpConnect('127.0.0.1', tcpPort)).ok).toBe(true);
    const refused = await tcpConnect('127.0.0.1', closedPort);
    expect(refused.ok).toBe(false);
    expect(refused.detail).toMatch(/refused or failed/);
  });

  it('GETs a URL: 2xx/3xx pass by default, or the expected statuses only', async () => {
    expect((await httpGet(`http://127.0.0.1:${httpPort}/health`, undefined)).ok).toBe(true);
    expect((await httpGet(`http://127.0.0.1:${httpPort}/moved`, undefined)).ok).toBe(true);
    expect((await httpGet(`http://127.0.0.1:${httpPort}/moved`, [200])).ok).toBe(false);
    const down = await httpGet(`http://127.0.0.1:${httpPort}/x`, undefined);
    expect(down).toEqual({
      ok: false,
      detail: `GET http://127.0.0.1:${httpPort}/x answered 500 (expected 200–399)`,
    });
    expect((await httpGet(`http://127.0.0.1:${closedPort}/`, undefined)).ok).toBe(false);
  });

  it('the endpoint check resolves and connects, or records the skip with its reason (never a pass)', async () => {
    const [ok] = await endpointChecks(ctx(null), 'localhost', tcpPort, 'Database');
    expect(ok?.status).toBe('pass');
    const [skipped] = await endpointChecks(ctx('laptop outside the VPC'), 'localhost', tcpPort, 'Database');
    expect(skipped).toMatchObject({ status: 'skipped' });
    expect(skipped?.evidence).toMatch(/^skipped: laptop outside the VPC/);
    const [unresolved] = await endpointChecks(ctx(null), 'no-such-host.invalid', 5432, 'Database');
    expect(unresolved?.status).toBe('fail');
    const [missing] = await endpointChecks(ctx(null), undefined, undefined, 'Database');
    expect(missing?.status).toBe('fail');
  });

  it('probes fill {address} and skip when the resource has none', async () => {
    const pass = await runProbe({ name: 'p', type: 'tcp', host: '{address}', port: tcpPort }, '127.0.0.1');
    expect(pass.status).toBe('pass');
    const skip = await runProbe({ name: 'p', type: 'http', url: 'http://{address}/health' });
    expect(skip.status).toBe('skipped');
    const fail = await runProbe({
      name: 'p',
      type: 'http',
      url: `http://127.0.0.1:${httpPort}/x`,
      expectStatus: [200],
    });
    expect(fail).toMatchObject({ id: 'probe:p', status: 'fail' });
  });
});
