import type { StateCreator } from 'zustand';
import type {
  RunbookDocument,
  RunbookProblem,
  RunbookSearchHit,
  RunbookSummary,
} from '../../../../electron/core/api/calls/runbooks';
import type { RunbookServiceId, RunbookStageId } from '../../../../electron/core/runbooks/runbook-view';
import { api } from '../../api/client';
import { fromResult, idle, type Loadable } from '../loadable';
import type { StoreState } from '../index';

/** The browse filters of the runbook library. */
export interface RunbookFilter {
  service: RunbookServiceId | 'all';
  stage: RunbookStageId | 'all';
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
  /**
   * Placeholder values for this session (the incident context): filled by the commander in the
   * reader or passed when a runbook is opened from a step; shared by every runbook.
   */
  runbookValues: Record<string, string>;
  loadRunbooks(): Promise<void>;
  /** Re-read every runbook from disk (after the organisation edited its own), then refresh the list and the open runbook. */
  reloadRunbooks(): Promise<void>;
  setRunbookFilter(filter: Partial<RunbookFilter>): void;
  /** Search as you type: only the answer to the latest query is kept. */
  searchRunbooks(query: string): Promise<void>;
  /** Open a runbook in the reader (switching to the runbooks screen), merging `values` into the context. */
  showRunbook(id: string, values?: Record<string, string>): Promise<void>;
  /** Set (or clear, with an empty string) one placeholder value, and refresh the open runbook. */
  setRunbookValue(name: string, value: string): Promise<void>;
  closeRunbook(): void;
}

let searchSeq = 0;
let openSeq = 0;

/** Creates the runbooks slice. */
export const createRunbooksSlice: StateCreator<StoreState, [], [], RunbooksSlice> = (set, get) => {
  async function fetchOpen(id: string): Promise<void> {
    const seq = ++openSeq;
    const current = get().openRunbook;
    if (current.status !== 'ready' || current.value.id !== id) set({ openRunbook: { status: 'loading' } });
    const result = await api.runbooks.get({ id, values: get().runbookValues });
    if (seq === openSeq) set({ openRunbook: fromResult(result) });
  }

  return {
    runbookList: idle,
    runbookProblems: [],
    runbookFilter: { service: 'all', stage: 'all' },
    runbookQuery: '',
    runbookHits: idle,
    openRunbookId: null,
    openRunbook: idle,
    runbookValues: {},

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
      set((state) => ({
        view: 'runbooks',
        openRunbookId: id,
        runbookValues: values ? { ...state.runbookValues, ...values } : state.runbookValues,
      }));
      await fetchOpen(id);
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
      set({ openRunbookId: null, openRunbook: idle });
    },
  };
};
