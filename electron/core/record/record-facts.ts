/** Gather the record's facts from the incident's state and journal (pure). */
import { readString } from '../incident/data-readers';
import { ENTRY } from '../incident/entry-types';
import { minutesBetween } from '../incident/status-update';
import { describeEntry } from '../incident/timeline';
import { stageOf } from '../incident/transitions';
import type { IncidentState, TimelineItem } from '../incident/types';
import { stageIds } from '../runbooks/procedure-schema';
import type { RecordFacts, RecordTimelineRow, RequestIdRow, ResourceOutcome, StageDuration } from './types';

/** The most timeline rows a record carries; the journal (in the evidence pack) has every entry. */
export const MAX_RECORD_TIMELINE = 500;

/** The record's facts: header, activation, stage durations, timeline, per-resource RTO/RPO, request ids. */
export function recordFacts(state: IncidentState, items: readonly TimelineItem[], now: Date): RecordFacts {
  const end = state.closedAt ? new Date(state.closedAt) : now;
  return {
    incidentId: state.id,
    incidentTitle: state.title,
    severity: state.severity,
    mode: state.mode,
    scenario: state.scenario,
    exercise: state.mode === 'TABLETOP',
    declaredAt: state.declaredAt,
    closedAt: state.closedAt,
    durationMinutes: minutesBetween(state.declaredAt, end),
    commander: state.roles.commander,
    roles: state.roles,
    activation: state.activation
      ? {
          decision: state.activation.decision,
          decidedBy: state.activation.decidedBy,
          approvedBy: state.activation.approvedBy,
          secondApprover: state.activation.secondApprover,
          at: state.activation.at,
          criteria: state.procedure.criteria.map((c) => ({
            question: c.question,
            answer: state.activation?.criteria[c.id] ?? '',
          })),
        }
      : null,
    regions: state.procedure.regions,
    procedure: { id: state.procedure.id, version: state.procedure.version },
    targets: state.targets,
    stages: stageDurations(state, items, end),
    skippedSteps: Object.entries(state.steps)
      .filter(([, s]) => s.status === 'skipped')
      .map(([stepId, s]) => ({
        stepId,
        title:
          state.procedure.stages.flatMap((st) => st.steps).find((st) => st.id === stepId)?.title ?? stepId,
        reason: s.reason ?? '',
        by: s.by,
      })),
    ...timelineRows(items),
    resources: resourceOutcomes(state),
    requestIds: requestIds(items),
    journal: { entries: state.counts.entries, headHash: state.lastHash },
  };
}

function stageDurations(state: IncidentState, items: readonly TimelineItem[], end: Date): StageDuration[] {
  const firstEntered = new Map<string, string>();
  firstEntered.set('assess', state.declaredAt);
  const spent = new Map<string, number>();
  let current: { stage: string; at: string } = { stage: 'assess', at: state.declaredAt };
  for (const { entry } of items) {
    if (entry.type !== ENTRY.stageEntered) continue;
    const stage = readString(entry.data.stage);
    if (!stage) continue;
    spent.set(
      current.stage,
      (spent.get(current.stage) ?? 0) + (Date.parse(entry.time) - Date.parse(current.at)),
    );
    if (!firstEntered.has(stage)) firstEntered.set(stage, entry.time);
    current = { stage, at: entry.time };
  }
  spent.set(
    current.stage,
    (spent.get(current.stage) ?? 0) + Math.max(0, end.getTime() - Date.parse(current.at)),
  );
  return stageIds.map((stage) => ({
    stage,
    title: stageOf(state, stage).title,
    enteredAt: firstEntered.get(stage) ?? null,
    minutes: spent.has(stage) ? Math.floor((spent.get(stage) ?? 0) / 60_000) : null,
    signedOffBy: state.signOffs[stage]?.by ?? null,
  }));
}

function timelineRows(items: readonly TimelineItem[]): {
  timeline: RecordTimelineRow[];
  timelineOmitted: number;
} {
  const notable = items.filter((item) => item.kind !== 'other');
  const kept = notable.length > MAX_RECORD_TIMELINE ? notable.filter((i) => i.kind !== 'aws') : notable;
  const rows = kept.slice(0, MAX_RECORD_TIMELINE).map(({ entry, stage, kind }) => ({
    seq: entry.seq,
    time: entry.time,
    stage,
    kind,
    actor: entry.actor,
    text: describeEntry(entry),
  }));
  return { timeline: rows, timelineOmitted: items.length - rows.length };
}

function resourceOutcomes(state: IncidentState): ResourceOutcome[] {
  return Object.values(state.resources)
    .sort((a, b) => a.resourceId.localeCompare(b.resourceId))
    .map((r) => {
      const target =
        state.targets.find((t) => t.id === r.tier) ??
        (state.targets.length === 1 ? state.targets[0] : undefined);
      const rtoTarget = target?.rtoMinutes ?? null;
      const rpoTarget = target?.rpoMinutes ?? null;
      const checks: boolean[] = [];
      if (rtoTarget !== null && r.achievedRtoMinutes !== null) checks.push(r.achievedRtoMinutes <= rtoTarget);
      if (rpoTarget !== null && r.achievedRpoMinutes !== null) checks.push(r.achievedRpoMinutes <= rpoTarget);
      return {
        resourceId: r.resourceId,
        service: r.service,
        tier: r.tier ?? target?.id ?? null,
        rtoTargetMinutes: rtoTarget,
        rpoTargetMinutes: rpoTarget,
        achievedRtoMinutes: r.achievedRtoMinutes,
        achievedRpoMinutes: r.achievedRpoMinutes,
        met: checks.length === 0 ? null : checks.every(Boolean),
        validated: r.validationOk,
      };
    });
}

function requestIds(items: readonly TimelineItem[]): RequestIdRow[] {
  const rows: RequestIdRow[] = [];
  for (const { entry } of items) {
    const requestId = readString(entry.data.requestId);
    if (!requestId) continue;
    rows.push({
      time: entry.time,
      requestId,
      service: readString(entry.data.service),
      operation: readString(entry.data.operation),
      resourceId: readString(entry.data.resourceId),
      entryType: entry.type,
    });
  }
  return rows;
}
