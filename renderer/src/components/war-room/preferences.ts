/** The look of the app, remembered between sessions (renderer only: no secrets). */
export interface UiPreferences {
  theme: 'dark' | 'light';
  /** Large text for projectors. */
  presentation: boolean;
}

/** The key the preferences are kept under in `localStorage`. */
export const PREFERENCES_KEY = 'dr-war-room.ui';

/** The preferences of a first start: dark, normal text. */
export const defaultPreferences: UiPreferences = { theme: 'dark', presentation: false };

/** Read preferences from stored text; anything unreadable falls back to the defaults (pure). */
export function parsePreferences(text: string | null): UiPreferences {
  if (!text) return { ...defaultPreferences };
  try {
    const raw = JSON.parse(text) as Partial<Record<keyof UiPreferences, unknown>>;
    return {
      theme: raw.theme === 'light' ? 'light' : 'dark',
      presentation: raw.presentation === true,
    };
  } catch {
    return { ...defaultPreferences };
  }
}

/** The remembered preferences (defaults when storage is unavailable). */
export function loadPreferences(): UiPreferences {
  try {
    return parsePreferences(globalThis.localStorage?.getItem(PREFERENCES_KEY) ?? null);
  } catch {
    return { ...defaultPreferences };
  }
}

/** Remember the preferences and apply them to the document. */
export function savePreferences(prefs: UiPreferences): void {
  try {
    globalThis.localStorage?.setItem(PREFERENCES_KEY, JSON.stringify(prefs));
  } catch {
    // Storage refused (private mode, quota): the choice still applies to this session.
  }
  applyPreferences(prefs);
}

/** Set `data-theme` and `data-presentation` on the root element, where the CSS variables read them. */
export function applyPreferences(prefs: UiPreferences): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  root.dataset.theme = prefs.theme;
  root.dataset.presentation = String(prefs.presentation);
}
