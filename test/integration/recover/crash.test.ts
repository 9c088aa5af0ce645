import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
} from '@aws-sdk/client-ec2';
import { afterAll, describe, expect, it } from 'vitest';
import { createAwsClients, TAG_INCIDENT } from '../../../electron/core/aws';
import { foldRun } from '../../../electron/core/recover/run-reducer';
import type { RunEntry } from '../../../electron/core/recover/entry-types';
import { createSimulator, type SimulatorState } from '../../../electron/simulator';
import { recoverResources } from '../../fixtures/recover/resources';
import { INCIDENT, plan, rdsWindow, REGIONS, startSim } from './support';

const child = path.join(import.meta.dirname, 'crash-child.ts');
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** A small seeded generator (the kill points are random but reproducible). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Run the child; with `killDelayMs`, SIGKILL it that long after it first wrote to the journal
 * (so kills land while it works, not while it starts).
 */
function runChild(
  dir: string,
  killDelayMs: number | null,
): Promise<{ code: number | null; killed: boolean; out: string }> {
  const journal = path.join(dir, 'journal.jsonl');
  const sizeNow = () => {
    try {
      return statSync(journal).size;
    } catch {
      return 0;
    }
  };
  const startSize = sizeNow();
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    let killed = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const watch =
      killDelayMs === null
        ? null
        : setInterval(() => {
            if (sizeNow() <= startSize || timer) return;
            timer = setTimeout(() => {
              killed = true;
              p.kill('SIGKILL');
            }, killDelayMs);
          }, 5);
    p.on('exit', (code) => {
      if (watch) clearInterval(watch);
      if (timer) clearTimeout(timer);
      resolve({ code, killed, out });
    });
  });
}

describe('resume after a crash', () => {
  it('kills the recovering process at random points and restarts it: every target is created exactly once', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-crash-'));
    dirs.push(dir);
    const started = await startSim({ mutate: (s) => delete s.faults });
    const resources = recoverResources(await rdsWindow(started.clients, 'orders-db'));
    started.sim.close();
    const p = plan(resources, [
      { resourceId: 'web-1', strategy: 'ec2-ami-copy-launch' },
      { resourceId: resources[5]!.id },
      { resourceId: 'orders-db' },
      { resourceId: 'crm-db' },
      { resourceId: 'acme-orders' },
    ]);
    expect(p.runnable).toBe(true);
    await writeFile(path.join(dir, 'plan.json'), JSON.stringify(p));

    const random = rng(20261126);
    let kills = 0;
    let killedMidRun = 0;
    let finished = false;
    for (let round = 0; round < 40 && !finished; round += 1) {
      const killAt = round < 8 ? Math.floor(random() * 700) : null;
      const result = await runChild(dir, killAt);
      if (result.killed) {
        kills += 1;
        const journal = await readFile(path.join(dir, 'journal.jsonl'), 'utf8').catch(() => '');
        const folded = foldRun(
          journal
            .split('\n')
            .filter(Boolean)
            .flatMap((l) => {
              try {
                return [JSON.parse(l) as RunEntry];
              } catch {
                return [];
              }
            }),
        );
        if (
          Object.values(folded.actions).some(
            (a) => a.state === 'running' || a.state === 'waiting' || a.state === 'queued',
          )
        )
          killedMidRun += 1;
      } else {
        expect(result.out, result.out).toContain('completed');
        finished = true;
      }
    }
    expect(finished).toBe(true);
    expect(kills).toBeGreaterThan(3);
    expect(killedMidRun).toBeGreaterThanOrEqual(2);

    const entries = (await readFile(path.join(dir, 'journal.jsonl'), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as RunEntry);
    const run = foldRun(entries);
    expect(run.status).toBe('completed');

    const state = JSON.parse(await readFile(path.join(dir, 'sim-state.json'), 'utf8')) as SimulatorState;
    const sim = await createSimulator({ state });
    const clients = createAwsClients({ mode: 'TABLETOP', simulator: sim.requestHandler });
    const ec2 = clients.ec2(REGIONS.secondary);
    const ours = [{ Name: `tag:${TAG_INCIDENT}`, Values: [INCIDENT] }];
    const images = await ec2.send(new DescribeImagesCommand({ Owners: ['self'], Filters: ours }));
    expect(images.Images).toHaveLength(1);
    const reservations = await ec2.send(new DescribeInstancesCommand({ Filters: ours }));
    expect(reservations.Reservations?.flatMap((r) => r.Instances ?? [])).toHaveLength(1);
    const snapshots = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: ours }));
    // The AMI copy tags the snapshots behind it too: those belong to the one image; apart from
    // them, the EBS chain's snapshot copy exists exactly once.
    const behindImage = new Set(
      images.Images?.flatMap((i) => i.BlockDeviceMappings ?? []).flatMap((m) => m.Ebs?.SnapshotId ?? []),
    );
    expect(snapshots.Snapshots?.filter((s) => !behindImage.has(s.SnapshotId ?? ''))).toHaveLength(1);
    expect(snapshots.Snapshots?.filter((s) => behindImage.has(s.SnapshotId ?? ''))).toHaveLength(
      behindImage.size,
    );
    const volumeName = p.chains.find((c) => c.resource.kind === 'volume')!.targetName;
    const volumes = await ec2.send(
      new DescribeVolumesCommand({ Filters: [...ours, { Name: 'tag:Name', Values: [volumeName] }] }),
    );
    expect(volumes.Volumes).toHaveLength(1);
    const dbs = await clients.rds(REGIONS.secondary).send(new DescribeDBInstancesCommand({}));
    const restored = (dbs.DBInstances ?? []).filter((d) =>
      d.DBInstanceIdentifier?.endsWith('-dr-20261126-01'),
    );
    expect(restored.map((d) => d.DBInstanceIdentifier).sort()).toEqual([
      'crm-db-dr-20261126-01',
      'orders-db-dr-20261126-01',
    ]);
    sim.close();
  });
});
