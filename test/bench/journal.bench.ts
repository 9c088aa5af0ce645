import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchCase } from './support/bench-case';
import { ENTRY } from '../../electron/core/incident/entry-types';
import { Journal } from '../../electron/core/incident/journal';
import { hashEntry, serializeEntry } from '../../electron/core/incident/journal-hash';
import { snapshotProcedure } from '../../electron/core/incident/procedure-snapshot';
import { foldEntries } from '../../electron/core/incident/reducer';
import { GENESIS_HASH, type IncidentState, type JournalEntry } from '../../electron/core/incident/types';
import { loadProcedure } from '../../electron/core/runbooks/load-procedure';
import { bundledRunbooksDirSync } from '../../electron/core/paths/package-root';

const SEQUENTIAL_APPENDS = 500;
const CONCURRENT_APPENDS = 2_000;
const CONCURRENCY = 16;
const FOLD_EVENTS = 100_000;
const FOLD_RUNS = 5;

const note = (i: number) => ({
  type: ENTRY.noteAdded,
  actor: 'Ana Ruiz',
  data: { text: `Bench note ${i}: restore of orders-db progressing, snapshot 63% copied.`, kind: 'note' },
});

/** Write a realistic 100,000-entry journal directly (declaration, notes, steps, AWS calls). */
export async function writeLargeJournal(file: string): Promise<void> {
  const procedure = snapshotProcedure(await loadProcedure(bundledRunbooksDirSync()));
  const lines: string[] = [];
  let prev = GENESIS_HASH;
  const start = Date.UTC(2026, 10, 26, 3, 0);
  for (let seq = 1; seq <= FOLD_EVENTS; seq += 1) {
    const kind = seq % 10;
    const item =
      seq === 1
        ? {
            type: ENTRY.declared,
            data: {
              id: 'DR-20261126-01',
              title: 'bench',
              severity: 'SEV1',
              commander: 'Ana Ruiz',
              mode: 'TABLETOP',
              targets: [],
              procedure,
            },
          }
        : kind < 5
          ? note(seq)
          : kind < 7
            ? {
                type: 'recover.call.started',
                data: {
                  callId: `c${seq}`,
                  service: 'rds',
                  operation: 'RestoreDBInstanceToPointInTime',
                  resourceId: `db-${seq % 300}`,
                },
              }
            : kind < 9
              ? {
                  type: 'recover.call.completed',
                  data: {
                    callId: `c${seq - 2}`,
                    requestId: `req-${seq}`,
                    service: 'rds',
                    operation: 'RestoreDBInstanceToPointInTime',
                    resourceId: `db-${seq % 300}`,
                  },
                }
              : { type: ENTRY.stepCompleted, data: { stepId: 'confirm-outage', evidence: `check ${seq}` } };
    const base = {
      seq,
      time: new Date(start + seq * 100).toISOString(),
      actor: 'Ana Ruiz',
      type: item.type,
      data: item.data,
      prev,
    };
    const entry: JournalEntry = { ...base, hash: hashEntry(base) };
    lines.push(serializeEntry(entry));
    prev = entry.hash;
  }
  await writeFile(file, lines.join(''), { mode: 0o600 });
}

/**
 * The journal: append latency with fsync (one writer, and 16 concurrent writers sharing group
 * commits), and the time to reopen, verify and fold an incident of 100,000 events (aim: < 1 s).
 */
export async function journalBench(): Promise<BenchCase[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-bench-journal-'));
  try {
    const sequential: number[] = [];
    const journal = await Journal.create(path.join(dir, 'append.jsonl'), note(0));
    for (let i = 0; i < 20; i += 1) await journal.append(note(i)); // warm-up
    for (let i = 0; i < SEQUENTIAL_APPENDS; i += 1) {
      const t0 = performance.now();
      await journal.append(note(i));
      sequential.push(performance.now() - t0);
    }
    const concurrent: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < CONCURRENT_APPENDS) {
        const i = next++;
        const t0 = performance.now();
        await journal.append(note(i));
        concurrent.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await journal.close();

    const big = path.join(dir, 'big.jsonl');
    await writeLargeJournal(big);
    const fold: number[] = [];
    for (let run = 0; run < FOLD_RUNS; run += 1) {
      const t0 = performance.now();
      let state: IncidentState | null = null;
      const reopened = await Journal.open(big, {
        onCommit: (entries) => {
          state = foldEntries(state, entries);
        },
      });
      fold.push(performance.now() - t0);
      if ((state as IncidentState | null)?.counts.entries !== FOLD_EVENTS)
        throw new Error('the fold lost entries');
      await reopened.close();
    }
    return [
      {
        name: 'journal append, one writer (write + fdatasync per entry)',
        unit: 'ms',
        samples: sequential,
        note: `${SEQUENTIAL_APPENDS} appends, each acknowledged after fdatasync; read p50/p99.`,
      },
      {
        name: `journal append, ${CONCURRENCY} concurrent writers (group commit)`,
        unit: 'ms',
        samples: concurrent,
        note: `${CONCURRENT_APPENDS} appends; entries arriving during a write share the next fdatasync.`,
      },
      {
        name: `journal reopen + verify chain + fold, ${FOLD_EVENTS.toLocaleString('en')} events`,
        unit: 'ms',
        samples: fold,
        note: 'Aim: under 1,000 ms. Includes reading the file, SHA-256 of every entry and the reducer.',
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
