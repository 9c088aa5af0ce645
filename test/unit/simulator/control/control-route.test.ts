import { describe, expect, it } from 'vitest';
import type { ControlRequest, ControlTarget } from '../../../../electron/simulator/control/control-route';
import {
  answerControlRequest,
  faultsEtag,
  isControlRequest,
  unknownNamesInFaults,
} from '../../../../electron/simulator/control/control-route';
import { faultsViewSchema } from '../../../../electron/simulator/control/control-view';
import { emptyFaultState } from '../../../../electron/simulator/core/fault-state';
import type { FaultState } from '../../../../electron/simulator/core/fault-state';
import { FaultController } from '../../../../electron/simulator/core/faults';

const REGIONS = ['us-east-1', 'us-west-2'];
const SERVICES = ['s3', 'rds', 'ec2', 'dynamodb', 'sts'];

function request(overrides: Partial<ControlRequest> = {}): ControlRequest {
  return {
    method: 'GET',
    path: '/_simulator/faults',
    host: '127.0.0.1:4566',
    remoteAddress: '127.0.0.1',
    origin: undefined,
    contentType: undefined,
    ifMatch: undefined,
    body: Buffer.alloc(0),
    ...overrides,
  };
}

function put(faults: unknown, overrides: Partial<ControlRequest> = {}): ControlRequest {
  return request({
    method: 'PUT',
    contentType: 'application/json; charset=utf-8',
    body: Buffer.from(JSON.stringify(faults)),
    ...overrides,
  });
}

function target(saves: FaultState[] = [], fail?: Error): ControlTarget {
  const faults = new FaultController({ ...emptyFaultState(), quotas: { 'ec2.concurrentSnapshotCopies': 5 } });
  return {
    faults,
    regions: REGIONS,
    services: SERVICES,
    persist: async () => {
      if (fail) throw fail;
      saves.push(faults.save());
    },
  };
}

const outage: FaultState = {
  ...emptyFaultState(),
  regionOutages: [{ region: 'us-east-1', mode: 'timeout', services: ['rds'] }],
};

async function answer(req: ControlRequest, t: ControlTarget) {
  const a = await answerControlRequest(req, t);
  if (!a) throw new Error('expected an answer');
  return { ...a, json: JSON.parse(a.body) as Record<string, unknown> };
}

describe('the control route', () => {
  it('claims only /_simulator paths, and never a virtual-hosted S3 object key', () => {
    expect(isControlRequest('/_simulator/faults', '127.0.0.1:4566')).toBe(true);
    expect(isControlRequest('/_simulator', 'localhost:4566')).toBe(true);
    expect(isControlRequest('/_simulator/faults', 'evil.example.com')).toBe(true);
    expect(isControlRequest('/_simulatorx', '127.0.0.1:4566')).toBe(false);
    expect(isControlRequest('/', '127.0.0.1:4566')).toBe(false);
    expect(isControlRequest('/acme-prod-orders/_simulator/faults', '127.0.0.1:4566')).toBe(false);
    expect(isControlRequest('/_simulator/faults', 'acme-prod-orders.localhost:4566')).toBe(false);
    expect(isControlRequest('/_simulator/faults', 'acme-prod-orders.s3.us-east-1.amazonaws.com')).toBe(false);
  });

  it('GET shows the faults in force, what they may name, and an ETag', async () => {
    const t = target();
    const a = await answer(request(), t);
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('application/json');
    expect(faultsViewSchema.parse(a.json)).toEqual({
      faults: { ...emptyFaultState(), quotas: { 'ec2.concurrentSnapshotCopies': 5 } },
      regions: REGIONS,
      services: SERVICES,
      persisted: true,
    });
    expect(a.headers['etag']).toBe(faultsEtag(t.faults.save()));
    const { persist: _, ...unsaved } = t;
    expect((await answer(request(), unsaved)).json['persisted']).toBe(false);
  });

  it('PUT replaces the faults, saves them before answering, and answers the new set', async () => {
    const saves: FaultState[] = [];
    const t = target(saves);
    const a = await answer(put(outage), t);
    expect(a.status).toBe(200);
    expect(t.faults.save()).toEqual(outage);
    expect(saves).toEqual([outage]);
    expect(a.json['faults']).toEqual(outage);
    expect(a.headers['etag']).toBe(faultsEtag(outage));
  });

  it('PUT with If-Match applies only to the faults it was made from', async () => {
    const t = target();
    const etag = faultsEtag(t.faults.save());
    t.faults.failRestore('someone-else');
    const stale = await answer(put(outage, { ifMatch: etag }), t);
    expect(stale.status).toBe(412);
    expect(stale.json['error']).toMatch(/changed since you read them/);
    expect(t.faults.restoreShouldFail('someone-else')).toBe(true);
    const fresh = await answer(put(outage, { ifMatch: faultsEtag(t.faults.save()) }), t);
    expect(fresh.status).toBe(200);
  });

  it('refuses a bad body with what is wrong, and changes nothing', async () => {
    const t = target();
    const before = t.faults.save();
    const cases: Array<[ControlRequest, number, RegExp]> = [
      [put(outage, { contentType: 'text/plain' }), 415, /Content-Type: application\/json/],
      [put(outage, { body: Buffer.from('{nope') }), 400, /not valid JSON/],
      [
        put({ regionOutages: [{ region: 'us-east-1', mode: 'down' }] }),
        400,
        /^The fault set is not valid: regionOutages\.0\.mode: /,
      ],
      [put({ throttling: [{ rate: 2 }] }), 400, /throttling\.0\.rate: /],
      [put({ outages: [] }), 400, /not valid: \(top level\): /],
      [
        put({ regionOutages: [{ region: 'us-est-1', mode: '5xx', services: ['lambda'] }] }),
        400,
        /regionOutages\.0\.region: us-est-1 is not a region of this account \(us-east-1, us-west-2\); regionOutages\.0\.services\.0: lambda is not a simulated service/,
      ],
    ];
    for (const [req, status, message] of cases) {
      const a = await answer(req, t);
      expect({ status: a.status, error: a.json['error'] }).toEqual({
        status,
        error: expect.stringMatching(message),
      });
    }
    expect(t.faults.save()).toEqual(before);
  });

  it('refuses anything not from this machine, and web pages', async () => {
    const t = target();
    for (const req of [
      request({ host: 'evil.example.com' }),
      request({ host: '192.168.1.20:4566' }),
      request({ host: undefined }),
      request({ remoteAddress: '192.168.1.7' }),
      put(outage, { host: 'rebind.example.com:4566' }),
    ]) {
      const a = await answer(req, t);
      expect(a.status).toBe(403);
      expect(a.json['error']).toMatch(/answers only on this machine's loopback interface/);
    }
    const page = await answer(put(outage, { origin: 'http://127.0.0.1:5173' }), t);
    expect(page.status).toBe(403);
    expect(page.json['error']).toMatch(/does not answer web pages/);
    expect(t.faults.save().regionOutages).toEqual([]);
  });

  it('answers other paths and methods with where the faults are', async () => {
    const t = target();
    const other = await answer(request({ path: '/_simulator/clock' }), t);
    expect(other.status).toBe(404);
    expect(other.json['error']).toBe(
      'Nothing at /_simulator/clock: the faults are at /_simulator/faults (GET reads them, PUT sets them).',
    );
    const post = await answer(request({ method: 'POST' }), t);
    expect(post.status).toBe(405);
    expect(post.headers['allow']).toBe('GET, PUT');
  });

  it('says the change is in force but unsaved when the save fails', async () => {
    const t = target([], new Error('disk full'));
    const a = await answer(put(outage), t);
    expect(a.status).toBe(500);
    expect(a.json['error']).toBe(
      'The faults are in force but could not be saved to the state file (disk full); they will be lost if the simulator stops.',
    );
    expect(t.faults.save()).toEqual(outage);
  });

  it('leaves AWS requests alone', async () => {
    expect(await answerControlRequest(request({ path: '/' }), target())).toBeUndefined();
  });

  it('lists every unknown name in a fault set', () => {
    expect(
      unknownNamesInFaults(
        {
          ...emptyFaultState(),
          throttling: [{ rate: 0.1, region: 'eu-west-1', service: 'sqs' }],
          replicationLag: [{ sourceRegion: 'us-east-1', destinationRegion: 'eu-west-1', lagMs: 5 }],
        },
        REGIONS,
        SERVICES,
      ),
    ).toEqual([
      'throttling.0.region: eu-west-1 is not a region of this account (us-east-1, us-west-2)',
      'throttling.0.service: sqs is not a simulated service (s3, rds, ec2, dynamodb, sts)',
      'replicationLag.0.destinationRegion: eu-west-1 is not a region of this account (us-east-1, us-west-2)',
    ]);
  });
});
