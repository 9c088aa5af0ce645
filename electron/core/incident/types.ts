/**
 * The incident's data types: journal entries and the state folded from them.
 * Pure declarations (no I/O): the contract, the core and the renderer all import them.
 */
import type { StageId } from '../runbooks/procedure-schema';
import type { EntryKind } from './entry-types';

/** One line of the journal: sequence, UTC time, actor, an open type name, its data, and the hash chain. */
export interface JournalEntry {
  /** 1, 2, 3 … without gaps. */
  seq: number;
  /** ISO 8601 UTC (`2026-11-26T03:15:00.000Z`). */
  time: string;
  /** Who did it: a person's name, or `system`. */
  actor: string;
  /** What happened, `domain.verb` (`note.added`, `recover.call.completed` …); open to every domain. */
  type: string;
  /** The event's data, plain JSON. */
  data: Record<string, unknown>;
  /** The previous entry's hash (64 zeros for the first). */
  prev: string;
  /** SHA-256 (hex) of this entry's fields and `prev`. */
  hash: string;
}

/** What a caller asks to append (the journal adds seq, time, prev and hash). */
export interface JournalAppend {
  type: string;
  actor: string;
  data?: Record<string, unknown>;
}

/** LIVE acts on a real AWS account; TABLETOP on the simulated one (an exercise). */
export type IncidentMode = 'LIVE' | 'TABLETOP';

/** Incident severity, SEV1 the worst. */
export type Severity = 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';

/** A recovery target from the backup policy, copied into the incident when it is declared. */
export interface TierTarget {
  id: string;
  title: string;
  rtoMinutes: number;
  rpoMinutes: number;
}

/** One step of the procedure as the incident keeps it (a snapshot taken at declaration). */
export interface StepSnapshot {
  id: string;
  title: string;
  kind: 'check' | 'action' | 'note';
  required: boolean;
  action: string | null;
  runbook: string | null;
  detail: string | null;
}

/** One stage of the procedure snapshot. */
export interface StageSnapshot {
  id: StageId;
  title: string;
  summary: string;
  steps: StepSnapshot[];
}

/** The DR procedure as it stood when the incident was declared: later edits do not change it. */
export interface ProcedureSnapshot {
  id: string;
  title: string;
  version: string;
  regions: { primary: string; secondary: string };
  criteria: Array<{ id: string; question: string; hint: string | null }>;
  stages: StageSnapshot[];
}

/** A step's progress. Steps not in the map are pending. */
export interface StepState {
  status: 'done' | 'skipped';
  at: string;
  by: string;
  seq: number;
  /** What proves it (a sentence, a file, a result id); `null` when nothing was given. */
  evidence: string | null;
  /** Why it was skipped. */
  reason: string | null;
}

/** A stage's sign-off by the commander. */
export interface SignOff {
  by: string;
  at: string;
  note: string | null;
}

/** A service and the person who owns its recovery. */
export interface ServiceOwner {
  service: string;
  owner: string;
}

/** The people running the incident. */
export interface Roles {
  commander: string;
  scribe: string | null;
  serviceOwners: ServiceOwner[];
}

/** The activation decision as recorded. */
export interface ActivationDecision {
  decision: 'go' | 'no-go';
  /** Criterion id → the answer given. */
  criteria: Record<string, string>;
  decidedBy: string;
  approvedBy: string;
  secondApprover: string | null;
  rationale: string | null;
  at: string;
  seq: number;
}

/** An operation another domain started and has not (yet) reported finished. */
export interface InFlightOperation {
  key: string;
  type: string;
  seq: number;
  at: string;
  data: Record<string, unknown>;
}

/** What the journal says about one recovered resource (tolerant of missing fields). */
export interface ResourceProgress {
  resourceId: string;
  service: string | null;
  tier: string | null;
  restoredAt: string | null;
  validatedAt: string | null;
  validationOk: boolean | null;
  achievedRtoMinutes: number | null;
  achievedRpoMinutes: number | null;
}

/** A saved lessons-learned record. */
export interface SavedRecordRef {
  at: string;
  markdownPath: string;
  jsonPath: string;
  title: string;
}

/** An exported evidence pack. */
export interface EvidencePackRef {
  at: string;
  dir: string;
}

/** A warning the journal itself recorded (a cut torn line, an unreadable entry …). */
export interface IncidentWarning {
  seq: number;
  at: string;
  message: string;
}

/** The incident as folded from its journal: the same value in the core and in the renderer. */
export interface IncidentState {
  id: string;
  title: string;
  severity: Severity;
  mode: IncidentMode;
  scenario: string | null;
  declaredAt: string;
  declaredBy: string;
  targets: TierTarget[];
  procedure: ProcedureSnapshot;
  stage: StageId;
  stageEnteredAt: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  signOffs: Partial<Record<StageId, SignOff>>;
  steps: Record<string, StepState>;
  activation: ActivationDecision | null;
  roles: Roles;
  lastStatusUpdate: { at: string; by: string; text: string } | null;
  resources: Record<string, ResourceProgress>;
  records: SavedRecordRef[];
  evidencePacks: EvidencePackRef[];
  inFlight: Record<string, InFlightOperation>;
  warnings: IncidentWarning[];
  counts: { entries: number; notes: number; decisions: number; awsCalls: number; unknown: number };
  lastSeq: number;
  lastHash: string;
  updatedAt: string;
}

/** Where and why the chain breaks. */
export interface ChainBreak {
  /** 1-based line number in the file. */
  line: number;
  /** Byte offset of the line. */
  offset: number;
  /** What is wrong with it. */
  reason: string;
}

/** What opening the journal found. */
export interface JournalIntegrity {
  /**
   * `ok`; `repaired` (a torn last line was cut and journaled); `torn` (seen by a read-only
   * inspection: a torn last line that the next open will cut); `tampered` (read-only).
   */
  status: 'ok' | 'repaired' | 'torn' | 'tampered';
  /** A sentence for people, `null` when all is well. */
  message: string | null;
  /** Where the chain breaks, when tampered. */
  broken: ChainBreak | null;
  /** Bytes cut from a torn last line when the journal was opened. */
  tornBytesCut: number;
}

/** The hash `prev` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** A journal entry as the timeline shows it: with the stage it happened in and its kind. */
export interface TimelineItem {
  entry: JournalEntry;
  stage: StageId;
  kind: EntryKind;
}
