import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RestoreDBInstanceFromDBSnapshotCommand } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients, TAG_INCIDENT } from '../../../electron/core/aws';
import { drillResourceName } from '../../../electron/core/drill/drill-id';
import { drillBench, type DrillBench } from './support';

const ID = 'drill-20261126-140000-2b2b';

describe('a sweep and a drill still running', () => {
  let bench: DrillBench;

  beforeAll(async () => {
    bench = await drillBench();
    // A drill of this process (its lease is in the data folder) has restored a test instance.
    const aws = createAwsClients({ mode: 'TABLETOP', simulator: bench.sim.requestHandler });
    await aws.rds('us-west-2').send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: drillResourceName(ID, 'rds'),
        DBSnapshotIdentifier: 'orders-db-weekly-2026-11-23-usw2',
        DBSubnetGroupName: 'dr-db',
        Tags: [{ Key: TAG_INCIDENT, Value: ID }],
      }),
    );
    aws.destroy();
    await bench.core.drill.leases.take(ID, bench.sim.clock.now().toISOString());
  });
  afterAll(() => bench.close());

  it('leaves its resources in place while its process lives, and removes them once the process is gone', async () => {
    const first = await bench.core.drill.cleanup();
    expect(first.cleanedUp).toEqual([]);
    expect(first.leftovers).toEqual([
      expect.objectContaining({
        id: drillResourceName(ID, 'rds'),
        reason: expect.stringContaining('still running (process'),
      }),
    ]);
    // The process dies (its lease stays behind): the next sweep removes what it left.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(
      path.join(bench.core.drill.leases.dir, `${ID}.json`),
      JSON.stringify({
        id: ID,
        pid: dead,
        host: os.hostname(),
        startedAt: bench.sim.clock.now().toISOString(),
      }),
    );
    const second = await bench.core.drill.cleanup();
    expect(second.leftovers).toEqual([]);
    expect(second.cleanedUp).toEqual([
      expect.objectContaining({ id: drillResourceName(ID, 'rds'), drillId: ID }),
    ]);
  });
});
