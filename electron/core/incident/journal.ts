import { open, readdir, readFile, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../api/errors';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { findCredentialField } from './credential-fields';
import { ENTRY } from './entry-types';
import { hashEntry, serializeEntry } from './journal-hash';
import { GENESIS_HASH, type JournalAppend, type JournalEntry, type JournalIntegrity } from './types';
import { checkWitness, scanJournal, type JournalWitness } from './verify-journal';

/** Options of {@link Journal.open} and {@link Journal.create}. */
export interface JournalOptions {
  /** Clock for entry times (tests). */
  now?: () => Date;
  /** Called with every committed entry, in order, before the append is acknowledged. */
  onCommit?: (entries: JournalEntry[]) => void;
  /**
   * A file beside the journal recording the last acknowledged head (`{ seq, hash }`), written at
   * most once a second and on close. Opening checks the journal still reaches it, so entries cut
   * from the end are detected (the chain alone cannot show a shortened file).
   */
  witnessFile?: string;
}

/** How long the witness may lag the journal (it is written off the acknowledgement path). */
const WITNESS_DELAY_MS = 1000;

async function readWitness(file: string | undefined): Promise<JournalWitness | null> {
  if (!file) return null;
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<JournalWitness>;
    return typeof value.seq === 'number' && typeof value.hash === 'string'
      ? { seq: value.seq, hash: value.hash }
      : null;
  } catch {
    return null;
  }
}

/** Remove temporary witness files a crash left behind. */
async function removeStaleTemps(file: string | undefined): Promise<void> {
  if (!file) return;
  const prefix = `.${path.basename(file)}.`;
  const names = await readdir(path.dirname(file)).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith('.tmp'))
      await unlink(path.join(path.dirname(file), name)).catch(() => undefined);
  }
}

interface Pending {
  items: JournalAppend[];
  resolve: (entries: JournalEntry[]) => void;
  reject: (error: unknown) => void;
}

/**
 * One incident's append-only journal: a JSON-lines file of hash-chained entries.
 *
 * An append resolves only after the entry is written and `fdatasync`ed; appends that arrive while a
 * write is in flight are committed together (group commit). Opening verifies the chain: a torn
 * last line is cut and the cut is journaled as a warning; a break earlier in the file makes the
 * journal read-only (`TAMPERED`) and it is never repaired.
 */
export class Journal {
  private queue: Pending[] = [];
  private writing = false;
  private failure: Error | null = null;
  private witnessTimer: ReturnType<typeof setTimeout> | null = null;
  private witnessWrite: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly file: string,
    private handle: FileHandle | null,
    private readonly all: JournalEntry[],
    private size: number,
    readonly integrity: JournalIntegrity,
    private readonly options: JournalOptions,
  ) {}

  /** Create a new journal whose first entry is `first` (fails if the file exists). */
  static async create(file: string, first: JournalAppend, options: JournalOptions = {}): Promise<Journal> {
    const entry = buildEntry(normalizeAppend(first), 1, GENESIS_HASH, (options.now ?? (() => new Date()))());
    const line = serializeEntry(entry);
    await writeFileAtomic(file, line, { exclusive: true, mode: 0o600 });
    const handle = await open(file, 'a+', 0o600);
    options.onCommit?.([entry]);
    const journal = new Journal(file, handle, [entry], Buffer.byteLength(line), okIntegrity(), options);
    await journal.writeWitness();
    return journal;
  }

  /**
   * Open an existing journal for appending: verify the chain, cut a torn last line (journaling the
   * cut), or open read-only when the chain is broken.
   */
  static async open(file: string, options: JournalOptions = {}): Promise<Journal> {
    const buffer = await readFile(file);
    const scan = scanJournal(buffer);
    if (!scan.broken)
      scan.broken = checkWitness(scan.entries, scan.validBytes, await readWitness(options.witnessFile));
    await removeStaleTemps(options.witnessFile);
    if (scan.broken) {
      const integrity: JournalIntegrity = {
        status: 'tampered',
        message: `The journal was altered at line ${scan.broken.line}: ${scan.broken.reason}. The incident is read-only; keep the file as evidence and continue in a new incident.`,
        broken: scan.broken,
        tornBytesCut: 0,
      };
      options.onCommit?.(scan.entries);
      return new Journal(file, null, scan.entries, scan.validBytes, integrity, options);
    }
    const handle = await open(file, 'r+');
    await handle.chmod(0o600).catch(() => undefined);
    if (scan.torn) {
      await handle.truncate(scan.validBytes);
      await handle.sync();
    }
    await handle.close();
    const appendHandle = await open(file, 'a+', 0o600);
    options.onCommit?.(scan.entries);
    const integrity = scan.torn
      ? {
          status: 'repaired' as const,
          message: `A torn last line (${scan.torn.bytes} bytes, cut off by a crash before it was acknowledged) was removed when the journal was reopened.`,
          broken: null,
          tornBytesCut: scan.torn.bytes,
        }
      : okIntegrity();
    const journal = new Journal(file, appendHandle, scan.entries, scan.validBytes, integrity, options);
    if (scan.torn) {
      await journal.append({
        type: ENTRY.journalWarning,
        actor: 'system',
        data: {
          message: integrity.message,
          reason: 'torn-tail',
          bytesCut: scan.torn.bytes,
          offset: scan.torn.offset,
        },
      });
    }
    return journal;
  }

  /** Every verified entry, in order (do not mutate). */
  entries(): readonly JournalEntry[] {
    return this.all;
  }

  /** The last entry, or `null` for an empty journal. */
  head(): JournalEntry | null {
    return this.all[this.all.length - 1] ?? null;
  }

  /** True when the journal refuses appends (tampered, failed, or closed). */
  get readOnly(): boolean {
    return this.handle === null || this.failure !== null || this.closed;
  }

  /**
   * Append entries; resolves with them (seq, time and hash assigned) once they are on disk.
   * Entries of one call are committed together and in order.
   */
  append(items: JournalAppend | JournalAppend[]): Promise<JournalEntry[]> {
    const refusal = this.refusal();
    if (refusal) return Promise.reject(refusal);
    let list: JournalAppend[];
    try {
      list = (Array.isArray(items) ? items : [items]).map(normalizeAppend);
    } catch (error) {
      return Promise.reject(error);
    }
    if (list.length === 0) return Promise.resolve([]);
    return new Promise<JournalEntry[]>((resolve, reject) => {
      this.queue.push({ items: list, resolve, reject });
      void this.drain();
    });
  }

  /** Finish pending appends, record the head in the witness, and close the file. */
  async close(): Promise<void> {
    while (this.writing || this.queue.length > 0) await new Promise((r) => setImmediate(r));
    if (this.witnessTimer) clearTimeout(this.witnessTimer);
    this.witnessTimer = null;
    if (this.handle && !this.failure && !this.closed) await this.writeWitness();
    this.closed = true;
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  private scheduleWitness(): void {
    if (!this.options.witnessFile || this.witnessTimer) return;
    this.witnessTimer = setTimeout(() => {
      this.witnessTimer = null;
      void this.writeWitness();
    }, WITNESS_DELAY_MS);
    this.witnessTimer.unref?.();
  }

  /** Write the witness of the current (acknowledged) head; failures only weaken the check. */
  private writeWitness(): Promise<void> {
    const file = this.options.witnessFile;
    const head = this.head();
    if (!file || !head) return this.witnessWrite;
    const text = `${JSON.stringify({ seq: head.seq, hash: head.hash })}\n`;
    this.witnessWrite = this.witnessWrite.then(() => writeFileAtomic(file, text)).catch(() => undefined);
    return this.witnessWrite;
  }

  private refusal(): AppError | null {
    if (this.integrity.status === 'tampered') {
      return new AppError('TAMPERED', this.integrity.message ?? 'The journal was altered; it is read-only.', {
        file: this.file,
        broken: this.integrity.broken,
      });
    }
    if (this.failure) {
      return new AppError(
        'INTERNAL',
        `The journal could not be written (${this.failure.message}); nothing after that was acknowledged. Free disk space or fix permissions, then reopen the incident.`,
        { file: this.file },
      );
    }
    if (this.closed || this.handle === null) {
      return new AppError('UNAVAILABLE', 'The journal is closed; reopen the incident.', { file: this.file });
    }
    return null;
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        const refusal = this.refusal();
        if (refusal) {
          for (const p of batch) p.reject(refusal);
          continue;
        }
        try {
          const results = await this.commit(batch);
          batch.forEach((p, i) => p.resolve(results[i]!));
        } catch (error) {
          this.failure = error instanceof Error ? error : new Error(String(error));
          for (const p of batch) p.reject(this.refusal() ?? error);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private async commit(batch: Pending[]): Promise<JournalEntry[][]> {
    const handle = this.handle!;
    await this.adoptExternalAppends(handle);
    const now = (this.options.now ?? (() => new Date()))();
    let head = this.head();
    const results: JournalEntry[][] = [];
    const lines: string[] = [];
    for (const pending of batch) {
      const built: JournalEntry[] = [];
      for (const item of pending.items) {
        const entry = buildEntry(item, (head?.seq ?? 0) + 1, head?.hash ?? GENESIS_HASH, now);
        built.push(entry);
        lines.push(serializeEntry(entry));
        head = entry;
      }
      results.push(built);
    }
    const bytes = Buffer.from(lines.join(''), 'utf8');
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
      written += bytesWritten;
    }
    await handle.datasync();
    this.size += bytes.length;
    const flat = results.flat();
    for (const entry of flat) this.all.push(entry);
    this.options.onCommit?.(flat);
    this.scheduleWitness();
    return results;
  }

  /** Another process (the CLI beside the app) appended: verify and adopt its entries first. */
  private async adoptExternalAppends(handle: FileHandle): Promise<void> {
    const { size } = await handle.stat();
    if (size === this.size) return;
    const buffer = Buffer.alloc(size - this.size);
    if (buffer.length > 0) await handle.read(buffer, 0, buffer.length, this.size);
    const head = this.head();
    const scan = scanJournal(buffer, {
      seq: head?.seq ?? 0,
      hash: head?.hash ?? GENESIS_HASH,
      line: this.all.length,
      offset: this.size,
    });
    if (size < this.size || scan.broken || scan.torn) {
      throw new Error(
        size < this.size
          ? 'the journal file shrank while it was open'
          : 'another program wrote to the journal file in a way that does not verify',
      );
    }
    for (const entry of scan.entries) this.all.push(entry);
    this.size = size;
    this.options.onCommit?.(scan.entries);
  }
}

function okIntegrity(): JournalIntegrity {
  return { status: 'ok', message: null, broken: null, tornBytesCut: 0 };
}

/**
 * Check an append and give its data a JSON round trip, so what is hashed is exactly what a reader
 * will parse back. Throws `INVALID_INPUT` for an empty type or actor, or data that is not JSON.
 */
function normalizeAppend(item: JournalAppend): JournalAppend & { data: Record<string, unknown> } {
  if (typeof item.type !== 'string' || !/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/.test(item.type)) {
    throw new AppError(
      'INVALID_INPUT',
      `A journal entry type must look like "domain.verb" in lower case (got "${String(item.type).slice(0, 60)}").`,
    );
  }
  if (typeof item.actor !== 'string' || item.actor.trim() === '') {
    throw new AppError(
      'INVALID_INPUT',
      'A journal entry needs an actor: the person (or "system") who did it.',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(JSON.stringify(item.data ?? {}));
  } catch (error) {
    throw new AppError('INVALID_INPUT', `A journal entry's data must be plain JSON: ${String(error)}.`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new AppError('INVALID_INPUT', "A journal entry's data must be a JSON object.");
  }
  const secret = findCredentialField(data);
  if (secret) {
    throw new AppError(
      'INVALID_INPUT',
      `Journal entries never carry credentials, and ${secret} looks like one; journal ids and results only.`,
      { field: secret },
    );
  }
  return { type: item.type, actor: item.actor.trim(), data: data as Record<string, unknown> };
}

function buildEntry(item: JournalAppend, seq: number, prev: string, now: Date): JournalEntry {
  const base = {
    seq,
    time: now.toISOString(),
    actor: item.actor,
    type: item.type,
    data: item.data ?? {},
    prev,
  };
  return { ...base, hash: hashEntry(base) };
}

/** Read and verify a journal without changing it (for `incident verify` and evidence packs). */
export async function inspectJournal(
  file: string,
  witnessFile?: string,
): Promise<{
  entries: JournalEntry[];
  integrity: JournalIntegrity;
}> {
  const scan = scanJournal(await readFile(file));
  if (!scan.broken) scan.broken = checkWitness(scan.entries, scan.validBytes, await readWitness(witnessFile));
  if (scan.broken) {
    return {
      entries: scan.entries,
      integrity: {
        status: 'tampered',
        message: `The journal was altered at line ${scan.broken.line}: ${scan.broken.reason}.`,
        broken: scan.broken,
        tornBytesCut: 0,
      },
    };
  }
  if (scan.torn) {
    return {
      entries: scan.entries,
      integrity: {
        status: 'torn',
        message: `The last line is torn (${scan.torn.bytes} bytes from a crash, never acknowledged); it will be cut when the incident is next opened.`,
        broken: null,
        tornBytesCut: scan.torn.bytes,
      },
    };
  }
  return { entries: scan.entries, integrity: okIntegrity() };
}
