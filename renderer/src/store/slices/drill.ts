import type { StateCreator } from 'zustand';
import type {
  DrillHistory,
  DrillRecord,
  DrillRunInput,
  DrillRunView,
  DrillTargets,
} from '../../../../electron/core/api/calls/drill';
import type { DrillProgressEvent } from '../../../../electron/core/api/events';
import type { ErrorValue } from '../../../../electron/core/api/result';
import { api } from '../../api/client';
import { fromResult, idle, type Loadable } from '../loadable';
import type { StoreState } from '../index';

/** A drill record as the drills screen shows it. */
export interface OpenDrillRecord {
  record: DrillRecord;
  markdown: string;
}

/** The drills slice: candidates, the drill in progress (from events), its record, and the history. */
export interface DrillSlice {
  drillTargets: Loadable<DrillTargets>;
  drillRun: DrillRunView | null;
  drillHistory: Loadable<DrillHistory>;
  drillRecord: Loadable<OpenDrillRecord>;
  /** The last refused drill call, cleared on the next success. */
  drillError: ErrorValue | null;
  loadDrillTargets(): Promise<void>;
  loadDrillStatus(): Promise<void>;
  loadDrillHistory(): Promise<void>;
  startDrill(input: DrillRunInput): Promise<boolean>;
  openDrillRecord(id: string): Promise<void>;
  /** A `drill.progress` event: the fresher view of the same or a newer drill wins. */
  applyDrillEvent(event: DrillProgressEvent): void;
}

/** True when a run view should replace the current one (PURE): another drill, or the same one finished or further along. */
export function isFresher(current: DrillRunView | null, next: DrillRunView): boolean {
  if (!current || current.id !== next.id) return !current || next.startedAt >= current.startedAt;
  if (current.status !== 'running') return false;
  return true;
}

/** Creates the drills slice. */
export const createDrillSlice: StateCreator<StoreState, [], [], DrillSlice> = (set, get) => ({
  drillTargets: idle,
  drillRun: null,
  drillHistory: idle,
  drillRecord: idle,
  drillError: null,

  async loadDrillTargets() {
    set({ drillTargets: { status: 'loading' } });
    set({ drillTargets: fromResult(await api.drill.targets({})) });
  },

  async loadDrillStatus() {
    const result = await api.drill.status({});
    if (result.ok && result.value && isFresher(get().drillRun, result.value)) set({ drillRun: result.value });
  },

  async loadDrillHistory() {
    if (get().drillHistory.status !== 'ready') set({ drillHistory: { status: 'loading' } });
    set({ drillHistory: fromResult(await api.drill.history({})) });
  },

  async startDrill(input) {
    set({ drillError: null });
    const result = await api.drill.start(input);
    if (!result.ok) {
      set({ drillError: result.error });
      return false;
    }
    if (isFresher(get().drillRun, result.value)) set({ drillRun: result.value });
    return true;
  },

  async openDrillRecord(id) {
    set({ drillRecord: { status: 'loading' } });
    set({ drillRecord: fromResult(await api.drill.record({ id })) });
  },

  applyDrillEvent(event) {
    if (!isFresher(get().drillRun, event.run)) return;
    set({ drillRun: event.run });
    if (event.run.record) {
      set({ drillRecord: { status: 'ready', value: { record: event.run.record, markdown: '' } } });
      void get().openDrillRecord(event.run.record.id);
      void get().loadDrillHistory();
    }
  },
});
