import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decideCleanup } from '../../../../electron/core/drill/ownership';
import {
  DrillLeases,
  drillStartOf,
  inFlightReason,
  MAX_DRILL_MS,
} from '../../../../electron/core/drill/drill-lease';

const ID = 'drill-20261126-040000-abcd';
const START = Date.UTC(2026, 10, 26, 4, 0, 0);
const here = { host: 'this-host', alive: (pid: number) => pid === 111 };

describe('drills in flight', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it('reads the start time from the id', () => {
    expect(drillStartOf(ID)).toBe(START);
    expect(drillStartOf('INC-1')).toBeNull();
  });

  it('a live process on this machine keeps its resources; a dead one does not', () => {
    const lease = { id: ID, pid: 111, host: 'this-host', startedAt: new Date(START).toISOString() };
    expect(inFlightReason(ID, lease, { ...here, now: START + 60_000 })).toContain(
      'still running (process 111',
    );
    expect(inFlightReason(ID, { ...lease, pid: 222 }, { ...here, now: START + 60_000 })).toBeNull();
  });

  it('without a lease to check, a drill younger than 24 hours may still be running elsewhere', () => {
    expect(inFlightReason(ID, undefined, { ...here, now: START + 10 * 60_000 })).toContain(
      'started 10 min ago elsewhere',
    );
    expect(inFlightReason(ID, undefined, { ...here, now: START + MAX_DRILL_MS + 1 })).toBeNull();
    const remote = { id: ID, pid: 111, host: 'other-host', startedAt: new Date(START).toISOString() };
    expect(inFlightReason(ID, remote, { ...here, now: START + 60_000 })).toContain('on other-host');
  });

  it('a sweep refuses what a running drill still uses', () => {
    const described = {
      exists: true as const,
      state: 'creating',
      tags: [{ Key: 'dr-war-room:incident', Value: ID }],
    };
    const d = decideCleanup(described, { anyDrill: true, inFlight: () => 'drill is running' });
    expect(d).toEqual({ action: 'refuse', reason: 'left in place: drill is running' });
    expect(decideCleanup(described, { anyDrill: true, inFlight: () => null })).toEqual({
      action: 'delete',
      drillId: ID,
    });
  });

  it('takes, lists and releases leases in the data folder; ignores foreign files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-lease-'));
    dirs.push(dir);
    const leases = new DrillLeases(dir);
    await leases.take(ID, new Date(START).toISOString());
    await writeFile(path.join(leases.dir, 'notes.txt'), 'x');
    await writeFile(path.join(leases.dir, 'drill-20261126-050000-ffff.json'), '{torn');
    const all = await leases.all();
    expect([...all.keys()]).toEqual([ID]);
    expect(all.get(ID)?.pid).toBe(process.pid);
    const check = await leases.inFlight(START + 60_000);
    expect(check(ID)).toContain(`process ${process.pid}`);
    await leases.release(ID);
    expect((await leases.all()).size).toBe(0);
  });
});
