import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app/core';
import { createAwsClients } from '../../../electron/core/aws';
import type { JournalEntry } from '../../../electron/core/incident/types';
import { RECOVER_ENTRY } from '../../../electron/core/recover/entry-types';
import { foldRun } from '../../../electron/core/recover/run-reducer';
import type { RecoverableView, RecoveryPlan, RecoveryRunView } from '../../../electron/core/recover/types';
import {
  callerOf,
  declareOutage,
  firstTargetsMapping,
  openScenarioCore,
} from '../../support/tabletop-session';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** Wait for the next committed journal entry that matches. */
function nextEntry(core: Core, match: (entry: JournalEntry) => boolean): Promise<JournalEntry> {
  return new Promise((resolve) => {
    const off = core.events.subscribe((event) => {
      if (event.type === 'incident.entry' && match(event.entry)) {
        off();
        resolve(event.entry);
      }
    });
  });
}

/**
 * Declare an incident on a slow clock (restores stay `creating`), plan the point-in-time
 * recovery of three RDS instances, confirm, and resolve once every restore was sent and is waiting.
 */
async function startRecovery(
  dataDir: string,
): Promise<{ core: Core; incidentId: string; plan: RecoveryPlan }> {
  const core = await openScenarioCore(dataDir, { transport: 'ipc' });
  const sim = await core.tabletopSimulator();
  sim.clock.setSpeed(1);
  sim.clock.advance(10 * 60_000);
  const call = callerOf(core);
  const incidentId = await declareOutage(call);
  const view = await call<RecoverableView>('recover.resources', { incidentId });
  const mapping = firstTargetsMapping(view, ['rds']);
  const selection = view.resources
    .filter((r) => ['customers-db', 'catalog-db', 'inventory-db'].includes(r.name))
    .map((r) => ({ resourceId: r.id }));
  expect(selection).toHaveLength(3);
  const plan = await call<RecoveryPlan>('recover.plan', {
    incidentId,
    selection,
    mapping,
    reapply: { pitr: false, ttl: false, tags: false },
  });
  expect(plan.runnable).toBe(true);
  const firsts = new Set(plan.chains.map((c) => c.actions[0]!.id));
  const waiting = new Set<string>();
  const allWaiting = new Promise<void>((resolve) => {
    const off = core.events.subscribe((event) => {
      if (event.type !== 'incident.entry' || event.entry.type !== RECOVER_ENTRY.actionState) return;
      const id = String(event.entry.data.actionId);
      if (event.entry.data.state === 'waiting' && firsts.has(id)) waiting.add(id);
      if (waiting.size === firsts.size) {
        off();
        resolve();
      }
    });
  });
  await call('recover.confirm', { incidentId, planId: plan.id, typed: incidentId });
  await allWaiting;
  return { core, incidentId, plan };
}

async function journalOf(core: Core, incidentId: string): Promise<readonly JournalEntry[]> {
  return core.incidents.entries(incidentId);
}

describe('re-attach after an app restart', () => {
  it('the reopened app finishes the interrupted run by itself: no second confirmation, every target created once', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-reattach-'));
    dirs.push(dataDir);
    const first = await startRecovery(dataDir);
    const inFlight = Object.values(foldRun(await journalOf(first.core, first.incidentId)).actions).filter(
      (a) => a.state === 'waiting',
    ).length;
    expect(inFlight).toBe(3);
    await first.core.close();

    // The same data folder and the same saved tabletop account, its clock now fast.
    const core = await openScenarioCore(dataDir, { transport: 'ipc', speed: 600 });
    const run = await core.recover.settled(first.incidentId);
    expect(run.status).toBe('completed');
    const view = await core.recover.status(first.incidentId);
    expect(view.attached).toBe(true);
    expect(view.interrupted).toBe(false);
    expect(view.run.reattached).toEqual(
      expect.objectContaining({ actions: 3, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown }),
    );

    const entries = await journalOf(core, first.incidentId);
    expect(entries.filter((e) => e.type === RECOVER_ENTRY.confirmed)).toHaveLength(1);
    expect(entries.filter((e) => e.type === RECOVER_ENTRY.reattached)).toHaveLength(1);
    // Each restore was sent once, before the restart; after it the executor only watched.
    const restores = first.plan.chains.flatMap((c) =>
      c.actions.filter((a) => a.calls.some((call) => call.kind === 'create')),
    );
    const creates = entries.filter(
      (e) =>
        e.type === RECOVER_ENTRY.callStarted &&
        restores.some(
          (a) => a.id === e.data.actionId && a.calls.some((c) => c.operation === e.data.operation),
        ),
    );
    expect(restores).toHaveLength(3);
    expect(creates.map((e) => e.data.actionId).sort()).toEqual(restores.map((a) => a.id).sort());
    const reattachedAt = entries.find((e) => e.type === RECOVER_ENTRY.reattached)!.seq;
    expect(creates.every((e) => e.seq < reattachedAt)).toBe(true);
    expect(entries.filter((e) => e.type === RECOVER_ENTRY.callFailed)).toEqual([]);

    // The account holds each target exactly once.
    const sim = await core.tabletopSimulator();
    const clients = createAwsClients({ mode: 'TABLETOP', simulator: sim.requestHandler });
    const targets = first.plan.chains.map((c) => c.targetName);
    const dbs = await clients.rds('us-west-2').send(new DescribeDBInstancesCommand({}));
    const names = (dbs.DBInstances ?? [])
      .map((d) => d.DBInstanceIdentifier ?? '')
      .filter((n) => targets.includes(n));
    expect(names.sort()).toEqual([...targets].sort());
    await core.close();
  });

  it('a run the commander paused stays paused after the restart, and resumes on request', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-reattach-'));
    dirs.push(dataDir);
    const first = await startRecovery(dataDir);
    await callerOf(first.core)('recover.pause', { incidentId: first.incidentId, by: 'Ana' });
    await first.core.close();

    const core = await openScenarioCore(dataDir, { transport: 'ipc', speed: 600 });
    // What the app's UI asks when it opens the incident: nothing is re-attached.
    const view = await callerOf(core, 'ipc')<RecoveryRunView>('recover.status', {
      incidentId: first.incidentId,
    });
    expect(view.run.status).toBe('paused');
    expect(view.attached).toBe(false);
    expect(view.interrupted).toBe(true);
    expect(view.run.reattached ?? null).toBeNull();

    const resumed = callerOf(core)<RecoveryRunView>('recover.resume', {
      incidentId: first.incidentId,
      by: 'Ana',
    });
    expect((await resumed).attached).toBe(true);
    expect((await core.recover.settled(first.incidentId)).status).toBe('completed');
    const entries = await journalOf(core, first.incidentId);
    expect(entries.filter((e) => e.type === RECOVER_ENTRY.reattached)).toEqual([]);
    expect(entries.filter((e) => e.type === RECOVER_ENTRY.confirmed)).toHaveLength(1);
    await core.close();
  });

  it('in browser mode the run is re-attached when the UI opens the incident, not by the command line', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-reattach-'));
    dirs.push(dataDir);
    const first = await startRecovery(dataDir);
    await first.core.close();

    const core = await openScenarioCore(dataDir, { transport: 'http', speed: 600 });
    const fromCli = await callerOf(core, 'cli')<RecoveryRunView>('recover.status', {
      incidentId: first.incidentId,
    });
    expect(fromCli.attached).toBe(false);
    expect(fromCli.interrupted).toBe(true);
    const reattached = nextEntry(core, (e) => e.type === RECOVER_ENTRY.reattached);
    // Two windows open the incident at once: one executor, one re-attachment.
    const [fromUi, again] = await Promise.all(
      [1, 2].map(() =>
        callerOf(core, 'http')<RecoveryRunView>('recover.status', { incidentId: first.incidentId }),
      ),
    );
    expect(fromUi!.attached).toBe(true);
    expect(again!.attached).toBe(true);
    expect((await reattached).data).toEqual(expect.objectContaining({ actions: 3, by: 'system' }));
    expect((await core.recover.settled(first.incidentId)).status).toBe('completed');
    const entries = await journalOf(core, first.incidentId);
    expect(entries.filter((e) => e.type === RECOVER_ENTRY.reattached)).toHaveLength(1);
    expect(
      entries.filter((e) => e.type === RECOVER_ENTRY.runState && e.data.status === 'completed'),
    ).toHaveLength(1);
    await core.close();
  });

  it('a cancelled run is not picked up again', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-reattach-'));
    dirs.push(dataDir);
    const first = await startRecovery(dataDir);
    await callerOf(first.core)('recover.cancel', { incidentId: first.incidentId, by: 'Ana' });
    await first.core.close();

    const core = await openScenarioCore(dataDir, { transport: 'ipc', speed: 600 });
    const run = await core.recover.settled(first.incidentId);
    expect(run.status).toBe('cancelled');
    const view = await callerOf(core, 'ipc')<RecoveryRunView>('recover.status', {
      incidentId: first.incidentId,
    });
    expect(view.attached).toBe(false);
    expect(view.run.reattached ?? null).toBeNull();
    const entries = await journalOf(core, first.incidentId);
    expect(entries.filter((e) => e.type === RECOVER_ENTRY.reattached)).toEqual([]);
    await core.close();
  });
});
