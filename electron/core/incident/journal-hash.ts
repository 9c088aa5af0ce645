import { createHash } from 'node:crypto';
import type { JournalEntry } from './types';

/** The SHA-256 (hex) of an entry's fields chained to `prev`: what `hash` must equal. */
export function hashEntry(entry: Omit<JournalEntry, 'hash'>): string {
  return createHash('sha256')
    .update(JSON.stringify([entry.seq, entry.time, entry.actor, entry.type, entry.data, entry.prev]))
    .digest('hex');
}

/** One journal line (with its newline) for an entry. */
export function serializeEntry(entry: JournalEntry): string {
  return `${JSON.stringify({
    seq: entry.seq,
    time: entry.time,
    actor: entry.actor,
    type: entry.type,
    data: entry.data,
    prev: entry.prev,
    hash: entry.hash,
  })}\n`;
}
