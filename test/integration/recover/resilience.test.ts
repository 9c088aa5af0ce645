import { DescribeImagesCommand, DescribeSnapshotsCommand } from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, it } from 'vitest';
import { TAG_INCIDENT } from '../../../electron/core/aws';
import { RecoveryExecutor } from '../../../electron/core/recover/executor/executor';
import { gatherTargetFacts } from '../../../electron/core/recover/target-facts';
import type { RecoveryRun } from '../../../electron/core/recover/types';
import type { Simulator } from '../../../electron/simulator';
import { dataVolumes, recoverResources } from '../../fixtures/recover/resources';
import {
  confirmed,
  execute,
  FAST_POLL,
  INCIDENT,
  MemoryJournal,
  OPEN_FACTS,
  plan,
  rdsWindow,
  REGIONS,
  startSim,
  VOLUME_MAPPING,
} from './support';

let sim: Simulator | null = null;
afterEach(() => {
  sim?.close();
  sim = null;
});

function waitFor(predicate: (run: RecoveryRun) => boolean): {
  onChange: (run: RecoveryRun) => void;
  reached: Promise<void>;
} {
  let resolve!: () => void;
  const reached = new Promise<void>((r) => (resolve = r));
  let done = false;
  return {
    reached,
    onChange: (run) => {
      if (!done && predicate(run)) {
        done = true;
        resolve();
      }
    },
  };
}

describe('recovery resilience', () => {
  it('queues cross-region snapshot copies at the quota (5) instead of failing, and finishes them all', async () => {
    const started = await startSim({ mutate: (s) => delete s.faults, minutesPerRequest: 0.2 });
    sim = started.sim;
    const p = plan(
      dataVolumes(8),
      dataVolumes(8).map((v) => ({ resourceId: v.id })),
      { mapping: VOLUME_MAPPING },
    );
    expect(p.problems).toContainEqual(expect.objectContaining({ code: 'quota-queue', severity: 'warning' }));
    let maxCopying = 0;
    const journal = new MemoryJournal();
    const executor = new RecoveryExecutor({
      clients: started.clients,
      journal,
      incidentId: INCIDENT,
      actor: 'test',
      run: await confirmed(journal, p),
      poll: FAST_POLL,
      onChange: (run) => {
        const copying = p.chains.filter((c) =>
          ['running', 'waiting'].includes(run.actions[c.actions[0]!.id]!.state),
        ).length;
        maxCopying = Math.max(maxCopying, copying);
      },
    });
    const run = await executor.start();
    expect(run.status).toBe('completed');
    expect(maxCopying).toBeLessThanOrEqual(5);
    expect(journal.entries.some((e) => e.type === 'recover.action.state' && e.data.state === 'queued')).toBe(
      true,
    );
    expect(journal.ofType('recover.call.failed')).toHaveLength(0);
  });

  it('cancel while actions wait in a quota queue: they never start; what started finishes; nothing is deleted', async () => {
    const started = await startSim({ mutate: (s) => delete s.faults, minutesPerRequest: 0.2 });
    sim = started.sim;
    const p = plan(
      dataVolumes(8),
      dataVolumes(8).map((v) => ({ resourceId: v.id })),
      { mapping: VOLUME_MAPPING },
    );
    const journal = new MemoryJournal();
    const queued = waitFor(
      (run) => Object.values(run.actions).filter((a) => a.state === 'queued').length >= 3,
    );
    const executor = new RecoveryExecutor({
      clients: started.clients,
      journal,
      incidentId: INCIDENT,
      actor: 'test',
      run: await confirmed(journal, p),
      poll: FAST_POLL,
      onChange: (run) => queued.onChange(run),
    });
    void executor.start();
    await queued.reached;
    await executor.cancel('test');
    const final = await executor.whenSettled();
    expect(final.status).toBe('cancelled');
    const copies = journal.ofType('recover.call.started').filter((e) => e.data.operation === 'CopySnapshot');
    expect(copies).toHaveLength(5);
    const firsts = p.chains.map((c) => final.actions[c.actions[0]!.id]!.state);
    expect(firsts.filter((x) => x === 'done')).toHaveLength(5);
    expect(firsts.filter((x) => x === 'cancelled')).toHaveLength(3);
    const snapshots = await started.clients.ec2(REGIONS.secondary).send(
      new DescribeSnapshotsCommand({
        OwnerIds: ['self'],
        Filters: [{ Name: `tag:${TAG_INCIDENT}`, Values: [INCIDENT] }],
      }),
    );
    expect(snapshots.Snapshots).toHaveLength(5);
  });

  it('when AWS refuses at its quota (ResourceLimitExceeded), queues and retries instead of failing', async () => {
    const started = await startSim({ mutate: (s) => delete s.faults, minutesPerRequest: 0.2 });
    sim = started.sim;
    started.sim.faults.setQuota('ec2.concurrentSnapshotCopies', 2);
    const p = plan(
      dataVolumes(4),
      dataVolumes(4).map((v) => ({ resourceId: v.id })),
      { mapping: VOLUME_MAPPING },
    );
    const journal = new MemoryJournal();
    const executor = new RecoveryExecutor({
      clients: started.clients,
      journal,
      incidentId: INCIDENT,
      actor: 'test',
      run: await confirmed(journal, p),
      poll: FAST_POLL,
      quotaLimits: { 'cross-region-snapshot-copy': 10 },
    });
    const run = await executor.start();
    expect(run.status).toBe('completed');
    const refused = journal
      .ofType('recover.call.failed')
      .map((e) => (e.data.error as { awsCode?: string }).awsCode);
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused)).toEqual(new Set(['ResourceLimitExceeded']));
    // Each volume ends with exactly one snapshot copy.
    const copies = await started.clients.ec2(REGIONS.secondary).send(
      new DescribeSnapshotsCommand({
        OwnerIds: ['self'],
        Filters: [{ Name: `tag:${TAG_INCIDENT}`, Values: [INCIDENT] }],
      }),
    );
    expect(copies.Snapshots).toHaveLength(4);
  });

  it('rides out throttling with back-off', async () => {
    const started = await startSim();
    sim = started.sim;
    const resources = recoverResources(await rdsWindow(started.clients, 'orders-db'));
    started.sim.faults.throttle(0.35, { region: REGIONS.secondary });
    let throttled = 0;
    started.sim.onRequest((r) => {
      if (r.status === 400 || r.status === 429 || r.status === 503) throttled += 1;
    });
    const p = plan(resources, [
      { resourceId: 'orders-db' },
      { resourceId: 'crm-db' },
      { resourceId: 'acme-orders' },
      { resourceId: 'billing-db' },
    ]);
    const { run } = await execute(started.clients, p);
    expect(throttled).toBeGreaterThan(0);
    expect(
      Object.values(run.actions)
        .filter((a) => a.error)
        .map((a) => a.error?.message),
    ).toEqual([]);
    expect(run.status).toBe('completed');
  });

  it('finds a name conflict before running, and never adopts a target this incident did not create', async () => {
    const started = await startSim({
      mutate: (s) => {
        const rds = s.rds as { instances: Array<Record<string, unknown>> };
        rds.instances.push({
          id: 'orders-db-dr-20261126-01',
          region: 'us-west-2',
          engine: 'postgres',
          engineVersion: '16.4',
          class: 'db.t4g.medium',
          storage: 20,
          backupRetention: 1,
          subnetGroup: 'dr-db',
        });
      },
    });
    sim = started.sim;
    const resources = recoverResources(await rdsWindow(started.clients, 'orders-db'));
    const draft = plan(resources, [{ resourceId: 'orders-db' }], {
      facts: { ...OPEN_FACTS, checked: false },
    });
    const facts = await gatherTargetFacts(started.clients, draft);
    expect(facts.existing['rds:orders-db-dr-20261126-01']).toEqual(
      expect.objectContaining({ incident: null }),
    );
    const checked = plan(resources, [{ resourceId: 'orders-db' }], { facts });
    expect(checked.problems).toContainEqual(
      expect.objectContaining({ code: 'name-taken', severity: 'error' }),
    );
    expect(checked.runnable).toBe(false);
    // A plan made before the name was taken fails on that chain with a clear message, adopting nothing.
    const { run } = await execute(started.clients, plan(resources, [{ resourceId: 'orders-db' }]));
    const action = run.actions[checked.chains[0]!.actions[0]!.id]!;
    expect(action.state).toBe('failed');
    expect(action.error?.message).toMatch(/already taken|not created by/);
    expect(action.error?.fix).toMatch(/targetName/);
  });

  it('retries a failed action on request while independent chains go on', async () => {
    const started = await startSim({ mutate: (s) => delete s.faults });
    sim = started.sim;
    const resources = recoverResources(await rdsWindow(started.clients, 'orders-db'));
    const p = plan(resources, [
      { resourceId: 'web-1', strategy: 'ec2-ami-copy-launch' },
      { resourceId: 'acme-orders' },
    ]);
    const web = p.chains.find((c) => c.resource.name === 'web-1')!;
    started.sim.faults.failRestore(web.targetName);
    const first = await execute(started.clients, p);
    expect(first.run.status).toBe('failed');
    const copy = first.run.actions[web.actions[0]!.id]!;
    expect(copy.state).toBe('failed');
    expect(copy.error?.message).toContain('failed');
    expect(first.run.actions[web.actions[1]!.id]!.state).toBe('pending');
    expect(first.run.actions[p.chains.find((c) => c.resource.service === 's3')!.actions[0]!.id]!.state).toBe(
      'done',
    );
    started.sim.faults.clearRestoreFailure(web.targetName);
    await first.executor.retry(copy.id, 'test');
    const second = await first.executor.whenSettled();
    expect(second.status).toBe('completed');
    expect(second.actions[web.actions[1]!.id]!.state).toBe('done');
    // Asking again after it settled answers at once (the CLI re-attaching to a finished run).
    await expect(first.executor.whenSettled()).resolves.toMatchObject({ status: 'completed' });
  });

  it('pause starts nothing new until resume; cancel starts nothing new and deletes nothing', async () => {
    const started = await startSim({ mutate: (s) => delete s.faults, minutesPerRequest: 0.5 });
    sim = started.sim;
    const resources = recoverResources(await rdsWindow(started.clients, 'orders-db'));
    const p = plan(resources, [{ resourceId: 'web-1', strategy: 'ec2-ami-copy-launch' }]);
    const [copy, launch] = p.chains[0]!.actions;
    const journal = new MemoryJournal();
    const waiting = waitFor((run) => run.actions[copy!.id]!.state === 'waiting');
    const copied = waitFor((run) => run.actions[copy!.id]!.state === 'done');
    const executor = new RecoveryExecutor({
      clients: started.clients,
      journal,
      incidentId: INCIDENT,
      actor: 'test',
      run: await confirmed(journal, p),
      poll: FAST_POLL,
      onChange: (run, entry) => {
        waiting.onChange(run);
        copied.onChange(run);
        void entry;
      },
    });
    void executor.start();
    await waiting.reached;
    await executor.pause('test');
    await copied.reached;
    // Give the scheduler every chance to start the launch.
    await new Promise((r) => setTimeout(r, 30));
    expect(executor.run.status).toBe('paused');
    expect(executor.run.actions[launch!.id]!.state).toBe('pending');
    await executor.cancel('test');
    const final = await executor.whenSettled();
    expect(final.status).toBe('cancelled');
    expect(final.actions[launch!.id]!.state).toBe('cancelled');
    expect(journal.ofType('recover.call.started').map((e) => e.data.operation)).not.toContain('RunInstances');
    const images = await started.clients.ec2(REGIONS.secondary).send(
      new DescribeImagesCommand({
        Owners: ['self'],
        Filters: [{ Name: `tag:${TAG_INCIDENT}`, Values: [INCIDENT] }],
      }),
    );
    expect(images.Images).toHaveLength(1);
  });
});
