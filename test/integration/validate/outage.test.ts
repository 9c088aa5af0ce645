import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOf, recovered, resourceOf, type Recovered } from './support';

const DOCS = 'arn:aws:s3:::acme-prod-customer-docs';
const DB = 'arn:aws:rds:us-east-1:123456789012:db:customers-db';
const SESSIONS = 'arn:aws:dynamodb:us-east-1:123456789012:table/sessions';

let r: Recovered;
let http: Server;
let tcp: TcpServer;

function listen(server: Server | TcpServer): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

beforeAll(async () => {
  http = createServer((req, res) => {
    res.statusCode = req.url === '/health' ? 200 : 503;
    res.end(req.url === '/health' ? 'ok' : 'down');
  });
  tcp = createTcpServer((socket) => socket.end());
  const [httpPort, tcpPort] = await Promise.all([listen(http), listen(tcp)]);
  const probes = [
    'version: 1',
    'probes:',
    `  - { name: orders-health, type: http, url: "http://127.0.0.1:${httpPort}/health" }`,
    `  - { name: checkout, type: http, url: "http://127.0.0.1:${httpPort}/checkout", expectStatus: [200] }`,
    `  - { name: customers-db-proxy, type: tcp, host: 127.0.0.1, port: ${tcpPort}, resourceId: customers-db }`,
    '',
  ].join('\n');
  // us-east-1 answers 503 to everything: validation has only the secondary region and the assessment.
  r = await recovered({ probes, names: ['acme-prod-customer-docs', 'customers-db', 'sessions'] });
}, 120_000);

afterAll(async () => {
  await r.close();
  http.close();
  tcp.close();
});

describe('validation during the us-east-1 outage (source unreachable)', () => {
  it('never fails a good restore for want of the source: it says what could not be compared', async () => {
    const progress: Array<{ done: number; total: number }> = [];
    const unsubscribe = r.core.events.subscribe((e) => {
      if (e.type === 'validate.progress') progress.push({ done: e.done, total: e.total });
    });
    const run = await r.validate();
    unsubscribe();
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3]);
    expect(progress.every((p) => p.total === 3)).toBe(true);
    for (const x of run.resources)
      expect(
        x.checks.filter((c) => c.status === 'fail').map((c) => `${x.resourceId} ${c.id}: ${c.evidence}`),
      ).toEqual([]);
    const count = checkOf(run, DOCS, 'object-count');
    expect(count.status).toBe('warn');
    expect(count.evidence).toMatch(/no source count to compare with/);
    // Checksums are still proven from the bytes read back.
    expect(checkOf(run, DOCS, 'checksums')).toMatchObject({ status: 'pass' });
    expect(checkOf(run, DOCS, 'checksums').evidence).toMatch(/source unreachable/);
    expect(checkOf(run, SESSIONS, 'sample-items').status).toBe('skipped');
    expect(checkOf(run, SESSIONS, 'sample-items').evidence).toMatch(/unreachable/);
    expect(resourceOf(run, DB).status).toBe('pass');
  });

  it('runs the mapping file’s probes: on the resource row and at application level, pass and fail with evidence', async () => {
    const run = await r.validate();
    expect(checkOf(run, DB, 'probe:customers-db-proxy')).toMatchObject({ status: 'pass' });
    const health = run.probes.find((p) => p.id === 'probe:orders-health');
    const checkout = run.probes.find((p) => p.id === 'probe:checkout');
    expect(health?.status).toBe('pass');
    expect(checkout?.status).toBe('fail');
    expect(checkout?.evidence).toMatch(/answered 503/);
    expect(run.passed).toBe(false);
    expect(run.counts.checks.fail).toBe(1);
  });

  it('records a skipped network check with the commander’s reason in live mode only; tabletop says why', async () => {
    const run = await r.validate({ skipNetwork: 'laptop outside the VPC', only: [DB] });
    expect(checkOf(run, DB, 'endpoint').evidence).toMatch(/tabletop endpoint/);
    expect(run.resources).toHaveLength(1);
  });

  it('refuses to validate what was never recovered, with a clear message', async () => {
    const result = await r.core.dispatch(
      'validate.run',
      { incidentId: r.incidentId, only: ['no-such-thing'] },
      { via: 'test' },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/No restored resource/);
    const bad = await r.core.dispatch(
      'validate.run',
      { incidentId: r.incidentId, s3Sample: 0 },
      { via: 'test' },
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('INVALID_INPUT');
  });
});
