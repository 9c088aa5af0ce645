import type { ApiClient } from '../../../electron/core/api/contract';
import type { AppEvent } from '../../../electron/core/api/events';
import { bridgeToken, httpClient, httpEvents } from './http-transport';
import { desktopBridge } from './transport';

/** How this page reaches the core. */
export const transport: 'ipc' | 'http' = desktopBridge() ? 'ipc' : 'http';

const token = transport === 'http' ? bridgeToken() : '';

/** The typed API: `api.procedure.get()` → `Promise<Result<Procedure>>`, over IPC or HTTP. */
export const api: ApiClient = desktopBridge()?.api ?? httpClient(token);

/** Subscribe to the core's events; returns the unsubscribe function. */
export function subscribeEvents(listener: (event: AppEvent) => void): () => void {
  const desktop = desktopBridge();
  return desktop ? desktop.onEvent(listener) : httpEvents(token, listener);
}
