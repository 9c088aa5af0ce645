import type { ReviewCycle } from './runbook-view';

const CYCLE_MONTHS: Record<ReviewCycle, number> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

/** The date (YYYY-MM-DD) a runbook reviewed on `lastReviewed` is due for review again. */
export function reviewDueDate(lastReviewed: string, cycle: ReviewCycle): string {
  const [year, month, day] = lastReviewed.split('-').map(Number) as [number, number, number];
  const due = new Date(Date.UTC(year, month - 1 + CYCLE_MONTHS[cycle], 1));
  const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(day, lastDay));
  return due.toISOString().slice(0, 10);
}
