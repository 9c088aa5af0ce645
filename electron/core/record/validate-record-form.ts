/** Checks of a record form beyond its shape: real dates, real owners (pure). */
import type { RecordForm } from './types';

/** One problem with a form field. */
export interface FormProblem {
  /** `actionItems[2].due` */
  field: string;
  message: string;
}

const PLACEHOLDER_OWNERS = new Set([
  'tbd',
  'tba',
  'n/a',
  'na',
  'none',
  'nobody',
  'unknown',
  'someone',
  'todo',
  '?',
  '-',
]);

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Why an owner is not acceptable, or `null`. */
export function ownerProblem(owner: string): string | null {
  const trimmed = owner.trim();
  if (trimmed === '') return 'needs an owner: the person or team who will do it';
  if (trimmed.length > 100) return 'must be at most 100 characters';
  if (PLACEHOLDER_OWNERS.has(trimmed.toLowerCase()))
    return `"${trimmed}" is a placeholder: name the person or team who will do it`;
  if (!/\p{L}/u.test(trimmed)) return `"${trimmed}" is not a name or an e-mail address`;
  if (trimmed.includes('@') && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(trimmed))
    return `"${trimmed}" is not a valid e-mail address`;
  return null;
}

/**
 * Every problem with a record form: action items need a title, a real owner and a real due date
 * not before the incident's (UTC) start date.
 */
export function validateRecordForm(form: RecordForm, incidentStart: string): FormProblem[] {
  const problems: FormProblem[] = [];
  const startDay = incidentStart.slice(0, 10);
  form.actionItems.forEach((item, i) => {
    const at = `actionItems[${i}]`;
    if (item.title.trim() === '')
      problems.push({ field: `${at}.title`, message: 'is empty: say what will be done' });
    const owner = ownerProblem(item.owner);
    if (owner) problems.push({ field: `${at}.owner`, message: owner });
    if (!isCalendarDate(item.due)) {
      problems.push({
        field: `${at}.due`,
        message: `"${item.due}" is not a date; write it as YYYY-MM-DD (e.g. 2026-12-15)`,
      });
    } else if (item.due < startDay) {
      problems.push({
        field: `${at}.due`,
        message: `${item.due} is before the incident started (${startDay}); pick a date to come`,
      });
    }
  });
  return problems;
}
