/**
 * The lessons-learned record's types (pure declarations shared by the core, the contract and the
 * renderer's live preview).
 */
import type { StageId } from '../runbooks/procedure-schema';
import type { EntryKind } from '../incident/entry-types';
import type { IncidentMode, Roles, Severity, TierTarget } from '../incident/types';

/** One action item: what, who, by when (`YYYY-MM-DD`). */
export interface ActionItem {
  title: string;
  owner: string;
  due: string;
}

/** What the people fill in. */
export interface RecordForm {
  summary: string;
  impact: string;
  wentWell: string[];
  wentPoorly: string[];
  rootCauses: string[];
  actionItems: ActionItem[];
}

/** One resource's recovery target against what was achieved (`null`: not measured). */
export interface ResourceOutcome {
  resourceId: string;
  service: string | null;
  tier: string | null;
  rtoTargetMinutes: number | null;
  rpoTargetMinutes: number | null;
  achievedRtoMinutes: number | null;
  achievedRpoMinutes: number | null;
  /** `true` met both targets, `false` missed one, `null` not measured. */
  met: boolean | null;
  validated: boolean | null;
}

/** One AWS request that changed something, from the journal. */
export interface RequestIdRow {
  time: string;
  requestId: string;
  service: string | null;
  operation: string | null;
  resourceId: string | null;
  entryType: string;
}

/** One timeline line of the record. */
export interface RecordTimelineRow {
  seq: number;
  time: string;
  stage: StageId;
  kind: EntryKind;
  actor: string;
  text: string;
}

/** How long each stage took. */
export interface StageDuration {
  stage: StageId;
  title: string;
  enteredAt: string | null;
  minutes: number | null;
  signedOffBy: string | null;
}

/** Everything the record takes from the journal (not typed by people). */
export interface RecordFacts {
  incidentId: string;
  incidentTitle: string;
  severity: Severity;
  mode: IncidentMode;
  scenario: string | null;
  exercise: boolean;
  declaredAt: string;
  closedAt: string | null;
  durationMinutes: number;
  commander: string;
  roles: Roles;
  activation: {
    decision: 'go' | 'no-go';
    decidedBy: string;
    approvedBy: string;
    secondApprover: string | null;
    at: string;
    criteria: Array<{ question: string; answer: string }>;
  } | null;
  regions: { primary: string; secondary: string };
  procedure: { id: string; version: string };
  targets: TierTarget[];
  stages: StageDuration[];
  skippedSteps: Array<{ stepId: string; title: string; reason: string; by: string }>;
  timeline: RecordTimelineRow[];
  /** Entries left out of the record's timeline (the journal has them all). */
  timelineOmitted: number;
  resources: ResourceOutcome[];
  requestIds: RequestIdRow[];
  journal: { entries: number; headHash: string };
}

/** The record as saved (Markdown and JSON are two renderings of this). */
export interface LessonsRecord extends RecordForm {
  schema: 'dr-war-room/lessons-learned@1';
  title: string;
  savedAt: string;
  facts: RecordFacts;
}

/** A saved record's files. */
export interface SavedRecord {
  title: string;
  savedAt: string;
  markdownPath: string;
  jsonPath: string;
  folder: string;
}
