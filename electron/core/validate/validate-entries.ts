/** The journal entries validation writes (PURE builders): a completed run, and a settings re-apply. */
import type { JournalAppend } from '../incident/types';
import type { ReapplyResult, ValidationRun } from './types';
import { runSummary } from './validation-text';

/** The journal entry types validation writes. */
export const VALIDATE_ENTRY = {
  completed: 'validate.completed',
  reapplied: 'validate.reapply.completed',
} as const;

/** The `validate.completed` entry of a run: the run, its summary, and each resource's `ok`. */
export function validationCompletedEntry(run: ValidationRun, by: string | undefined): JournalAppend {
  return {
    type: VALIDATE_ENTRY.completed,
    actor: by ?? 'DR War Room',
    data: {
      ...run,
      summary: runSummary(run),
      resources: run.resources.map((r) => ({ ...r, ok: r.status !== 'fail' })),
    } as unknown as Record<string, unknown>,
  };
}

/** The `validate.reapply.completed` entry of a re-apply that was sent: what was applied and skipped. */
export function reappliedEntry(result: ReapplyResult, by: string | undefined): JournalAppend {
  const { applied, skipped } = result;
  return {
    type: VALIDATE_ENTRY.reapplied,
    actor: by ?? 'DR War Room',
    data: {
      ...result,
      summary: `Re-applied on ${result.table}: ${applied.map((a) => a.setting).join(', ') || 'nothing'}${skipped.length > 0 ? `; skipped ${skipped.map((k) => `${k.setting} (${k.reason})`).join(', ')}` : ''}`,
      resourceId: result.resourceId,
      service: 'dynamodb',
      targetId: result.table,
    } as unknown as Record<string, unknown>,
  };
}

/** The latest completed run among an incident's journal entries, or null. */
export function latestValidation(
  entries: readonly { type: string; data: Record<string, unknown> }[],
): ValidationRun | null {
  let latest: ValidationRun | null = null;
  for (const e of entries)
    if (e.type === VALIDATE_ENTRY.completed && typeof e.data.id === 'string')
      latest = e.data as unknown as ValidationRun;
  return latest;
}
