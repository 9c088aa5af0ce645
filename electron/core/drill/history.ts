import {
  drillServices,
  type DrillHistory,
  type DrillHistoryEntry,
  type DrillQuarter,
  type DrillRecord,
} from '../api/calls/drill';

/** The history line of one record (PURE). */
export function historyEntry(r: DrillRecord, file: string): DrillHistoryEntry {
  return {
    id: r.id,
    startedAt: r.startedAt,
    quarter: r.quarter,
    status: r.status,
    mode: r.mode,
    services: r.services.map((s) => ({
      service: s.service,
      status: s.status,
      rtoMinutes: s.rtoMinutes,
      rpoMinutes: s.rpoMinutes,
    })),
    leftovers: r.services.reduce((n, s) => n + s.leftovers.length, 0) + r.sweep.leftovers.length,
    file,
  };
}

/** Results per quarter, oldest first (PURE): drills run, passed, failed, and per service. */
export function quartersOf(entries: readonly DrillHistoryEntry[]): DrillQuarter[] {
  const byQuarter = new Map<string, DrillQuarter>();
  for (const e of entries) {
    let q = byQuarter.get(e.quarter);
    if (!q) {
      q = {
        quarter: e.quarter,
        drills: 0,
        passed: 0,
        failed: 0,
        byService: Object.fromEntries(
          drillServices.map((s) => [s, { pass: 0, fail: 0 }]),
        ) as DrillQuarter['byService'],
      };
      byQuarter.set(e.quarter, q);
    }
    q.drills += 1;
    if (e.status === 'pass') q.passed += 1;
    else q.failed += 1;
    for (const s of e.services) q.byService[s.service][s.status] += 1;
  }
  return [...byQuarter.values()].sort((a, b) => a.quarter.localeCompare(b.quarter));
}

/** The history from records (PURE): newest first, with quarters. */
export function buildHistory(
  records: readonly { record: DrillRecord; file: string }[],
  problems: string[] = [],
): DrillHistory {
  const entries = records
    .map((r) => historyEntry(r.record, r.file))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return { entries, quarters: quartersOf(entries), problems };
}
