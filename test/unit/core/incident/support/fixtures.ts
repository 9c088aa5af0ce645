import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ENTRY } from '../../../../../electron/core/incident/entry-types';
import { IncidentService } from '../../../../../electron/core/incident/incident-service';
import { hashEntry } from '../../../../../electron/core/incident/journal-hash';
import { snapshotProcedure } from '../../../../../electron/core/incident/procedure-snapshot';
import {
  GENESIS_HASH,
  type JournalEntry,
  type TierTarget,
} from '../../../../../electron/core/incident/types';
import type { AppEvent } from '../../../../../electron/core/api/events';
import { loadProcedure } from '../../../../../electron/core/runbooks/load-procedure';
import type { Procedure } from '../../../../../electron/core/runbooks/procedure-schema';
import { bundledRunbooksDirSync } from '../../../../../electron/core/paths/package-root';
import { TEST_DECLARATION } from '../../../../fixtures/incident/declaration';

/** The bundled DR procedure. */
export function bundledProcedure(): Promise<Procedure> {
  return loadProcedure(bundledRunbooksDirSync());
}

/** Two tiers like the backup policy's. */
export const TIERS: TierTarget[] = [
  { id: 'critical', title: 'Critical', rtoMinutes: 120, rpoMinutes: 15 },
  { id: 'standard', title: 'Standard', rtoMinutes: 480, rpoMinutes: 1440 },
];

/** Build a valid hash chain from partial entries (times a minute apart from 03:00Z). */
export function chain(
  items: Array<{ type: string; actor?: string; data?: Record<string, unknown> }>,
): JournalEntry[] {
  const out: JournalEntry[] = [];
  let prev = GENESIS_HASH;
  items.forEach((item, i) => {
    const base = {
      seq: i + 1,
      time: new Date(Date.UTC(2026, 10, 26, 3, i)).toISOString(),
      actor: item.actor ?? 'Ana Ruiz',
      type: item.type,
      data: item.data ?? {},
      prev,
    };
    const entry = { ...base, hash: hashEntry(base) };
    out.push(entry);
    prev = entry.hash;
  });
  return out;
}

/** The declaration entry's data for the bundled procedure. */
export async function declaredData(
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  return {
    ...TEST_DECLARATION,
    targets: TIERS,
    procedure: snapshotProcedure(await bundledProcedure()),
    ...overrides,
  };
}

/** A declaration entry item. */
export async function declared(overrides: Record<string, unknown> = {}) {
  return { type: ENTRY.declared, data: await declaredData(overrides) };
}

/** A temporary data folder, and a service over it with a controllable clock and recorded events. */
export async function tempService(options: { tiers?: () => Promise<TierTarget[]> } = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-incident-'));
  const events: AppEvent[] = [];
  const clock = { now: new Date('2026-11-26T03:15:00.000Z') };
  const procedure = await bundledProcedure();
  const make = () =>
    new IncidentService({
      dataDir,
      procedure: async () => procedure,
      tiers: options.tiers ?? (async () => TIERS),
      mode: () => ({ mode: 'TABLETOP', scenario: 'us-east-1-outage' }),
      emit: (event) => events.push(event),
      now: () => clock.now,
    });
  const service = make();
  return {
    dataDir,
    service,
    events,
    clock,
    /** A second service over the same folder (a restart). */
    reopen: make,
    cleanup: async () => {
      await service.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
