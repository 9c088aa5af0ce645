import { access, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IncidentSummary, IncidentView, JournalVerification } from '../api/calls/incident';
import { AppError } from '../api/errors';
import type { AppEvent } from '../api/events';
import { ensurePrivateDir } from '../fs/ensure-private-dir';
import { writeFileAtomic } from '../fs/write-file-atomic';
import type { Procedure, StageId } from '../runbooks/procedure-schema';
import { ENTRY } from './entry-types';
import { incidentId, isIncidentId } from './incident-id';
import { inspectJournal, Journal } from './journal';
import { snapshotProcedure } from './procedure-snapshot';
import { draftStatusUpdate } from './status-update';
import { toTimelineItem } from './timeline';
import { foldEntries, reduceIncident } from './reducer';
import {
  canAdvance,
  canCompleteStep,
  canDecideActivation,
  canGoBack,
  canSignOff,
  canSkipStep,
  findStep,
  isStandDown,
  nextStage,
  stepsForAction,
  type Decision,
} from './transitions';
import type {
  IncidentMode,
  IncidentState,
  JournalAppend,
  JournalEntry,
  Severity,
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

/** Input of {@link IncidentService.declare}. */
export interface DeclareInput {
  title: string;
  severity: Severity;
  commander: string;
  tiers?: string[] | undefined;
}

/** Input of {@link IncidentService.activate}. */
export interface ActivateInput {
  decision: 'go' | 'no-go';
  criteria: Record<string, string>;
  decidedBy: string;
  approvedBy: string;
  secondApprover?: string | undefined;
  rationale?: string | undefined;
  roles: {
    commander?: string | undefined;
    scribe?: string | undefined;
    serviceOwners: Array<{ service: string; owner: string }>;
  };
}

interface Handle {
  id: string;
  file: string;
  journal: Journal | null;
  state: IncidentState | null;
  stages: StageId[];
  lock: Promise<unknown>;
  loading: boolean;
}

/** Entry types only the engine writes, through its rules. */
const RESERVED = new Set<string>([
  ENTRY.declared,
  ENTRY.stageEntered,
  ENTRY.stageSignedOff,
  ENTRY.activationDecided,
]);

const ACTIVE_FILE = 'active.json';

/**
 * The incidents of one data folder (`core.incidents`): declaring, opening, the procedure's rules,
 * and the journal every domain appends to. Each incident lives in
 * `<dataDir>/incidents/<id>/journal.jsonl`; its state is the fold of that journal.
 * Every committed entry is emitted as `{ type: 'incident.entry', incidentId, entry }`.
 */
export class IncidentService {
  private readonly handles = new Map<string, Promise<Handle>>();
  private readonly now: () => Date;

  constructor(private readonly deps: IncidentServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The folder holding every incident. */
  get incidentsDir(): string {
    return path.join(this.deps.dataDir, 'incidents');
  }

  /** The journal file of an incident. */
  journalPath(id: string): string {
    return path.join(this.incidentsDir, id, 'journal.jsonl');
  }

  /** The file recording the journal's last acknowledged head (detects entries cut from its end). */
  witnessPath(id: string): string {
    return path.join(this.incidentsDir, id, 'head.json');
  }

  /** Declare a new incident with the next free id of the day; it becomes the active incident. */
  async declare(input: DeclareInput): Promise<IncidentView> {
    const procedure = await this.deps.procedure();
    const warnings: string[] = [];
    let targets: TierTarget[] = [];
    try {
      const tiers = await this.deps.tiers();
      if (input.tiers && input.tiers.length > 0) {
        const unknown = input.tiers.filter((id) => !tiers.some((t) => t.id === id));
        if (unknown.length > 0) {
          throw new AppError(
            'INVALID_INPUT',
            `Unknown recovery tier${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; the backup policy defines ${tiers.map((t) => t.id).join(', ')}.`,
            { field: 'tiers', unknown },
          );
        }
        targets = tiers.filter((t) => input.tiers!.includes(t.id));
      } else targets = tiers;
    } catch (error) {
      if (error instanceof AppError && error.code === 'INVALID_INPUT') throw error;
      warnings.push(
        `The backup policy could not be read, so this incident has no RTO/RPO targets: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    await ensurePrivateDir(this.incidentsDir);
    const now = this.now();
    const { mode, scenario } = this.deps.mode();
    for (let n = 1; n < 10_000; n += 1) {
      const id = incidentId(now, n);
      try {
        await mkdir(path.join(this.incidentsDir, id), { mode: 0o700 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      const handle = this.newHandle(id);
      this.handles.set(id, Promise.resolve(handle));
      handle.journal = await Journal.create(
        handle.file,
        {
          type: ENTRY.declared,
          actor: input.commander,
          data: {
            id,
            title: input.title,
            severity: input.severity,
            commander: input.commander,
            mode,
            scenario,
            targets: targets.map((t) => ({
              id: t.id,
              title: t.title,
              rtoMinutes: t.rtoMinutes,
              rpoMinutes: t.rpoMinutes,
            })),
            procedure: snapshotProcedure(procedure),
          },
        },
        {
          now: this.now,
          witnessFile: this.witnessPath(id),
          onCommit: (entries) => this.committed(handle, entries),
        },
      );
      handle.loading = false;
      for (const message of warnings) {
        await handle.journal.append({
          type: ENTRY.journalWarning,
          actor: 'system',
          data: { message, reason: 'policy' },
        });
      }
      await this.setActive(id);
      return this.view(handle);
    }
    throw new AppError('CONFLICT', 'Too many incidents declared today; archive some of the data folder.');
  }

  /** Every incident, newest first. Incidents whose journal cannot be read are left out. */
  async list(): Promise<IncidentSummary[]> {
    let names: string[];
    try {
      names = await readdir(this.incidentsDir);
    } catch {
      return [];
    }
    const active = await this.activeId();
    const out: IncidentSummary[] = [];
    for (const id of names.filter(isIncidentId)) {
      try {
        const handle = await this.load(id);
        const state = handle.state;
        if (!state) continue;
        out.push({
          id,
          title: state.title,
          severity: state.severity,
          mode: state.mode,
          stage: state.stage,
          status: state.status,
          commander: state.roles.commander,
          declaredAt: state.declaredAt,
          updatedAt: state.updatedAt,
          entries: state.counts.entries,
          active: id === active,
          integrity: handle.journal?.integrity.status ?? 'ok',
        });
      } catch {
        // An unreadable incident folder is skipped; `incident verify` reports on it.
      }
    }
    return out.sort((a, b) => b.declaredAt.localeCompare(a.declaredAt) || b.id.localeCompare(a.id));
  }

  /** One incident's view. */
  async get(id: string): Promise<IncidentView> {
    const handle = await this.load(id);
    await this.activeId();
    return this.view(handle);
  }

  /** The folded state of an incident. */
  async state(id: string): Promise<IncidentState> {
    return requireState(await this.load(id));
  }

  /** Every journal entry of an incident, in order. */
  async entries(id: string): Promise<readonly JournalEntry[]> {
    const handle = await this.load(id);
    return handle.journal?.entries() ?? [];
  }

  /** The timeline: entries after `afterSeq`, optionally of one stage and some kinds. */
  async timeline(
    id: string,
    filter: { afterSeq?: number; stage?: StageId | undefined; kinds?: string[] | undefined } = {},
  ): Promise<TimelineItem[]> {
    const handle = await this.load(id);
    const entries = handle.journal?.entries() ?? [];
    const items: TimelineItem[] = [];
    const after = filter.afterSeq ?? 0;
    for (let i = after; i < entries.length; i += 1) {
      const entry = entries[i]!;
      const item: TimelineItem = { ...toTimelineItem(entry, null), stage: handle.stages[i] ?? 'assess' };
      if (filter.stage && item.stage !== filter.stage) continue;
      if (filter.kinds && !filter.kinds.includes(item.kind)) continue;
      items.push(item);
    }
    return items;
  }

  /** Make an incident the active one. */
  async open(id: string): Promise<IncidentView> {
    const handle = await this.load(id);
    await this.setActive(id);
    return this.view(handle);
  }

  /** The active incident's view, or `null`. */
  async active(): Promise<IncidentView | null> {
    const id = await this.activeId();
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
    const handle = await this.load(id);
    const [entry] = await this.journalOf(handle).append(item);
    return entry!;
  }

  /** Record the activation decision (and the roles), completing the steps bound to `incident.activate`. */
  activate(id: string, input: ActivateInput): Promise<IncidentView> {
    return this.serial(id, async (handle, state) => {
      check(canDecideActivation(state, input.criteria));
      const by = input.decidedBy;
      const items: JournalAppend[] = [
        {
          type: ENTRY.activationDecided,
          actor: by,
          data: {
            decision: input.decision,
            criteria: input.criteria,
            decidedBy: input.decidedBy,
            approvedBy: input.approvedBy,
            ...(input.secondApprover ? { secondApprover: input.secondApprover } : {}),
            ...(input.rationale ? { rationale: input.rationale } : {}),
            roles: {
              commander: input.roles.commander ?? state.roles.commander,
              scribe: input.roles.scribe ?? state.roles.scribe,
              serviceOwners: input.roles.serviceOwners,
            },
          },
        },
        ...stepsForAction(state, 'incident.activate').map((step) => ({
          type: ENTRY.stepCompleted,
          actor: by,
          data: { stepId: step.id, title: step.title, by, evidence: `Decision: ${input.decision}` },
        })),
      ];
      await this.journalOf(handle).append(items);
      return this.view(handle);
    });
  }

  /** Add a note or a decision to the timeline. */
  note(id: string, text: string, kind: 'note' | 'decision', by?: string): Promise<JournalEntry> {
    return this.serial(id, async (handle, state) => {
      const [entry] = await this.journalOf(handle).append({
        type: ENTRY.noteAdded,
        actor: by ?? state.roles.commander,
        data: { text, kind, stage: state.stage },
      });
      return entry!;
    });
  }

  /**
   * Mark a step done. Domains that perform a step's action call this (or
   * {@link completeAction}) with what proves it.
   */
  completeStep(id: string, stepId: string, evidence?: string, by?: string): Promise<IncidentView> {
    return this.serial(id, async (handle, state) => {
      check(canCompleteStep(state, stepId));
      const step = findStep(state, stepId)!.step;
      const actor = by ?? state.roles.commander;
      await this.journalOf(handle).append({
        type: ENTRY.stepCompleted,
        actor,
        data: { stepId, title: step.title, by: actor, ...(evidence ? { evidence } : {}) },
      });
      return this.view(handle);
    });
  }

  /** Mark done every step bound to a core action (`recover.execute` …); returns the step ids. */
  completeAction(id: string, action: string, evidence?: string, by?: string): Promise<string[]> {
    return this.serial(id, async (handle, state) => {
      const steps = stepsForAction(state, action);
      const actor = by ?? state.roles.commander;
      await this.journalOf(handle).append(
        steps.map((step) => ({
          type: ENTRY.stepCompleted,
          actor,
          data: { stepId: step.id, title: step.title, by: actor, action, ...(evidence ? { evidence } : {}) },
        })),
      );
      return steps.map((s) => s.id);
    });
  }

  /** Skip a step with the reason. */
  skipStep(id: string, stepId: string, reason: string, by?: string): Promise<IncidentView> {
    return this.serial(id, async (handle, state) => {
      check(canSkipStep(state, stepId, reason));
      const step = findStep(state, stepId)!.step;
      const actor = by ?? state.roles.commander;
      await this.journalOf(handle).append({
        type: ENTRY.stepSkipped,
        actor,
        data: { stepId, title: step.title, by: actor, reason },
      });
      return this.view(handle);
    });
  }

  /** The commander signs off a stage. Signing off Document closes the incident. */
  signOff(id: string, stage: StageId, by: string, note?: string): Promise<IncidentView> {
    return this.serial(id, async (handle, state) => {
      check(canSignOff(state, stage, by));
      await this.journalOf(handle).append({
        type: ENTRY.stageSignedOff,
        actor: by,
        data: { stage, by, ...(note ? { note } : {}) },
      });
      return this.view(handle);
    });
  }

  /** Move to the next stage (optionally signing off the current one first, as the commander). */
  advance(
    id: string,
    options: {
      to?: StageId | undefined;
      by?: string | undefined;
      reason?: string | undefined;
      signOff?: boolean;
    },
  ): Promise<IncidentView> {
    return this.serial(id, async (handle, state) => {
      const by = options.by ?? state.roles.commander;
      const items: JournalAppend[] = [];
      let after = state;
      if (options.signOff && !state.signOffs[state.stage]) {
        check(canSignOff(state, state.stage, by));
        const signOff: JournalAppend = {
          type: ENTRY.stageSignedOff,
          actor: by,
          data: { stage: state.stage, by, ...(options.reason ? { note: options.reason } : {}) },
        };
        items.push(signOff);
        after = reduceIncident(after, fakeEntry(after, signOff)) ?? after;
      }
      check(canAdvance(after, options.to, options.reason));
      const to = options.to ?? nextStage(state.stage)!;
      if (isStandDown(after, to)) {
        // No failover: the steps of the stages it passes over are skipped, with the reason.
        const passed = state.procedure.stages.filter((st) => st.id === 'recover' || st.id === 'validate');
        for (const step of passed.flatMap((st) => st.steps)) {
          if (step.kind === 'note' || state.steps[step.id]) continue;
          items.push({
            type: ENTRY.stepSkipped,
            actor: by,
            data: {
              stepId: step.id,
              title: step.title,
              by,
              reason: `No failover (no-go decision): ${options.reason ?? ''}`,
            },
          });
        }
      }
      items.push({
        type: ENTRY.stageEntered,
        actor: by,
        data: {
          stage: to,
          from: state.stage,
          direction: 'forward',
          ...(options.reason ? { reason: options.reason } : {}),
        },
      });
      await this.journalOf(handle).append(items);
      return this.view(handle);
    });
  }

  /** Go back to an earlier stage, with the reason. */
  goBack(id: string, to: StageId, reason: string, by?: string): Promise<IncidentView> {
    return this.serial(id, async (handle, state) => {
      check(canGoBack(state, to, reason));
      await this.journalOf(handle).append({
        type: ENTRY.stageEntered,
        actor: by ?? state.roles.commander,
        data: { stage: to, from: state.stage, direction: 'back', reason },
      });
      return this.view(handle);
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
    return this.serial(id, async (handle, state) => {
      const actor = by ?? state.roles.commander;
      const steps = stepsForAction(state, 'status.update').filter((s) => state.steps[s.id] === undefined);
      const [entry] = await this.journalOf(handle).append([
        { type: ENTRY.statusUpdate, actor, data: { text, stage: state.stage } },
        ...steps.map((step) => ({
          type: ENTRY.stepCompleted,
          actor,
          data: { stepId: step.id, title: step.title, by: actor, evidence: 'Status update sent' },
        })),
      ]);
      return entry!;
    });
  }

  /** Re-verify a journal's chain from disk without changing anything. */
  async verify(id: string): Promise<JournalVerification> {
    const file = await this.requireExists(id);
    const { entries, integrity } = await inspectJournal(file, this.witnessPath(id));
    return {
      incidentId: id,
      journalPath: file,
      integrity,
      entries: entries.length,
      headHash: entries[entries.length - 1]?.hash ?? null,
    };
  }

  /** Run `fn` with the incident's state, one command at a time per incident. */
  private serial<T>(id: string, fn: (handle: Handle, state: IncidentState) => Promise<T>): Promise<T> {
    const run = this.load(id).then((handle) => {
      const next = handle.lock.then(() => fn(handle, requireState(handle)));
      handle.lock = next.catch(() => undefined);
      return next;
    });
    return run;
  }

  /** Finish pending appends and close every journal. */
  async close(): Promise<void> {
    const handles = await Promise.allSettled([...this.handles.values()]);
    this.handles.clear();
    for (const h of handles) if (h.status === 'fulfilled') await h.value.journal?.close();
  }

  private newHandle(id: string): Handle {
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

  private committed(handle: Handle, entries: JournalEntry[]): void {
    handle.state = foldEntries(handle.state, entries, (_entry, state) =>
      handle.stages.push(state?.stage ?? 'assess'),
    );
    if (handle.loading) return;
    for (const entry of entries) this.deps.emit({ type: 'incident.entry', incidentId: handle.id, entry });
  }

  private async requireExists(id: string): Promise<string> {
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
        `There is no incident ${id} in ${this.deps.dataDir}. Run \`dr-war-room incident list\` to see the incidents there.`,
        { incidentId: id },
      );
    }
    return file;
  }

  private load(id: string): Promise<Handle> {
    let pending = this.handles.get(id);
    if (!pending) {
      pending = (async () => {
        const file = await this.requireExists(id);
        const handle = this.newHandle(id);
        handle.journal = await Journal.open(file, {
          now: this.now,
          witnessFile: this.witnessPath(id),
          onCommit: (entries) => this.committed(handle, entries),
        });
        handle.loading = false;
        return handle;
      })();
      this.handles.set(id, pending);
      pending.catch(() => this.handles.delete(id));
    }
    return pending;
  }

  private journalOf(handle: Handle): Journal {
    if (!handle.journal) throw new AppError('UNAVAILABLE', `The journal of ${handle.id} is not open.`);
    return handle.journal;
  }

  private view(handle: Handle): IncidentView {
    return {
      state: requireState(handle),
      integrity: handle.journal?.integrity ?? { status: 'ok', message: null, broken: null, tornBytesCut: 0 },
      readOnly: handle.journal?.readOnly ?? true,
      active: this.lastActive === handle.id,
      journalPath: handle.file,
    };
  }

  private lastActive: string | null = null;

  private async activeId(): Promise<string | null> {
    try {
      const text = await readFile(path.join(this.incidentsDir, ACTIVE_FILE), 'utf8');
      const id = (JSON.parse(text) as { incidentId?: unknown }).incidentId;
      this.lastActive = typeof id === 'string' && isIncidentId(id) ? id : null;
    } catch {
      this.lastActive = null;
    }
    return this.lastActive;
  }

  private async setActive(id: string): Promise<void> {
    await ensurePrivateDir(this.incidentsDir);
    await writeFileAtomic(
      path.join(this.incidentsDir, ACTIVE_FILE),
      `${JSON.stringify({ incidentId: id })}\n`,
    );
    const changed = this.lastActive !== id;
    this.lastActive = id;
    if (changed) this.deps.emit({ type: 'incident.active', incidentId: id });
  }
}

function requireState(handle: Handle): IncidentState {
  if (!handle.state) {
    throw new AppError(
      'DATA_FILE_INVALID',
      `The journal of ${handle.id} has no declaration entry, so the incident cannot be shown. Keep the file and run \`dr-war-room incident verify ${handle.id}\`.`,
      { incidentId: handle.id },
    );
  }
  return handle.state;
}

function check(decision: Decision): void {
  if (!decision.ok) throw new AppError(decision.code, decision.reason, decision.detail);
}

/** A provisional entry, to ask the pure rules what the state would be after an append. */
function fakeEntry(state: IncidentState, item: JournalAppend): JournalEntry {
  return {
    seq: state.lastSeq + 1,
    time: new Date().toISOString(),
    actor: item.actor,
    type: item.type,
    data: item.data ?? {},
    prev: state.lastHash,
    hash: '',
  };
}
