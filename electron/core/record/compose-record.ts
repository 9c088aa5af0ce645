/** Build the record from its facts and the form, and its title (pure). */
import type { LessonsRecord, RecordFacts, RecordForm } from './types';

/** The record's title; exercise records say so. */
export function recordTitle(facts: RecordFacts): string {
  const base = `Lessons learned: ${facts.incidentTitle} (${facts.incidentId})`;
  return facts.exercise ? `Tabletop exercise: ${base}` : base;
}

/** An empty form. */
export function emptyRecordForm(): RecordForm {
  return { summary: '', impact: '', wentWell: [], wentPoorly: [], rootCauses: [], actionItems: [] };
}

/** The record as saved: the form's text (trimmed, empty list items dropped) with the facts. */
export function composeRecord(facts: RecordFacts, form: RecordForm, savedAt: Date): LessonsRecord {
  const list = (items: string[]) => items.map((s) => s.trim()).filter((s) => s !== '');
  return {
    schema: 'dr-war-room/lessons-learned@1',
    title: recordTitle(facts),
    savedAt: savedAt.toISOString(),
    summary: form.summary.trim(),
    impact: form.impact.trim(),
    wentWell: list(form.wentWell),
    wentPoorly: list(form.wentPoorly),
    rootCauses: list(form.rootCauses),
    actionItems: form.actionItems.map((a) => ({ title: a.title.trim(), owner: a.owner.trim(), due: a.due })),
    facts,
  };
}
