import { hashEntry } from './journal-hash';
import { GENESIS_HASH, type ChainBreak, type JournalEntry } from './types';

/** The result of reading journal text. */
export interface JournalScan {
  /** The entries that verify, in order (up to a break, if any). */
  entries: JournalEntry[];
  /** Bytes of the verified, newline-terminated prefix. */
  validBytes: number;
  /** An unterminated last fragment (a write cut by a crash): never acknowledged. */
  torn: { offset: number; bytes: number } | null;
  /** A line that fails verification before the end: the journal was altered. */
  broken: ChainBreak | null;
}

function isEntryShape(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.seq === 'number' &&
    typeof v.time === 'string' &&
    typeof v.actor === 'string' &&
    typeof v.type === 'string' &&
    typeof v.data === 'object' &&
    v.data !== null &&
    !Array.isArray(v.data) &&
    typeof v.prev === 'string' &&
    typeof v.hash === 'string'
  );
}

/**
 * Verify journal bytes: every line parses, `seq` counts up by one, `prev` is the previous hash and
 * `hash` matches. `start` continues a chain (for bytes appended after a known head).
 */
export function scanJournal(
  buffer: Uint8Array,
  start: { seq: number; hash: string; line: number; offset: number } = {
    seq: 0,
    hash: GENESIS_HASH,
    line: 0,
    offset: 0,
  },
): JournalScan {
  const entries: JournalEntry[] = [];
  const bytes = Buffer.isBuffer(buffer)
    ? buffer
    : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.length);
  let pos = 0;
  let line = start.line;
  let seq = start.seq;
  let prev = start.hash;
  while (pos < buffer.length) {
    const nl = buffer.indexOf(0x0a, pos);
    if (nl === -1) {
      return {
        entries,
        validBytes: pos,
        torn: { offset: start.offset + pos, bytes: buffer.length - pos },
        broken: null,
      };
    }
    line += 1;
    const fail = (reason: string): JournalScan => ({
      entries,
      validBytes: pos,
      torn: null,
      broken: { line, offset: start.offset + pos, reason },
    });
    let parsed: unknown;
    try {
      // Invalid UTF-8 decodes to U+FFFD, which then fails the hash check: still detected.
      parsed = JSON.parse(bytes.toString('utf8', pos, nl));
    } catch {
      return fail('the line is not valid JSON');
    }
    if (!isEntryShape(parsed)) return fail('the line is not a journal entry');
    if (parsed.seq !== seq + 1) return fail(`sequence ${parsed.seq} follows ${seq} (expected ${seq + 1})`);
    if (parsed.prev !== prev) return fail(`entry ${parsed.seq} does not chain to the previous entry's hash`);
    const entry: JournalEntry = {
      seq: parsed.seq,
      time: parsed.time,
      actor: parsed.actor,
      type: parsed.type,
      data: parsed.data,
      prev: parsed.prev,
      hash: parsed.hash,
    };
    if (hashEntry(entry) !== entry.hash) return fail(`entry ${parsed.seq}'s content does not match its hash`);
    entries.push(entry);
    seq = entry.seq;
    prev = entry.hash;
    pos = nl + 1;
  }
  return { entries, validBytes: pos, torn: null, broken: null };
}

/** The last acknowledged entry as recorded beside the journal (`head.json`). */
export interface JournalWitness {
  seq: number;
  hash: string;
}

/**
 * Compare verified entries with the witness of the last acknowledged head: a journal that no
 * longer reaches that entry, or holds a different one there, lost entries from its end.
 */
export function checkWitness(
  entries: readonly JournalEntry[],
  validBytes: number,
  witness: JournalWitness | null,
): ChainBreak | null {
  if (!witness) return null;
  const at = entries[witness.seq - 1];
  if (at && at.hash === witness.hash) return null;
  return {
    line: Math.min(entries.length, witness.seq) + 1,
    offset: validBytes,
    reason: at
      ? `entry ${witness.seq} is not the one acknowledged earlier (its hash differs from the recorded head)`
      : `the journal ends at entry ${entries.length}, but entry ${witness.seq} was acknowledged earlier: entries were removed from its end`,
  };
}
