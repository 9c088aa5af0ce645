import type { StateCreator } from 'zustand';
import type { ErrorValue, Result } from '../../../../electron/core/api/result';
import type { JournalEntry } from '../../../../electron/core/incident/types';
import { reduceRun } from '../../../../electron/core/recover/run-reducer';
import type {
  RecoverableView,
  RecoveryMapping,
  RecoveryPlan,
  RecoveryRunView,
  ResourceSelection,
} from '../../../../electron/core/recover/types';
import { api } from '../../api/client';
import { fromResult, idle, type Loadable } from '../loadable';
import type { StoreState } from '../index';

/** The recovery slice: what can be recovered, the plan (dry run), and the run folded from journal events. */
export interface RecoverSlice {
  recoverable: Loadable<RecoverableView>;
  /** The run of the open incident (plan, actions, endpoint map), folded from `incident.entry` events. */
  recoverRun: RecoveryRunView | null;
  /** The last refused recovery call (shown by the view), cleared on the next success. */
  recoverError: ErrorValue | null;
  recoverBusy: boolean;
  loadRecoverable(incidentId: string, fresh?: boolean): Promise<void>;
  loadRecoverRun(incidentId: string): Promise<void>;
  buildRecoveryPlan(input: {
    incidentId: string;
    selection: ResourceSelection[];
    mapping: Partial<RecoveryMapping>;
    reapply: { pitr: boolean; ttl: boolean; tags: boolean };
  }): Promise<RecoveryPlan | null>;
  confirmRecovery(incidentId: string, planId: string, typed: string): Promise<boolean>;
  controlRecovery(action: 'pause' | 'resume' | 'cancel', incidentId: string): Promise<void>;
  retryRecoveryAction(incidentId: string, actionId: string): Promise<void>;
  /** Fold a journal entry of the open incident into the run. */
  applyRecoverEntry(incidentId: string, entry: JournalEntry): void;
}

/**
 * Keep the fresher of two views of the same incident's run: events may arrive before the answer
 * of the call that caused them, so an answer never replaces entries already folded (PURE).
 */
export function fresherRun(current: RecoveryRunView | null, incoming: RecoveryRunView): RecoveryRunView {
  if (!current || current.incidentId !== incoming.incidentId) return incoming;
  if (incoming.run.plan?.id !== current.run.plan?.id)
    return incoming.run.lastSeq >= current.run.lastSeq ? incoming : current;
  return incoming.run.lastSeq >= current.run.lastSeq
    ? incoming
    : { ...current, queue: incoming.queue, attached: incoming.attached, interrupted: incoming.interrupted };
}

/** Creates the recovery slice. */
export const createRecoverSlice: StateCreator<StoreState, [], [], RecoverSlice> = (set, get) => {
  async function run<T>(call: () => Promise<Result<T>>): Promise<T | null> {
    set({ recoverBusy: true });
    const result = await call();
    set({ recoverBusy: false, recoverError: result.ok ? null : result.error });
    return result.ok ? result.value : null;
  }
  async function refresh(incidentId: string): Promise<void> {
    const status = await api.recover.status({ incidentId });
    if (status.ok) set({ recoverRun: fresherRun(get().recoverRun, status.value) });
  }
  return {
    recoverable: idle,
    recoverRun: null,
    recoverError: null,
    recoverBusy: false,

    async loadRecoverable(incidentId, fresh = false) {
      set({ recoverable: { status: 'loading' } });
      set({ recoverable: fromResult(await api.recover.resources({ incidentId, fresh })) });
    },

    async loadRecoverRun(incidentId) {
      await refresh(incidentId);
    },

    async buildRecoveryPlan(input) {
      const plan = await run(() => api.recover.plan(input));
      if (plan) await refresh(input.incidentId);
      return plan;
    },

    async confirmRecovery(incidentId, planId, typed) {
      const view = await run(() => api.recover.confirm({ incidentId, planId, typed }));
      if (view) set({ recoverRun: fresherRun(get().recoverRun, view) });
      return view !== null;
    },

    async controlRecovery(action, incidentId) {
      const view = await run(() => api.recover[action]({ incidentId }));
      if (view) set({ recoverRun: fresherRun(get().recoverRun, view) });
    },

    async retryRecoveryAction(incidentId, actionId) {
      const view = await run(() => api.recover.retry({ incidentId, actionId }));
      if (view) set({ recoverRun: fresherRun(get().recoverRun, view) });
    },

    applyRecoverEntry(incidentId, entry) {
      const current = get().recoverRun;
      if (!entry.type.startsWith('recover.')) return;
      if (!current || current.incidentId !== incidentId) {
        if (get().incident?.id === incidentId) void refresh(incidentId);
        return;
      }
      if (entry.seq <= current.run.lastSeq) return;
      set({
        recoverRun: { ...current, run: reduceRun(current.run, entry), attached: true, interrupted: false },
      });
    },
  };
};
