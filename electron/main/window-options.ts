import type { BrowserWindowConstructorOptions } from 'electron';

/** What the window needs from the outside. */
export interface WindowOptionsInput {
  /** Absolute path of the built preload script. */
  preloadPath: string;
  /** Window background while the page loads (matches the dark theme, no white flash). */
  backgroundColor?: string;
}

/**
 * The main window's options: isolated, sandboxed, no Node in the page, web security on,
 * no remote content features. Pure, so a unit test holds every security switch in place.
 */
export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1280,
    minHeight: 720,
    title: 'DR War Room',
    backgroundColor: input.backgroundColor ?? '#0f1419',
    show: false,
    autoHideMenuBar: false,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}
