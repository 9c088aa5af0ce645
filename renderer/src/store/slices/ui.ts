import type { StateCreator } from 'zustand';
import type { StageId } from '../../../../electron/core/runbooks/procedure-schema';
import { loadPreferences, savePreferences, type UiPreferences } from '../../components/war-room/preferences';
import type { StoreState } from '../index';

/** A message shown in the notice area until dismissed. */
export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  message: string;
}

/**
 * A request from the keyboard or the palette to the screen that owns the thing asked for
 * (open the declare dialog). `n` changes on every request so the same request twice is seen twice.
 */
export interface UiRequest {
  kind: 'declare';
  n: number;
}

/** Navigation, look and transient UI state. */
export interface UiSlice {
  /** The screen shown in the main area (an id from `views/registry.ts`). */
  view: string;
  /** The stage highlighted in the rail and shown by the procedure screen. */
  selectedStage: StageId;
  notices: Notice[];
  /** Theme and presentation mode (remembered in localStorage). */
  preferences: UiPreferences;
  paletteOpen: boolean;
  helpOpen: boolean;
  uiRequest: UiRequest | null;
  setView(view: string): void;
  selectStage(stage: StageId): void;
  pushNotice(level: Notice['level'], message: string): void;
  dismissNotice(id: number): void;
  setTheme(theme: UiPreferences['theme']): void;
  toggleTheme(): void;
  togglePresentation(): void;
  setPaletteOpen(open: boolean): void;
  setHelpOpen(open: boolean): void;
  /** Ask the screen that owns it to act (see {@link UiRequest}); switches to `view` first if given. */
  request(kind: UiRequest['kind'], view?: string): void;
  /** Mark a request as handled. */
  clearRequest(): void;
}

let nextNoticeId = 1;
let nextRequest = 1;

/** Creates the UI slice. */
export const createUiSlice: StateCreator<StoreState, [], [], UiSlice> = (set, get) => ({
  view: 'procedure',
  selectedStage: 'assess',
  notices: [],
  preferences: loadPreferences(),
  paletteOpen: false,
  helpOpen: false,
  uiRequest: null,
  setView: (view) => set({ view }),
  selectStage: (selectedStage) => set({ selectedStage, view: 'procedure' }),
  pushNotice: (level, message) =>
    set((state) => ({ notices: [...state.notices.slice(-4), { id: nextNoticeId++, level, message }] })),
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
  setTheme(theme) {
    const preferences = { ...get().preferences, theme };
    savePreferences(preferences);
    set({ preferences });
  },
  toggleTheme() {
    get().setTheme(get().preferences.theme === 'dark' ? 'light' : 'dark');
  },
  togglePresentation() {
    const preferences = { ...get().preferences, presentation: !get().preferences.presentation };
    savePreferences(preferences);
    set({ preferences });
  },
  setPaletteOpen: (paletteOpen) => set({ paletteOpen, helpOpen: paletteOpen ? false : get().helpOpen }),
  setHelpOpen: (helpOpen) => set({ helpOpen, paletteOpen: helpOpen ? false : get().paletteOpen }),
  request(kind, view) {
    set({ uiRequest: { kind, n: nextRequest++ }, ...(view ? { view } : {}) });
  },
  clearRequest: () => set({ uiRequest: null }),
});
