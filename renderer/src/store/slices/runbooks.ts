import type { StateCreator } from 'zustand';
import type {
  RunbookDocument,
  RunbookProblem,
  RunbookSearchHit,
  RunbookSummary,
} from '../../../../electron/core/api/calls/runbooks';
import type { RunbookServiceId, RunbookStageId } from '../../../../electron/core/runbooks/runbook-view';
import {
  stepRunbookValues,
  valuesForCandidate,
  type StepRunbookFill,
} from '../../../../electron/core/runbooks/step-runbook-values';
import { api } from '../../api/client';
import { fromResult, idle, type Loadable } from '../loadable';
import type { StoreState } from '../index';

/** The browse filters of the runbook library. */
export interface RunbookFilter {
  service: RunbookServiceId | 'all';
  stage: RunbookStageId | 'all';
}

/** The resources a runbook opened from a procedure step can be filled for, and the one chosen. */
export interface RunbookFillState extends StepRunbookFill {
  /** The candidate whose values fill the runbook (null when there is none). */
  chosenId: string | null;
}

/** The runbook reader's state: the library, the search, the open runbook and the placeholder values. */
export interface RunbooksSlice {
  runbookList: Loadable<RunbookSummary[]>;
  runbookProblems: RunbookProblem[];
  runbookFilter: RunbookFilter;
  runbookQuery: string;
  /** Hits for `runbookQuery` (idle while the query is empty). */
  runbookHits: Loadable<RunbookSearchHit[]>;
  openRunbookId: string | null;
  openRunbook: Loadable<RunbookDocument>;
  /** The `runbookValuesEpoch` the open runbook was filled with (the placeholder form restarts when it changes). */
  openRunbookEpoch: number;
  /**
   * Placeholder values for this session (the incident context): filled by the commander in the
   * reader or passed when a runbook is opened from a step; shared by every runbook.
   */
  runbookValues: Record<string, string>;
  /**
   * The resources the runbook opened from a step can be filled for (`runbookFill.runbookId`), or
   * null. Kept while other runbooks are read; replaced by the next step or option opened.
   */
  runbookFill: RunbookFillState | null;
  /** Counts value changes made from outside the placeholder form (a step, an option, a chosen resource). */
  runbookValuesEpoch: number;
  loadRunbooks(): Promise<void>;
  /** Re-read every runbook from disk (after the organisation edited its own), then refresh the list and the open runbook. */
  reloadRunbooks(): Promise<void>;
  setRunbookFilter(filter: Partial<RunbookFilter>): void;
  /** Search as you type: only the answer to the latest query is kept. */
  searchRunbooks(query: string): Promise<void>;
  /** Open a runbook in the reader (switching to the runbooks screen), merging `values` into the context. */
  showRunbook(id: string, values?: Record<string, string>): Promise<void>;
  /**
   * Open a procedure step's runbook filled from what the incident knows: its id and regions, and
   * for a service runbook the most relevant resource of the plan (or else of the latest
   * assessment), loading the assessment, the plan and the library first when not yet loaded.
   */
  openStepRunbook(id: string): Promise<void>;
  /** Fill the step's runbook for another of its candidate resources (replacing the previous one's values). */
  chooseRunbookCandidate(candidateId: string): Promise<void>;
  /** Set (or clear, with an empty string) one placeholder value, and refresh the open runbook. */
  setRunbookValue(name: string, value: string): Promise<void>;
  closeRunbook(): void;
}

let searchSeq = 0;
let openSeq = 0;
let stepSeq = 0;

/**
 * The values without those a step's chosen resource put there (PURE): what the commander typed
 * over them stays, and the incident's own values (id, regions) go back to the incident's.
 */
export function withoutChosenResource(
  values: Record<string, string>,
  fill: RunbookFillState | null,
): Record<string, string> {
  if (!fill) return values;
  const chosen = valuesForCandidate(fill, fill.chosenId);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (chosen[name] !== value) out[name] = value;
    else if (name in fill.base) out[name] = fill.base[name]!;
  }
  return out;
}

/** Creates the runbooks slice. */
export const createRunbooksSlice: StateCreator<StoreState, [], [], RunbooksSlice> = (set, get) => {
  async function fetchOpen(id: string): Promise<void> {
    const seq = ++openSeq;
    const current = get().openRunbook;
    if (current.status !== 'ready' || current.value.id !== id) set({ openRunbook: { status: 'loading' } });
    const epoch = get().runbookValuesEpoch;
    const result = await api.runbooks.get({ id, values: get().runbookValues });
    if (seq === openSeq) set({ openRunbook: fromResult(result), openRunbookEpoch: epoch });
  }

  return {
    runbookList: idle,
    runbookProblems: [],
    runbookFilter: { service: 'all', stage: 'all' },
    runbookQuery: '',
    runbookHits: idle,
    openRunbookId: null,
    openRunbook: idle,
    openRunbookEpoch: 0,
    runbookValues: {},
    runbookFill: null,
    runbookValuesEpoch: 0,

    async loadRunbooks() {
      set({ runbookList: { status: 'loading' } });
      const [list, problems] = await Promise.all([api.runbooks.list(), api.runbooks.problems()]);
      set({ runbookList: fromResult(list), runbookProblems: problems.ok ? problems.value : [] });
    },

    async reloadRunbooks() {
      const result = await api.runbooks.reload();
      if (!result.ok) {
        set({ runbookList: { status: 'error', error: result.error } });
        return;
      }
      await get().loadRunbooks();
      const id = get().openRunbookId;
      if (id) await fetchOpen(id);
      const query = get().runbookQuery;
      if (query.trim() !== '') await get().searchRunbooks(query);
    },

    setRunbookFilter(filter) {
      set((state) => ({ runbookFilter: { ...state.runbookFilter, ...filter } }));
    },

    async searchRunbooks(query) {
      const seq = ++searchSeq;
      set({ runbookQuery: query });
      if (query.trim() === '') {
        set({ runbookHits: idle });
        return;
      }
      if (get().runbookHits.status !== 'ready') set({ runbookHits: { status: 'loading' } });
      const result = await api.runbooks.search({ query, limit: 20 });
      if (seq === searchSeq) set({ runbookHits: fromResult(result) });
    },

    async showRunbook(id, values) {
      stepSeq++;
      set((state) => ({
        view: 'runbooks',
        openRunbookId: id,
        ...(values
          ? {
              runbookValues: { ...state.runbookValues, ...values },
              // Values given with the runbook (an option's) replace a step's choice of resource.
              runbookFill: null,
              runbookValuesEpoch: state.runbookValuesEpoch + 1,
            }
          : {}),
      }));
      await fetchOpen(id);
    },

    async openStepRunbook(id) {
      const seq = ++stepSeq;
      openSeq++;
      set({ view: 'runbooks', openRunbookId: id, openRunbook: { status: 'loading' } });
      const incident = get().incident;
      await Promise.all([
        get().runbookList.status === 'ready' ? null : get().loadRunbooks(),
        get().assessment.status === 'idle' ? get().loadAssessment() : null,
        incident && get().recoverRun?.incidentId !== incident.id ? get().loadRecoverRun(incident.id) : null,
      ]);
      if (seq !== stepSeq) return; // another runbook was opened meanwhile
      const state = get();
      const list = state.runbookList.status === 'ready' ? state.runbookList.value : [];
      const service = list.find((r) => r.id === id)?.service ?? 'general';
      const open = state.incident;
      const run = state.recoverRun;
      const fill = stepRunbookValues(
        { id, service },
        open?.state ?? null,
        state.assessment.status === 'ready' ? state.assessment.value : null,
        open && run?.incidentId === open.id ? run.run.plan : null,
      );
      const chosenId = fill.candidates[0]?.id ?? null;
      set((current) => ({
        runbookFill: { ...fill, chosenId },
        runbookValues: {
          // A new resource replaces the one a previous step chose; with none, the context stays.
          ...(fill.candidates.length > 0
            ? withoutChosenResource(current.runbookValues, current.runbookFill)
            : current.runbookValues),
          ...valuesForCandidate(fill, chosenId),
        },
        runbookValuesEpoch: current.runbookValuesEpoch + 1,
      }));
      await fetchOpen(id);
    },

    async chooseRunbookCandidate(candidateId) {
      const fill = get().runbookFill;
      if (!fill || !fill.candidates.some((c) => c.id === candidateId) || fill.chosenId === candidateId)
        return;
      set((state) => ({
        runbookFill: { ...fill, chosenId: candidateId },
        runbookValues: {
          ...withoutChosenResource(state.runbookValues, fill),
          ...valuesForCandidate(fill, candidateId),
        },
        runbookValuesEpoch: state.runbookValuesEpoch + 1,
      }));
      const id = get().openRunbookId;
      if (id) await fetchOpen(id);
    },

    async setRunbookValue(name, value) {
      set((state) => {
        const next = { ...state.runbookValues };
        if (value.trim() === '') delete next[name];
        else next[name] = value.trim();
        return { runbookValues: next };
      });
      const id = get().openRunbookId;
      if (id) await fetchOpen(id);
    },

    closeRunbook() {
      openSeq++;
      stepSeq++;
      set({ openRunbookId: null, openRunbook: idle });
    },
  };
};
