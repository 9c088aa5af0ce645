import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { isDrillId } from './drill-id';

/** A drill longer than this is considered dead (the live poll gives up after 24 hours). */
export const MAX_DRILL_MS = 24 * 60 * 60_000;

/** The mark a running drill leaves in the data folder, so a sweep never removes what it is still using. */
export interface DrillLease {
  id: string;
  pid: number;
  host: string;
  /** ISO 8601 UTC (the AWS-side clock). */
  startedAt: string;
}

/** When a drill started, from its id (`drill-20261126-041509-ab12`), or null (PURE). */
export function drillStartOf(id: string): number | null {
  const m = /^drill-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-/.exec(id);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/**
 * Why a sweep must leave a drill's resources alone (PURE), or null to remove them: the drill is
 * running in a live process on this machine, or it started less than 24 hours ago somewhere a
 * lease cannot be checked (another machine or data folder). A drill whose process died is fair game.
 */
export function inFlightReason(
  id: string,
  lease: DrillLease | undefined,
  facts: { now: number; host: string; alive: (pid: number) => boolean },
): string | null {
  if (lease && lease.host === facts.host)
    return facts.alive(lease.pid)
      ? `drill ${id} is still running (process ${lease.pid} on this machine)`
      : null;
  const started = lease ? Date.parse(lease.startedAt) : drillStartOf(id);
  if (started === null || Number.isNaN(started)) return null;
  const age = facts.now - started;
  if (age < MAX_DRILL_MS)
    return `drill ${id} started ${Math.round(age / 60_000)} min ago${lease ? ` on ${lease.host}` : ' elsewhere'} and may still be running; run the clean-up again once it has ended`;
  return null;
}

/** True when a process of this machine is alive. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Leases of running drills in `<dataDir>/drills/running/`. */
export class DrillLeases {
  readonly dir: string;

  constructor(drillsDir: string) {
    this.dir = path.join(drillsDir, 'running');
  }

  /** Mark a drill as running in this process. */
  async take(id: string, startedAt: string): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const lease: DrillLease = { id, pid: process.pid, host: os.hostname(), startedAt };
    await writeFileAtomic(path.join(this.dir, `${id}.json`), `${JSON.stringify(lease)}\n`);
  }

  /** The drill ended (whatever its result). */
  async release(id: string): Promise<void> {
    await rm(path.join(this.dir, `${id}.json`), { force: true });
  }

  /** Every lease found, by drill id (unreadable files are ignored: they prove nothing). */
  async all(): Promise<Map<string, DrillLease>> {
    const leases = new Map<string, DrillLease>();
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      const id = name.replace(/\.json$/, '');
      if (!isDrillId(id)) continue;
      try {
        const lease = JSON.parse(await readFile(path.join(this.dir, name), 'utf8')) as DrillLease;
        if (lease.id === id && typeof lease.pid === 'number' && typeof lease.host === 'string')
          leases.set(id, lease);
      } catch {
        // A torn or foreign file: no lease.
      }
    }
    return leases;
  }

  /** The in-flight check of a sweep at this moment. */
  async inFlight(now: number): Promise<(id: string) => string | null> {
    const leases = await this.all();
    const host = os.hostname();
    return (id) => inFlightReason(id, leases.get(id), { now, host, alive: processAlive });
  }
}
