/** Timeline items from journal entries (pure: the renderer builds the same items as it folds). */
import type { StageId } from '../runbooks/procedure-schema';
import { entryKind } from './entry-types';
import { foldEntries } from './reducer';
import type { IncidentState, JournalEntry, TimelineItem } from './types';

/** The timeline item of an entry, given the state right after it was applied. */
export function toTimelineItem(entry: JournalEntry, after: IncidentState | null): TimelineItem {
  return { entry, stage: after?.stage ?? 'assess', kind: entryKind(entry.type, entry.data) };
}

/** Fold entries onto a state, returning the new state and the entries' timeline items. */
export function foldWithTimeline(
  state: IncidentState | null,
  entries: readonly JournalEntry[],
): { state: IncidentState | null; items: TimelineItem[] } {
  const items: TimelineItem[] = [];
  const current = foldEntries(state, entries, (entry, after) => items.push(toTimelineItem(entry, after)));
  return { state: current, items };
}

/** A one-line text for a timeline entry (what the entry says, for people). */
export function describeEntry(entry: JournalEntry): string {
  const d = entry.data;
  const s = (v: unknown): string =>
    typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);
  switch (entry.type) {
    case 'incident.declared':
      return `Incident declared: ${s(d.title)} (${s(d.severity)}, ${s(d.mode)}), commander ${s(d.commander)}`;
    case 'stage.entered':
      return d.direction === 'back'
        ? `Went back to ${s(d.stage)}: ${s(d.reason)}`
        : `Entered ${s(d.stage)}${d.reason ? `: ${s(d.reason)}` : ''}`;
    case 'stage.signed-off':
      return `${s(d.stage)} signed off by ${s(d.by)}${d.note ? `: ${s(d.note)}` : ''}`;
    case 'step.completed':
      return `Step done: ${s(d.title) || s(d.stepId)}${d.evidence ? ` (${s(d.evidence)})` : ''}`;
    case 'step.skipped':
      return `Step skipped: ${s(d.title) || s(d.stepId)}, because ${s(d.reason)}`;
    case 'activation.decided':
      return `Activation decision: ${d.decision === 'go' ? 'GO' : 'NO-GO'} by ${s(d.decidedBy)}, approved by ${s(d.approvedBy)}${d.secondApprover ? ` and ${s(d.secondApprover)}` : ''}`;
    case 'note.added':
      return s(d.text);
    case 'status.update':
      return `Status update sent: ${s(d.text).split('\n')[0] ?? ''}`;
    case 'record.saved':
      return `Lessons-learned record saved: ${s(d.markdownPath)}`;
    case 'evidence.exported':
      return `Evidence pack exported: ${s(d.dir)}`;
    case 'journal.warning':
      return `Journal warning: ${s(d.message)}`;
    case 'recover.call.completed':
      return `AWS ${s(d.service)} ${s(d.operation)} ${s(d.resourceId)}${d.requestId ? ` (request ${s(d.requestId)})` : ''}`;
    default: {
      const summary = s(d.summary) || s(d.message) || s(d.title);
      return summary ? `${entry.type}: ${summary}` : entry.type;
    }
  }
}

/** Which timeline items {@link timelineSince} keeps. */
export interface TimelineFilter {
  /** Only entries after this sequence number (0: from the start). */
  afterSeq?: number;
  /** Only entries made while the incident was in this stage. */
  stage?: StageId | undefined;
  /** Only these kinds of item. */
  kinds?: string[] | undefined;
}

/**
 * The timeline items of `entries` after `filter.afterSeq`, each labelled with the stage recorded
 * for it in `stages` (same index; `assess` when missing), kept by stage and kind. Pure.
 */
export function timelineSince(
  entries: readonly JournalEntry[],
  stages: readonly StageId[],
  filter: TimelineFilter,
): TimelineItem[] {
  const items: TimelineItem[] = [];
  const after = filter.afterSeq ?? 0;
  for (let i = after; i < entries.length; i += 1) {
    const entry = entries[i]!;
    const item: TimelineItem = { ...toTimelineItem(entry, null), stage: stages[i] ?? 'assess' };
    if (filter.stage && item.stage !== filter.stage) continue;
    if (filter.kinds && !filter.kinds.includes(item.kind)) continue;
    items.push(item);
  }
  return items;
}
