/**
 * THE incident reducer: state is a fold of the journal. Pure (no I/O): the core folds the journal
 * with it and the renderer's store folds the same `incident.entry` events, so both agree.
 * Entry types it does not know are counted and otherwise ignored.
 */
import { stageIds, type StageId } from '../runbooks/procedure-schema';
import {
  readBoolean,
  readNumber,
  readObject,
  readObjects,
  readResourceResults,
  readString,
} from './data-readers';
import { ENTRY } from './entry-types';
import type {
  ActivationDecision,
  IncidentMode,
  IncidentState,
  InFlightOperation,
  JournalEntry,
  ProcedureSnapshot,
  ResourceProgress,
  Roles,
  Severity,
  TierTarget,
} from './types';

const severities: readonly Severity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

function isStageId(value: unknown): value is StageId {
  return typeof value === 'string' && (stageIds as readonly string[]).includes(value);
}

/** The index of a stage in the procedure's order (assess = 0). */
export function stageIndex(stage: StageId): number {
  return stageIds.indexOf(stage);
}

/** Fold a whole journal into the incident's state (`null` when it has no declaration). */
export function foldIncident(entries: Iterable<JournalEntry>): IncidentState | null {
  return foldEntries(null, entries);
}

/**
 * Fold entries onto a state and return the result, calling `onEach` with each entry and the state
 * right after it. Same result as {@link reduceIncident} entry by entry, but faster for long
 * journals: the state is copied once, then updated in place (the intermediate states are never
 * seen by anyone; `start` itself is never changed).
 */
export function foldEntries(
  start: IncidentState | null,
  entries: Iterable<JournalEntry>,
  onEach?: (entry: JournalEntry, state: IncidentState | null) => void,
): IncidentState | null {
  let state = start;
  let owned = false;
  for (const entry of entries) {
    if (state === null) {
      state = reduceIncident(null, entry);
      owned = state !== null;
    } else {
      if (!owned) {
        state = { ...state, counts: { ...state.counts } };
        owned = true;
      }
      state.counts.entries += 1;
      state.lastSeq = entry.seq;
      state.lastHash = entry.hash;
      state.updatedAt = entry.time;
      state = apply(state, entry);
    }
    onEach?.(entry, state);
  }
  return state;
}

/** Apply one journal entry to the state. Returns a new state object; never mutates its input. */
export function reduceIncident(state: IncidentState | null, entry: JournalEntry): IncidentState | null {
  if (state === null) return entry.type === ENTRY.declared ? declare(entry) : null;
  // `next` is a fresh copy owned by this call: `apply` may assign its top-level fields (never the
  // nested objects it shares with `state`), which saves a second copy per entry.
  const next: IncidentState = {
    ...state,
    counts: { ...state.counts, entries: state.counts.entries + 1 },
    lastSeq: entry.seq,
    lastHash: entry.hash,
    updatedAt: entry.time,
  };
  return apply(next, entry);
}

function declare(entry: JournalEntry): IncidentState {
  const d = entry.data;
  const procedure = d.procedure as ProcedureSnapshot;
  const commander = readString(d.commander) ?? entry.actor;
  const severity = severities.includes(d.severity as Severity) ? (d.severity as Severity) : 'SEV1';
  const mode: IncidentMode = d.mode === 'LIVE' ? 'LIVE' : 'TABLETOP';
  return {
    id: readString(d.id) ?? 'unknown',
    title: readString(d.title) ?? '(untitled)',
    severity,
    mode,
    scenario: readString(d.scenario),
    declaredAt: entry.time,
    declaredBy: entry.actor,
    targets: readObjects(d.targets).map((t): TierTarget => ({
      id: readString(t.id) ?? '?',
      title: readString(t.title) ?? readString(t.id) ?? '?',
      rtoMinutes: readNumber(t.rtoMinutes) ?? 0,
      rpoMinutes: readNumber(t.rpoMinutes) ?? 0,
    })),
    procedure,
    stage: 'assess',
    stageEnteredAt: entry.time,
    status: 'open',
    closedAt: null,
    signOffs: {},
    steps: {},
    activation: null,
    roles: { commander, scribe: null, serviceOwners: [] },
    lastStatusUpdate: null,
    resources: {},
    records: [],
    evidencePacks: [],
    inFlight: {},
    warnings: [],
    counts: { entries: 1, notes: 0, decisions: 0, awsCalls: 0, unknown: 0 },
    lastSeq: entry.seq,
    lastHash: entry.hash,
    updatedAt: entry.time,
  };
}

/** Apply an entry to a state object this module owns (see {@link reduceIncident}). */
function apply(state: IncidentState, entry: JournalEntry): IncidentState {
  const d = entry.data;
  switch (entry.type) {
    case ENTRY.stageEntered: {
      const stage = d.stage;
      if (!isStageId(stage)) return state;
      const back = stageIndex(stage) < stageIndex(state.stage);
      const signOffs = back ? dropSignOffsFrom(state.signOffs, stage) : state.signOffs;
      return Object.assign(state, {
        stage,
        stageEnteredAt: entry.time,
        signOffs,
        status: 'open',
        closedAt: null,
      });
    }
    case ENTRY.stageSignedOff: {
      const stage = d.stage;
      if (!isStageId(stage)) return state;
      const signOff = { by: readString(d.by) ?? entry.actor, at: entry.time, note: readString(d.note) };
      const closes = stage === 'document' && state.stage === 'document';
      return Object.assign(state, {
        signOffs: { ...state.signOffs, [stage]: signOff },
        status: closes ? 'closed' : state.status,
        closedAt: closes ? entry.time : state.closedAt,
      });
    }
    case ENTRY.stepCompleted:
    case ENTRY.stepSkipped: {
      const stepId = readString(d.stepId);
      if (!stepId) return state;
      const done = entry.type === ENTRY.stepCompleted;
      const evidence =
        typeof d.evidence === 'string' ? d.evidence : d.evidence ? JSON.stringify(d.evidence) : null;
      return Object.assign(state, {
        steps: {
          ...state.steps,
          [stepId]: {
            status: done ? 'done' : 'skipped',
            at: entry.time,
            by: readString(d.by) ?? entry.actor,
            seq: entry.seq,
            evidence: done ? evidence : null,
            reason: done ? null : readString(d.reason),
          },
        },
      });
    }
    case ENTRY.activationDecided:
      return applyActivation(state, entry);
    case ENTRY.noteAdded:
      return d.kind === 'decision'
        ? Object.assign(state, { counts: { ...state.counts, decisions: state.counts.decisions + 1 } })
        : Object.assign(state, { counts: { ...state.counts, notes: state.counts.notes + 1 } });
    case ENTRY.statusUpdate:
      return Object.assign(state, {
        lastStatusUpdate: { at: entry.time, by: entry.actor, text: readString(d.text) ?? '' },
      });
    case ENTRY.recordSaved:
      return Object.assign(state, {
        records: [
          ...state.records,
          {
            at: entry.time,
            markdownPath: readString(d.markdownPath) ?? '',
            jsonPath: readString(d.jsonPath) ?? '',
            title: readString(d.title) ?? '',
          },
        ],
      });
    case ENTRY.evidenceExported:
      return Object.assign(state, {
        evidencePacks: [...state.evidencePacks, { at: entry.time, dir: readString(d.dir) ?? '' }],
      });
    case ENTRY.journalWarning:
      return Object.assign(state, {
        warnings: [
          ...state.warnings,
          { seq: entry.seq, at: entry.time, message: readString(d.message) ?? '' },
        ],
      });
    case ENTRY.validateCompleted:
      return applyValidation(state, entry);
    default:
      return applyOther(state, entry);
  }
}

function dropSignOffsFrom(signOffs: IncidentState['signOffs'], from: StageId): IncidentState['signOffs'] {
  const out: IncidentState['signOffs'] = {};
  for (const id of stageIds) {
    const signOff = signOffs[id];
    if (signOff && stageIndex(id) < stageIndex(from)) out[id] = signOff;
  }
  return out;
}

function applyActivation(state: IncidentState, entry: JournalEntry): IncidentState {
  const d = entry.data;
  const criteria: Record<string, string> = {};
  const answers = readObject(d.criteria) ?? {};
  for (const [key, value] of Object.entries(answers)) if (typeof value === 'string') criteria[key] = value;
  const activation: ActivationDecision = {
    decision: d.decision === 'go' ? 'go' : 'no-go',
    criteria,
    decidedBy: readString(d.decidedBy) ?? entry.actor,
    approvedBy: readString(d.approvedBy) ?? '',
    secondApprover: readString(d.secondApprover),
    rationale: readString(d.rationale),
    at: entry.time,
    seq: entry.seq,
  };
  const rolesData = readObject(d.roles);
  const roles: Roles = rolesData
    ? {
        commander: readString(rolesData.commander) ?? state.roles.commander,
        scribe: readString(rolesData.scribe),
        serviceOwners: readObjects(rolesData.serviceOwners)
          .map((o) => ({ service: readString(o.service) ?? '', owner: readString(o.owner) ?? '' }))
          .filter((o) => o.service !== '' && o.owner !== ''),
      }
    : state.roles;
  return Object.assign(state, {
    activation,
    roles,
    counts: { ...state.counts, decisions: state.counts.decisions + 1 },
  });
}

function resource(state: IncidentState, resourceId: string): ResourceProgress {
  return (
    state.resources[resourceId] ?? {
      resourceId,
      service: null,
      tier: null,
      restoredAt: null,
      validatedAt: null,
      validationOk: null,
      achievedRtoMinutes: null,
      achievedRpoMinutes: null,
    }
  );
}

function applyValidation(state: IncidentState, entry: JournalEntry): IncidentState {
  const results = readResourceResults(entry.data);
  if (results.length === 0) return state;
  const resources = { ...state.resources };
  for (const r of results) {
    const resourceId = readString(r.resourceId);
    if (!resourceId) continue;
    const before = resources[resourceId] ?? resource(state, resourceId);
    resources[resourceId] = {
      ...before,
      service: readString(r.service) ?? before.service,
      tier: readString(r.tier) ?? before.tier,
      validatedAt: entry.time,
      validationOk: readBoolean(r.ok) ?? readBoolean(r.passed) ?? before.validationOk,
      achievedRtoMinutes: readNumber(r.achievedRtoMinutes) ?? before.achievedRtoMinutes,
      achievedRpoMinutes: readNumber(r.achievedRpoMinutes) ?? before.achievedRpoMinutes,
    };
  }
  return Object.assign(state, { resources });
}

/** The key pairing a `<x>.started` entry with its `<x>.completed` / `<x>.failed`. */
function operationKey(prefix: string, data: Record<string, unknown>): string | null {
  const id =
    readString(data.callId) ??
    readString(data.operationId) ??
    readString(data.clientToken) ??
    readString(data.stepKey) ??
    readString(data.id);
  return id ? `${prefix}#${id}` : null;
}

function applyOther(state: IncidentState, entry: JournalEntry): IncidentState {
  const match = /^(.+)\.(started|completed|failed|cancelled)$/.exec(entry.type);
  if (!match) return Object.assign(state, { counts: { ...state.counts, unknown: state.counts.unknown + 1 } });
  const prefix = match[1]!;
  const phase = match[2]!;
  let next = state;
  if (prefix.startsWith('recover.call') && phase === 'completed') {
    next = Object.assign(next, { counts: { ...next.counts, awsCalls: next.counts.awsCalls + 1 } });
    const resourceId = readString(entry.data.resourceId);
    if (resourceId) {
      const before = resource(next, resourceId);
      next = Object.assign(next, {
        resources: {
          ...next.resources,
          [resourceId]: {
            ...before,
            service: readString(entry.data.service) ?? before.service,
            tier: readString(entry.data.tier) ?? before.tier,
            restoredAt: entry.time,
          },
        },
      });
    }
  }
  if (phase === 'started') {
    const key = operationKey(prefix, entry.data) ?? `${prefix}#seq-${entry.seq}`;
    const op: InFlightOperation = { key, type: entry.type, seq: entry.seq, at: entry.time, data: entry.data };
    return Object.assign(next, { inFlight: { ...next.inFlight, [key]: op } });
  }
  let finished = operationKey(prefix, entry.data);
  if (!finished) {
    // No id to pair with: the oldest open operation of the same kind finished.
    const oldest = Object.values(next.inFlight)
      .filter((op) => op.type === `${prefix}.started`)
      .sort((a, b) => a.seq - b.seq)[0];
    finished = oldest?.key ?? null;
  }
  if (!finished || !(finished in next.inFlight)) return next;
  // A copy without the finished key (no `delete`: it would slow every later copy of the map).
  const inFlight: Record<string, InFlightOperation> = {};
  for (const [key, op] of Object.entries(next.inFlight)) if (key !== finished) inFlight[key] = op;
  return Object.assign(next, { inFlight });
}
