import type { ApiClient } from '../../../electron/core/api/contract';
import type { AppEvent } from '../../../electron/core/api/events';

/** The preload's bridge, present only inside the desktop app. */
export interface DesktopBridge {
  api: ApiClient;
  onEvent(listener: (event: AppEvent) => void): () => void;
}

declare global {
  interface Window {
    drWarRoom?: DesktopBridge;
  }
}

/** The desktop bridge, if this page runs inside the Electron window. */
export function desktopBridge(): DesktopBridge | null {
  return typeof window !== 'undefined' && window.drWarRoom ? window.drWarRoom : null;
}
