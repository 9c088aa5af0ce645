import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildClient, EVENT_CHANNEL, ipcChannel, type ApiClient } from '../core/api/contract';
import type { AppEvent } from '../core/api/events';
import type { Result } from '../core/api/result';

/** What the preload exposes to the page as `window.drWarRoom`. */
export interface PreloadBridge {
  /** One named method per contract call: `api.procedure.get(input)`. */
  api: ApiClient;
  /** Subscribe to the core's event stream; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
}

const bridge: PreloadBridge = {
  api: buildClient((name, input) => ipcRenderer.invoke(ipcChannel(name), input) as Promise<Result<unknown>>),
  onEvent(listener) {
    const wrapped = (_event: IpcRendererEvent, payload: AppEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
};

contextBridge.exposeInMainWorld('drWarRoom', bridge);
