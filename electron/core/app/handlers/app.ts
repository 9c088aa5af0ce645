import type { Core } from '../core';
import type { Handlers } from '../dispatch';

/** Handlers of the `app.*` calls. */
export function appHandlers(core: Core): Pick<Handlers, 'app.info'> {
  return {
    'app.info': () => ({
      name: 'DR War Room',
      version: core.options.version,
      mode: core.mode.mode,
      modeReason: core.mode.reason,
      scenario: core.scenario,
      transport: core.options.transport,
      dataDir: core.options.dataDir,
    }),
  };
}
