import type { IncidentSummary, IncidentView, JournalVerification } from '../api/calls/incident';
import { AppError } from '../api/errors';
import type { AppEvent } from '../api/events';
import type { Procedure, StageId } from '../runbooks/procedure-schema';
import { activationEntries, type ActivateInput } from './activation';
import {
  declarationWarningEntries,
  declaredEntry,
  resolveTierTargets,
  type DeclareInput,
} from './declaration';
import { ENTRY } from './entry-types';
import { summarizeIncident, sortNewestFirst } from './incident-summary';
import { IncidentStore, journalOf, requireState } from './incident-store';
import { inspectJournal } from './journal';
import { advanceEntries, goBackEntry, signOffEntry, type AdvanceOptions } from './stage-entries';
import { noteEntry, statusUpdateEntries } from './status-entries';
import { draftStatusUpdate } from './status-update';
import { actionCompletedEntries, stepCompletedEntry, stepSkippedEntry } from './step-entries';
import { timelineSince, type TimelineFilter } from './timeline';
import type {
  IncidentMode,
  IncidentState,
  JournalAppend,
  JournalEntry,
  TierTarget,
  TimelineItem,
} from './types';

/** What the incident service needs from the rest of the core. */
export interface IncidentServiceDeps {
  /** Where `incidents/` lives. */
  dataDir: string;
  /** The DR procedure (throws its file's validation error when broken). */
  procedure: () => Promise<Procedure>;
  /** The recovery tiers of the backup policy (throws when the policy file is broken). */
  tiers: () => Promise<TierTarget[]>;
  /** LIVE or TABLETOP, and the scenario, as the core decided. */
  mode: () => { mode: IncidentMode; scenario: string | null };
  /** Where entries and activity are announced. */
  emit: (event: AppEvent) => void;
  /** Clock (tests). */
  now?: () => Date;
}

/** Entry types only the engine writes, through its rules. */
const RESERVED = new Set<string>([
  ENTRY.declared,
  ENTRY.stageEntered,
  ENTRY.stageSignedOff,
  ENTRY.activationDecided,
]);

/**
 * The incidents of one data folder (`core.incidents`): declaring, opening, the procedure's rules,
 * and the journal every domain appends to. Each incident lives in
 * `<dataDir>/incidents/<id>/journal.jsonl`; its state is the fold of that journal.
 * Every committed entry is emitted as `{ type: 'incident.entry', incidentId, entry }`.
 * The entries each command writes are decided by pure functions beside this file
 * (`declaration`, `activation`, `step-entries`, `stage-entries`, `status-entries`); the journals
 * are kept by {@link IncidentStore}.
 */
export class IncidentService {
  private readonly store: IncidentStore;
  private readonly now: () => Date;

  constructor(private readonly deps: IncidentServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.store = new IncidentStore({ dataDir: deps.dataDir, emit: deps.emit, now: this.now });
  }

  /** The folder holding every incident. */
  get incidentsDir(): string {
    return this.store.incidentsDir;
  }

  /** The journal file of an incident. */
  journalPath(id: string): string {
    return this.store.journalPath(id);
  }

  /** The file recording the journal's last acknowledged head (detects entries cut from its end). */
  witnessPath(id: string): string {
    return this.store.witnessPath(id);
  }

  /** Declare a new incident with the next free id of the day; it becomes the active incident. */
  async declare(input: DeclareInput): Promise<IncidentView> {
    const procedure = await this.deps.procedure();
    const { targets, warnings } = await resolveTierTargets(this.deps.tiers, input.tiers);
    const now = this.now();
    const { mode, scenario } = this.deps.mode();
    const handle = await this.store.create(now, (id) =>
      declaredEntry(id, input, { mode, scenario, targets, procedure }),
    );
    for (const warning of declarationWarningEntries(warnings)) {
      await journalOf(handle).append(warning);
    }
    await this.store.setActive(handle.id);
    return this.store.view(handle);
  }

  /** Every incident, newest first. Incidents whose journal cannot be read are left out. */
  async list(): Promise<IncidentSummary[]> {
    const ids = await this.store.ids();
    if (!ids) return [];
    const active = await this.store.activeId();
    const out: IncidentSummary[] = [];
    for (const id of ids) {
      try {
        const handle = await this.store.load(id);
        if (!handle.state) continue;
        out.push(
          summarizeIncident(id, handle.state, handle.journal?.integrity.status ?? 'ok', id === active),
        );
      } catch {
        // An unreadable incident folder is skipped; `incident verify` reports on it.
      }
    }
    return sortNewestFirst(out);
  }

  /** One incident's view. */
  async get(id: string): Promise<IncidentView> {
    const handle = await this.store.load(id);
    await this.store.activeId();
    return this.store.view(handle);
  }

  /** The folded state of an incident. */
  async state(id: string): Promise<IncidentState> {
    return requireState(await this.store.load(id));
  }

  /** Every journal entry of an incident, in order. */
  async entries(id: string): Promise<readonly JournalEntry[]> {
    const handle = await this.store.load(id);
    return handle.journal?.entries() ?? [];
  }

  /** The timeline: entries after `afterSeq`, optionally of one stage and some kinds. */
  async timeline(id: string, filter: TimelineFilter = {}): Promise<TimelineItem[]> {
    const handle = await this.store.load(id);
    return timelineSince(handle.journal?.entries() ?? [], handle.stages, filter);
  }

  /** Make an incident the active one. */
  async open(id: string): Promise<IncidentView> {
    const handle = await this.store.load(id);
    await this.store.setActive(id);
    return this.store.view(handle);
  }

  /** The active incident's view, or `null`. */
  async active(): Promise<IncidentView | null> {
    const id = await this.store.activeId();
    if (!id) return null;
    try {
      return await this.get(id);
    } catch {
      return null;
    }
  }

  /**
   * Append an entry of any domain (`recover.call.started` …) and resolve once it is on disk.
   * The engine's own transition types are refused: use the methods that check the rules.
   */
  async append(id: string, item: JournalAppend): Promise<JournalEntry> {
    if (RESERVED.has(item.type)) {
      throw new AppError(
        'INVALID_INPUT',
        `"${item.type}" entries are written by the incident engine only; call its method instead.`,
      );
    }
    const handle = await this.store.load(id);
    const [entry] = await journalOf(handle).append(item);
    return entry!;
  }

  /** Record the activation decision (and the roles), completing the steps bound to `incident.activate`. */
  activate(id: string, input: ActivateInput): Promise<IncidentView> {
    return this.store.serial(id, async (handle, state) => {
      await journalOf(handle).append(activationEntries(state, input));
      return this.store.view(handle);
    });
  }

  /** Add a note or a decision to the timeline. */
  note(id: string, text: string, kind: 'note' | 'decision', by?: string): Promise<JournalEntry> {
    return this.store.serial(id, async (handle, state) => {
      const [entry] = await journalOf(handle).append(
        noteEntry(state, text, kind, by ?? state.roles.commander),
      );
      return entry!;
    });
  }

  /**
   * Mark a step done. Domains that perform a step's action call this (or
   * {@link completeAction}) with what proves it.
   */
  completeStep(id: string, stepId: string, evidence?: string, by?: string): Promise<IncidentView> {
    return this.store.serial(id, async (handle, state) => {
      const actor = by ?? state.roles.commander;
      await journalOf(handle).append(stepCompletedEntry(state, stepId, actor, evidence));
      return this.store.view(handle);
    });
  }

  /** Mark done every step bound to a core action (`recover.execute` …); returns the step ids. */
  completeAction(id: string, action: string, evidence?: string, by?: string): Promise<string[]> {
    return this.store.serial(id, async (handle, state) => {
      const { steps, entries } = actionCompletedEntries(state, action, by ?? state.roles.commander, evidence);
      await journalOf(handle).append(entries);
      return steps.map((s) => s.id);
    });
  }

  /** Skip a step with the reason. */
  skipStep(id: string, stepId: string, reason: string, by?: string): Promise<IncidentView> {
    return this.store.serial(id, async (handle, state) => {
      const actor = by ?? state.roles.commander;
      await journalOf(handle).append(stepSkippedEntry(state, stepId, reason, actor));
      return this.store.view(handle);
    });
  }

  /** The commander signs off a stage. Signing off Document closes the incident. */
  signOff(id: string, stage: StageId, by: string, note?: string): Promise<IncidentView> {
    return this.store.serial(id, async (handle, state) => {
      await journalOf(handle).append(signOffEntry(state, stage, by, note));
      return this.store.view(handle);
    });
  }

  /** Move to the next stage (optionally signing off the current one first, as the commander). */
  advance(id: string, options: AdvanceOptions): Promise<IncidentView> {
    return this.store.serial(id, async (handle, state) => {
      await journalOf(handle).append(advanceEntries(state, options));
      return this.store.view(handle);
    });
  }

  /** Go back to an earlier stage, with the reason. */
  goBack(id: string, to: StageId, reason: string, by?: string): Promise<IncidentView> {
    return this.store.serial(id, async (handle, state) => {
      await journalOf(handle).append(goBackEntry(state, to, reason, by ?? state.roles.commander));
      return this.store.view(handle);
    });
  }

  /** Draft the stakeholder update from the current state. */
  async statusDraft(id: string): Promise<{ text: string; at: string }> {
    const state = await this.state(id);
    const now = this.now();
    return { text: draftStatusUpdate(state, now), at: now.toISOString() };
  }

  /** Record a stakeholder update that was sent, completing the steps bound to `status.update`. */
  statusUpdate(id: string, text: string, by?: string): Promise<JournalEntry> {
    return this.store.serial(id, async (handle, state) => {
      const actor = by ?? state.roles.commander;
      const [entry] = await journalOf(handle).append(statusUpdateEntries(state, text, actor));
      return entry!;
    });
  }

  /** Re-verify a journal's chain from disk without changing anything. */
  async verify(id: string): Promise<JournalVerification> {
    const file = await this.store.requireExists(id);
    const { entries, integrity } = await inspectJournal(file, this.witnessPath(id));
    return {
      incidentId: id,
      journalPath: file,
      integrity,
      entries: entries.length,
      headHash: entries[entries.length - 1]?.hash ?? null,
    };
  }

  /** Finish pending appends and close every journal. */
  async close(): Promise<void> {
    await this.store.close();
  }
}
