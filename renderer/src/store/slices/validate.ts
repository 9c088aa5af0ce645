import type { StateCreator } from 'zustand';
import type { ErrorValue } from '../../../../electron/core/api/result';
import type { ValidateProgressEvent } from '../../../../electron/core/api/events';
import type { JournalEntry } from '../../../../electron/core/incident/types';
import type { ReapplyResult, ValidationRun, ValidationView } from '../../../../electron/core/validate/types';
import { api } from '../../api/client';
import { fromResult, idle, type Loadable } from '../loadable';
import type { StoreState } from '../index';

/** Options the validation screen sends with a run. */
export interface ValidateRunOptions {
  s3Sample?: number | 'all';
  dynamodbSample?: number;
  skipNetwork?: string;
}

/** The validation slice: the latest run of the open incident, running it, and re-applying table settings. */
export interface ValidateSlice {
  validation: Loadable<ValidationView>;
  validateBusy: boolean;
  /** The last refused validation call, cleared on the next success. */
  validateError: ErrorValue | null;
  /** Resources checked so far by the run in progress (from `validate.progress` events). */
  validateProgress: { incidentId: string; done: number; total: number } | null;
  /** The answer of the last re-apply (shown under the matrix). */
  lastReapply: ReapplyResult | null;
  loadValidation(incidentId: string): Promise<void>;
  runValidation(incidentId: string, options?: ValidateRunOptions): Promise<ValidationRun | null>;
  /** Re-apply PITR, TTL and tags on a restored table; `dryRun` lists the calls without sending them. */
  reapplySettings(incidentId: string, resourceId: string, dryRun: boolean): Promise<ReapplyResult | null>;
  /** Forget the re-apply preview (the commander cancelled it). */
  clearReapply(): void;
  /** A `validate.completed` journal entry of the open incident becomes the latest run. */
  applyValidateEntry(incidentId: string, entry: JournalEntry): void;
  applyValidateProgress(event: ValidateProgressEvent): void;
}

/** The run a `validate.completed` entry carries, or null for any other entry (PURE). */
export function runOfEntry(entry: JournalEntry): ValidationRun | null {
  if (entry.type !== 'validate.completed') return null;
  const d = entry.data as Partial<ValidationRun>;
  return typeof d.id === 'string' && Array.isArray(d.resources)
    ? (entry.data as unknown as ValidationRun)
    : null;
}

/** Creates the validation slice. */
export const createValidateSlice: StateCreator<StoreState, [], [], ValidateSlice> = (set, get) => ({
  validation: idle,
  validateBusy: false,
  validateError: null,
  lastReapply: null,
  validateProgress: null,

  async loadValidation(incidentId) {
    if (get().validation.status !== 'ready') set({ validation: { status: 'loading' } });
    set({ validation: fromResult(await api.validate.latest({ incidentId })) });
  },

  async runValidation(incidentId, options = {}) {
    set({ validateBusy: true, validateError: null, validateProgress: null });
    const result = await api.validate.run({ incidentId, ...options });
    set({ validateBusy: false, validateError: result.ok ? null : result.error, validateProgress: null });
    if (!result.ok) return null;
    set({ validation: { status: 'ready', value: { incidentId, latest: result.value, running: false } } });
    return result.value;
  },

  clearReapply() {
    set({ lastReapply: null });
  },

  async reapplySettings(incidentId, resourceId, dryRun) {
    set({ validateBusy: true, validateError: null });
    const result = await api.validate.reapply({ incidentId, resourceId, dryRun });
    set({
      validateBusy: false,
      validateError: result.ok ? null : result.error,
      lastReapply: result.ok ? result.value : get().lastReapply,
    });
    return result.ok ? result.value : null;
  },

  applyValidateProgress(event) {
    if (!get().validateBusy) return;
    set({ validateProgress: { incidentId: event.incidentId, done: event.done, total: event.total } });
  },

  applyValidateEntry(incidentId, entry) {
    const run = runOfEntry(entry);
    if (!run) return;
    const current = get().validation;
    if (current.status === 'ready' && current.value.incidentId !== incidentId) return;
    set({ validation: { status: 'ready', value: { incidentId, latest: run, running: false } } });
  },
});
