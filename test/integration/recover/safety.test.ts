import type { RDSClient } from '@aws-sdk/client-rds';
import { DeleteDBInstanceCommand, ModifyDBInstanceCommand } from '@aws-sdk/client-rds';
import { afterEach, describe, expect, it } from 'vitest';
import { findOperation, type AwsService } from '../../../electron/core/aws';
import { sendCall } from '../../../electron/core/recover/executor/commands';
import { recoveryClients } from '../../../electron/core/recover/recover-service';
import { RecoveryExecutor } from '../../../electron/core/recover/executor/executor';
import { STRATEGY_IDS } from '../../../electron/core/recover/types';
import type { Simulator } from '../../../electron/simulator';
import { recoverResources } from '../../fixtures/recover/resources';
import {
  confirmed,
  FAST_POLL,
  INCIDENT,
  MemoryJournal,
  OPEN_FACTS,
  plan,
  rdsWindow,
  REGIONS,
  startSim,
} from './support';

let sim: Simulator | null = null;
afterEach(() => {
  sim?.close();
  sim = null;
});

describe('recovery safety', () => {
  it('refuses a restore time outside the window before any call is made, and shows the window', async () => {
    const started = await startSim();
    sim = started.sim;
    const window = await rdsWindow(started.clients, 'orders-db');
    const resources = recoverResources(window);
    const before = started.requests();
    const p = plan(resources, [{ resourceId: 'orders-db', restoreTime: '2020-01-01T00:00:00Z' }]);
    const issue = p.problems.find((x) => x.code === 'restore-window');
    expect(issue?.severity).toBe('error');
    expect(issue?.message).toContain(window.earliest);
    expect(issue?.message).toContain(window.latest);
    expect(p.runnable).toBe(false);
    expect(p.chains[0]!.blocked).toBe(true);
    // Even if someone journals and confirms it, the executor sends nothing for a blocked chain.
    const journal = new MemoryJournal();
    const executor = new RecoveryExecutor({
      clients: started.clients,
      journal,
      incidentId: INCIDENT,
      actor: 'test',
      run: await confirmed(journal, p),
      poll: FAST_POLL,
    });
    const run = await executor.start();
    expect(started.requests()).toBe(before);
    expect(journal.ofType('recover.call.started')).toHaveLength(0);
    expect(run.actions[p.chains[0]!.actions[0]!.id]!.state).toBe('blocked');
  });

  it('runs independent chains while a blocked one sends nothing', async () => {
    const started = await startSim();
    sim = started.sim;
    const resources = recoverResources(await rdsWindow(started.clients, 'orders-db'));
    const p = plan(resources, [
      { resourceId: 'orders-db', restoreTime: '2020-01-01T00:00:00Z' },
      { resourceId: 'crm-db' },
    ]);
    expect(p.runnable).toBe(true);
    const journal = new MemoryJournal();
    const executor = new RecoveryExecutor({
      clients: started.clients,
      journal,
      incidentId: INCIDENT,
      actor: 'test',
      run: await confirmed(journal, p),
      poll: FAST_POLL,
    });
    const run = await executor.start();
    const sent = journal.ofType('recover.call.started').map((e) => e.data.resourceId);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((id) => id === resources[3]!.id)).toBe(true);
    expect(run.status).toBe('completed');
  });

  it('cannot send anything outside the registry, nor a clean-up delete, and nothing reaches the simulator', async () => {
    const started = await startSim();
    sim = started.sim;
    const clients = recoveryClients(started.clients);
    const before = started.requests();
    await expect(
      sendCall(clients, 'rds', REGIONS.secondary, 'ModifyDBInstance', { DBInstanceIdentifier: 'x' }),
    ).rejects.toMatchObject({ code: 'OPERATION_NOT_ALLOWED' });
    const rds = clients.rds(REGIONS.secondary) as RDSClient;
    await expect(
      rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'billing-db-usw2' })),
    ).rejects.toMatchObject({ code: 'OPERATION_NOT_ALLOWED' });
    await expect(
      rds.send(
        new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'billing-db-usw2', SkipFinalSnapshot: true }),
      ),
    ).rejects.toMatchObject({ code: 'OPERATION_NOT_ALLOWED' });
    expect(started.requests()).toBe(before);
  });

  it('plans only registered read or create operations, for every strategy', () => {
    const resources = recoverResources({
      arn: 'arn:aws:rds:us-west-2:123456789012:auto-backup:ab-1',
      earliest: '2026-11-20T00:00:00Z',
      latest: '2026-11-26T03:55:00Z',
    });
    const strategies = new Set<string>();
    for (const r of resources) {
      for (const o of r.options) {
        const p = plan(resources, [{ resourceId: r.id, strategy: o.data.strategy }], { facts: OPEN_FACTS });
        for (const c of p.chains.flatMap((x) => x.actions).flatMap((a) => a.calls)) {
          const op = findOperation(c.service as AwsService, `${c.operation}Command`);
          expect(op, `${c.service} ${c.operation}`).toBeDefined();
          expect(['read', 'create']).toContain(op!.kind);
        }
        strategies.add(o.data.strategy);
      }
    }
    expect(strategies.size).toBeGreaterThan(6);
    expect(STRATEGY_IDS.length).toBe(13);
  });
});
