import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { callNames, EVENT_CHANNEL, ipcChannel } from '../core/api/contract';
import type { Result } from '../core/api/result';
import type { Core } from '../core/app/core';
import { isTrustedSender } from './sender-check';

/** The one place that touches `ipcMain`: one handler per contract call, each checking its sender. */
export function registerIpcHandlers(core: Core, appWebContentsId: () => number | null): () => void {
  for (const name of callNames) {
    ipcMain.handle(
      ipcChannel(name),
      async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
        const trusted = isTrustedSender(
          {
            webContentsId: event.sender.id,
            frameUrl: event.senderFrame?.url,
            isMainFrame: event.senderFrame?.parent === null,
          },
          appWebContentsId(),
        );
        if (!trusted) {
          return {
            ok: false,
            error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the app window.' },
          };
        }
        return core.dispatch(name, input, { via: 'ipc' });
      },
    );
  }
  return () => {
    for (const name of callNames) ipcMain.removeHandler(ipcChannel(name));
  };
}

/** Forward every core event to the app window. */
export function forwardEvents(core: Core, contents: WebContents): () => void {
  return core.events.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
}
