import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { DrillRecord, DrillSweep } from '../../../electron/core/api/calls/drill';
import { describeResource } from '../../../electron/core/drill/cleanup';
import { tabletopStateFile } from '../../../electron/core/tabletop/tabletop-account';
import { drillBench } from './support';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'kill-child.ts');

/** Start the drilling child and resolve with the drill id once its restores are requested. */
function startChild(dataDir: string): Promise<{ id: string; kill: () => Promise<void> }> {
  const p = spawn(process.execPath, ['--import', 'tsx', child, dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  p.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((resolve) => p.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /WAITING (\S+)/.exec(out);
      if (m) resolve({ id: m[1]!, kill: async () => void (p.kill('SIGKILL'), await exited) });
      if (out.includes('FINISHED')) reject(new Error('the child finished before it could be killed'));
    });
    p.once('exit', (code) => reject(new Error(`child exited (${code}) before waiting: ${err.slice(-2000)}`)));
  });
}

/** Wait until the saved tabletop account holds every tagged resource of the drill (the account is durable). */
async function savedWith(file: string, id: string, count: number): Promise<void> {
  for (;;) {
    const text = await readFile(file, 'utf8').catch(() => '');
    if (text.split(id).length - 1 >= count) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A new data folder whose tabletop account holds the resources of a drill killed while it waited. */
async function killedMidway(dirs: string[]): Promise<{ dataDir: string; id: string }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-drill-kill-'));
  dirs.push(dataDir);
  const { id, kill } = await startChild(dataDir);
  // RDS instance, EC2 instance and its root volume, DynamoDB table: four drill tags saved.
  await savedWith(tabletopStateFile(dataDir, 'healthy'), id, 4);
  await kill();
  return { dataDir, id };
}

describe('a drill killed midway', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('leaves tagged resources that the next run finds and removes', async () => {
    const { dataDir, id } = await killedMidway(dirs);

    const bench = await drillBench({ dataDir });
    try {
      const clients = await bench.core.session.clients();
      const sweep = await bench.call<DrillSweep>('drill.cleanup', {});
      const kinds = sweep.cleanedUp.filter((r) => r.drillId === id).map((r) => r.kind);
      expect(kinds).toEqual(expect.arrayContaining(['rds-instance', 'ec2-instance', 'dynamodb-table']));
      expect(sweep.leftovers).toEqual([]);
      for (const r of sweep.cleanedUp) {
        const d = await describeResource(clients, r);
        if (d.exists)
          expect(['deleting', 'DELETING', 'terminated', 'shutting-down', 'deleted']).toContain(d.state);
      }
      // A new drill afterwards finds nothing left and passes.
      const record = await bench.call<DrillRecord>('drill.run', { services: ['dynamodb'] });
      expect(record.sweep.leftovers).toEqual([]);
      expect(record.status).toBe('pass');
    } finally {
      await bench.close();
    }
  }, 120_000);

  it('a re-run of the drill itself cleans up what the killed one left', async () => {
    const { dataDir, id } = await killedMidway(dirs);
    const bench = await drillBench({ dataDir });
    try {
      const record = await bench.call<DrillRecord>('drill.run', {
        services: ['rds', 'ec2', 'dynamodb'],
        targets: { ec2: 'i-0a1b2c3d4e0000005' },
      });
      const fromKilled = record.sweep.cleanedUp.filter((r) => r.drillId === id).map((r) => r.kind);
      expect(fromKilled).toEqual(expect.arrayContaining(['rds-instance', 'ec2-instance', 'dynamodb-table']));
      expect(record.sweep.leftovers).toEqual([]);
      expect(record.status).toBe('pass');
    } finally {
      await bench.close();
    }
  }, 120_000);
});
