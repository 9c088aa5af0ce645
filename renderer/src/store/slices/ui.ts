import type { StateCreator } from 'zustand';
import type { StageId } from '../../../../electron/core/runbooks/procedure-schema';
import type { StoreState } from '../index';

/** A message shown in the notice area until dismissed. */
export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  message: string;
}

/** Navigation and transient UI state. */
export interface UiSlice {
  /** The screen shown in the main area (an id from `views/registry.ts`). */
  view: string;
  /** The stage highlighted in the rail and shown by the procedure screen. */
  selectedStage: StageId;
  notices: Notice[];
  setView(view: string): void;
  selectStage(stage: StageId): void;
  pushNotice(level: Notice['level'], message: string): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;

/** Creates the UI slice. */
export const createUiSlice: StateCreator<StoreState, [], [], UiSlice> = (set) => ({
  view: 'procedure',
  selectedStage: 'assess',
  notices: [],
  setView: (view) => set({ view }),
  selectStage: (selectedStage) => set({ selectedStage, view: 'procedure' }),
  pushNotice: (level, message) =>
    set((state) => ({ notices: [...state.notices.slice(-4), { id: nextNoticeId++, level, message }] })),
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
});
