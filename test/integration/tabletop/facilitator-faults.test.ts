import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../../electron/core/api/calls/assess';
import type {
  TabletopFaultChangeResult,
  TabletopFaultsView,
} from '../../../electron/core/api/calls/tabletop';
import type { AppEvent } from '../../../electron/core/api/events';
import { Core } from '../../../electron/core/app/core';
import { tabletopStateFile } from '../../../electron/core/tabletop/tabletop-account';
import { readStateFile } from '../../../electron/simulator/core/state-file';
import { callerOf, openScenarioCore } from '../../support/tabletop-session';
import { BUNDLED_RUNBOOKS_DIR } from '../../support/test-core';

const dirs: string[] = [];
const cores: Core[] = [];

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-facilitator-'));
  dirs.push(dir);
  return dir;
}

async function open(dir: string): Promise<Core> {
  const core = await openScenarioCore(dir, { scenario: 'healthy' });
  cores.push(core);
  return core;
}

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

function health(result: AssessmentResult, region: string) {
  return result.regionHealth.find((r) => r.region === region);
}

/** The facilitator's fault switches through the core's dispatcher, as the panel calls them. */
describe('tabletop.* calls: the facilitator switches faults mid-exercise', () => {
  it('takes us-east-1 down: the next SDK call through the app’s clients fails and the assessment reports it; bringing it back heals both', async () => {
    const core = await open(await dataDir());
    const call = callerOf(core);
    const events: AppEvent[] = [];
    core.events.subscribe((e) => events.push(e));

    const start = await call<TabletopFaultsView>('tabletop.faults', {});
    expect(start.regions).toEqual(expect.arrayContaining(['us-east-1', 'us-west-2']));
    expect(start.services.map((s) => s.id)).toEqual(expect.arrayContaining(['s3', 'rds', 'ec2', 'dynamodb']));
    expect(start.faults.regionOutages).toEqual([]);
    expect(start.quotas.map((q) => q.key)).toContain('dynamodb.concurrentRestores');

    const clients = await core.session.clients();
    await expect(clients.dynamodb('us-east-1').send(new ListTablesCommand({}))).resolves.toBeDefined();

    const down = await call<TabletopFaultChangeResult>('tabletop.setFaults', {
      change: { kind: 'regionDown', region: 'us-east-1', mode: 'refused' },
    });
    expect(down.message).toBe(
      'us-east-1 is down for every service: connections refused, from the next request.',
    );
    expect(down.view.faults.regionOutages).toEqual([{ region: 'us-east-1', mode: 'refused' }]);
    const announced = events.filter((e) => e.type === 'tabletop.faults');
    expect(announced).toEqual([{ type: 'tabletop.faults', message: down.message, faults: down.view.faults }]);

    // The very next request through the same (cached) clients meets the outage.
    await expect(clients.dynamodb('us-east-1').send(new ListTablesCommand({}))).rejects.toThrow(
      /ECONNREFUSED/,
    );
    await expect(clients.dynamodb('us-west-2').send(new ListTablesCommand({}))).resolves.toBeDefined();

    const during = await call<AssessmentResult>('assess.run', {});
    expect(health(during, 'us-east-1')?.status).toBe('down');
    expect(health(during, 'us-east-1')?.reason).toMatch(/ECONNREFUSED/);
    expect(health(during, 'us-west-2')?.status).toBe('healthy');

    const up = await call<TabletopFaultChangeResult>('tabletop.setFaults', {
      change: { kind: 'regionUp', region: 'us-east-1' },
    });
    expect(up.message).toBe('us-east-1 is back up: its APIs answer from the next request.');
    expect(up.view.faults.regionOutages).toEqual([]);
    await expect(clients.dynamodb('us-east-1').send(new ListTablesCommand({}))).resolves.toBeDefined();

    const after = await call<AssessmentResult>('assess.run', {});
    expect(health(after, 'us-east-1')?.status).toBe('healthy');
  });

  it('saves each change at once, and the faults survive a restart of the core', async () => {
    const dir = await dataDir();
    const first = await open(dir);
    const call = callerOf(first);
    await call('tabletop.setFaults', {
      change: { kind: 'regionDown', region: 'us-east-1', mode: '5xx', services: ['dynamodb'] },
    });
    await call('tabletop.setFaults', { change: { kind: 'failRestore', target: 'orders-dr' } });
    await call('tabletop.setFaults', {
      change: { kind: 'setQuota', key: 'dynamodb.concurrentRestores', value: 1 },
    });
    await call('tabletop.setFaults', {
      change: { kind: 'throttle', region: 'us-west-2', service: 'rds', ratePercent: 20 },
    });
    // Saved at once, not only when the core closes: the file on disk has every change now (an app
    // killed here would resume with them).
    const saved = await readStateFile(tabletopStateFile(dir, 'healthy'));
    expect(saved?.faults.failingRestores).toEqual(['orders-dr']);
    expect(saved?.faults.throttling).toEqual([{ region: 'us-west-2', service: 'rds', rate: 0.2 }]);
    await first.close();
    cores.splice(cores.indexOf(first), 1);

    const second = await open(dir);
    const view = await callerOf(second)<TabletopFaultsView>('tabletop.faults', {});
    expect(view.faults).toEqual({
      regionOutages: [{ region: 'us-east-1', mode: '5xx', services: ['dynamodb'] }],
      throttling: [{ region: 'us-west-2', service: 'rds', rate: 0.2 }],
      failingRestores: ['orders-dr'],
      quotas: { 'dynamodb.concurrentRestores': 1 },
      replicationLag: [],
    });
    const clients = await second.session.clients();
    await expect(clients.dynamodb('us-east-1').send(new ListTablesCommand({}))).rejects.toMatchObject({
      name: 'ServiceUnavailable',
    });
    await expect(clients.s3('us-east-1').send(new ListBucketsCommand({}))).resolves.toBeDefined();
  });

  it('refuses a region the exercise does not have, saying which it has, and changes nothing', async () => {
    const core = await open(await dataDir());
    const result = await core.dispatch(
      'tabletop.setFaults',
      { change: { kind: 'regionDown', region: 'eu-west-1', mode: '5xx' } },
      { via: 'test' },
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Region eu-west-1 is not in this exercise; choose one of us-east-1, us-west-2.',
      },
    });
    const view = await callerOf(core)<TabletopFaultsView>('tabletop.faults', {});
    expect(view.faults.regionOutages).toEqual([]);
  });

  it('refuses both calls in LIVE mode: faults exist only in tabletop exercises', async () => {
    const dir = await dataDir();
    const core = await Core.create({
      dataDir: dir,
      runbooksDir: BUNDLED_RUNBOOKS_DIR,
      mode: 'LIVE',
      transport: 'http',
      version: 'test',
      env: { HOME: dir, AWS_CONFIG_FILE: path.join(dir, 'config') },
    });
    cores.push(core);
    for (const [name, input] of [
      ['tabletop.faults', {}],
      ['tabletop.setFaults', { change: { kind: 'clearAll' } }],
    ] as const) {
      const result = await core.dispatch(name, input, { via: 'test' });
      expect(result.ok, name).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('CONFLICT');
        expect(result.error.message).toMatch(/^Faults exist only in tabletop exercises/);
      }
    }
  });
});
