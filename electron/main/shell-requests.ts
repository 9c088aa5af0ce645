import path from 'node:path';
import { shell } from 'electron';
import type { Core } from '../core/app/core';

/** Decides which external URLs may be opened in the system browser. */
export type ExternalUrlPolicy = (url: string) => boolean;

/**
 * Act on the core's `shell.request` events: open an allowlisted URL in the system browser,
 * or show a folder inside the data directory. Anything else is ignored and reported.
 */
export function handleShellRequests(core: Core, allowExternal: ExternalUrlPolicy): () => void {
  return core.events.subscribe((event) => {
    if (event.type !== 'shell.request') return;
    if (event.action === 'openExternal') {
      if (allowExternal(event.target)) void shell.openExternal(event.target);
      else
        core.events.emit({
          type: 'app.notice',
          level: 'warning',
          message: `Refused to open ${event.target}.`,
        });
      return;
    }
    const dataDir = path.resolve(core.options.dataDir);
    const target = path.resolve(event.target);
    if (target === dataDir || target.startsWith(dataDir + path.sep)) void shell.openPath(target);
  });
}
