/**
 * The open incidents of one data folder: finding and opening their journals (once each), running
 * commands one at a time per incident, folding committed entries into state and announcing them,
 * and the active-incident marker. The I/O edge under {@link IncidentService}.
 */
import { access, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { IncidentView } from '../api/calls/incident';
import { AppError } from '../api/errors';
import type { AppEvent } from '../api/events';
import { ensurePrivateDir } from '../fs/ensure-private-dir';
import type { StageId } from '../runbooks/procedure-schema';
import { readActiveIncident, writeActiveIncident } from './active-incident';
import { incidentId, isIncidentId } from './incident-id';
import { Journal, type JournalOptions } from './journal';
import { foldEntries } from './reducer';
import type { IncidentState, JournalAppend, JournalEntry } from './types';

/** One open incident: its journal, the state folded from it, and the stage of each entry. */
export interface IncidentHandle {
  /** The incident id (its folder name). */
  id: string;
  /** Its journal file. */
  file: string;
  /** The open journal (`null` until opened). */
  journal: Journal | null;
  /** The fold of every committed entry (`null` before the declaration). */
  state: IncidentState | null;
  /** The stage the incident was in right after each entry, by entry index. */
  stages: StageId[];
  /** The tail of the incident's command queue. */
  lock: Promise<unknown>;
  /** True while the journal is being read: entries committed then are folded, not announced. */
  loading: boolean;
}

/** What the store needs: the data folder, where events go, and the clock. */
export interface IncidentStoreOptions {
  /** Where `incidents/` lives. */
  dataDir: string;
  /** Where entries and activity are announced. */
  emit: (event: AppEvent) => void;
  /** Clock. */
  now: () => Date;
}

/** The folded state of a handle; `DATA_FILE_INVALID` when its journal has no declaration. */
export function requireState(handle: IncidentHandle): IncidentState {
  if (!handle.state) {
    throw new AppError(
      'DATA_FILE_INVALID',
      `The journal of ${handle.id} has no declaration entry, so the incident cannot be shown. Keep the file and run \`dr-war-room incident verify ${handle.id}\`.`,
      { incidentId: handle.id },
    );
  }
  return handle.state;
}

/** The open journal of a handle; `UNAVAILABLE` when it is not open. */
export function journalOf(handle: IncidentHandle): Journal {
  if (!handle.journal) throw new AppError('UNAVAILABLE', `The journal of ${handle.id} is not open.`);
  return handle.journal;
}

/**
 * Every incident of `<dataDir>/incidents/`, each opened once and kept open. Every entry committed
 * after opening is emitted as `{ type: 'incident.entry', incidentId, entry }`; a change of the
 * active incident as `{ type: 'incident.active', incidentId }`.
 */
export class IncidentStore {
  private readonly handles = new Map<string, Promise<IncidentHandle>>();
  private lastActive: string | null = null;

  constructor(private readonly options: IncidentStoreOptions) {}

  /** The folder holding every incident. */
  get incidentsDir(): string {
    return path.join(this.options.dataDir, 'incidents');
  }

  /** The journal file of an incident. */
  journalPath(id: string): string {
    return path.join(this.incidentsDir, id, 'journal.jsonl');
  }

  /** The file recording the journal's last acknowledged head (detects entries cut from its end). */
  witnessPath(id: string): string {
    return path.join(this.incidentsDir, id, 'head.json');
  }

  /** The ids of the incident folders present, or `null` when the folder cannot be read (none yet). */
  async ids(): Promise<string[] | null> {
    try {
      return (await readdir(this.incidentsDir)).filter(isIncidentId);
    } catch {
      return null;
    }
  }

  /**
   * Create the incident with the next free id of `day` and open its journal with the entry
   * `first(id)` builds. `CONFLICT` when the day has no free id left.
   */
  async create(day: Date, first: (id: string) => JournalAppend): Promise<IncidentHandle> {
    await ensurePrivateDir(this.incidentsDir);
    for (let n = 1; n < 10_000; n += 1) {
      const id = incidentId(day, n);
      try {
        await mkdir(path.join(this.incidentsDir, id), { mode: 0o700 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      const handle = this.newHandle(id);
      this.handles.set(id, Promise.resolve(handle));
      handle.journal = await Journal.create(handle.file, first(id), this.journalOptions(handle));
      handle.loading = false;
      return handle;
    }
    throw new AppError('CONFLICT', 'Too many incidents declared today; archive some of the data folder.');
  }

  /** Open an incident (once; later calls share the same handle). */
  load(id: string): Promise<IncidentHandle> {
    let pending = this.handles.get(id);
    if (!pending) {
      pending = (async () => {
        const file = await this.requireExists(id);
        const handle = this.newHandle(id);
        handle.journal = await Journal.open(file, this.journalOptions(handle));
        handle.loading = false;
        return handle;
      })();
      this.handles.set(id, pending);
      pending.catch(() => this.handles.delete(id));
    }
    return pending;
  }

  /** Run `fn` with the incident's state, one command at a time per incident. */
  serial<T>(id: string, fn: (handle: IncidentHandle, state: IncidentState) => Promise<T>): Promise<T> {
    return this.load(id).then((handle) => {
      const next = handle.lock.then(() => fn(handle, requireState(handle)));
      handle.lock = next.catch(() => undefined);
      return next;
    });
  }

  /**
   * The journal file of an incident that exists. `INVALID_INPUT` for a malformed id, `NOT_FOUND`
   * (naming the data folder and how to list its incidents) when there is no such incident.
   */
  async requireExists(id: string): Promise<string> {
    if (!isIncidentId(id)) {
      throw new AppError(
        'INVALID_INPUT',
        `"${id.slice(0, 40)}" is not an incident id; ids look like DR-20261126-01.`,
        { incidentId: id },
      );
    }
    const file = this.journalPath(id);
    try {
      await access(file);
    } catch {
      throw new AppError(
        'NOT_FOUND',
        `There is no incident ${id} in ${this.options.dataDir}. Run \`dr-war-room incident list\` to see the incidents there.`,
        { incidentId: id },
      );
    }
    return file;
  }

  /** The view of an open incident (active as of the last read or write of the marker). */
  view(handle: IncidentHandle): IncidentView {
    return {
      state: requireState(handle),
      integrity: handle.journal?.integrity ?? { status: 'ok', message: null, broken: null, tornBytesCut: 0 },
      readOnly: handle.journal?.readOnly ?? true,
      active: this.lastActive === handle.id,
      journalPath: handle.file,
    };
  }

  /** Read the active incident's id from the marker (and remember it for views). */
  async activeId(): Promise<string | null> {
    this.lastActive = await readActiveIncident(this.incidentsDir);
    return this.lastActive;
  }

  /** Make an incident the active one; announces `incident.active` when that changes it. */
  async setActive(id: string): Promise<void> {
    await writeActiveIncident(this.incidentsDir, id);
    const changed = this.lastActive !== id;
    this.lastActive = id;
    if (changed) this.options.emit({ type: 'incident.active', incidentId: id });
  }

  /** Finish pending appends and close every journal. */
  async close(): Promise<void> {
    const handles = await Promise.allSettled([...this.handles.values()]);
    this.handles.clear();
    for (const h of handles) if (h.status === 'fulfilled') await h.value.journal?.close();
  }

  private newHandle(id: string): IncidentHandle {
    return {
      id,
      file: this.journalPath(id),
      journal: null,
      state: null,
      stages: [],
      lock: Promise.resolve(),
      loading: true,
    };
  }

  private journalOptions(handle: IncidentHandle): JournalOptions {
    return {
      now: this.options.now,
      witnessFile: this.witnessPath(handle.id),
      onCommit: (entries) => this.committed(handle, entries),
    };
  }

  /** Fold committed entries into the handle's state and announce them (once loaded). */
  private committed(handle: IncidentHandle, entries: JournalEntry[]): void {
    handle.state = foldEntries(handle.state, entries, (_entry, state) =>
      handle.stages.push(state?.stage ?? 'assess'),
    );
    if (handle.loading) return;
    for (const entry of entries) this.options.emit({ type: 'incident.entry', incidentId: handle.id, entry });
  }
}
