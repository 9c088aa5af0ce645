import type { Core } from '../core';
import type { Handlers } from '../dispatch';

/** Handlers of the `app.*` calls. */
export function appHandlers(core: Core): Pick<Handlers, 'app.info'> {
  return {
    'app.info': async () => ({
      name: 'DR War Room',
      version: core.options.version,
      mode: core.mode.mode,
      modeReason: core.mode.reason,
      scenario: core.scenario ? { name: core.scenario.name, title: await scenarioTitle(core) } : null,
      transport: core.options.transport,
      dataDir: core.options.dataDir,
    }),
  };
}

/** The tabletop scenario's title from its file (its name when the account cannot be opened). */
async function scenarioTitle(core: Core): Promise<string> {
  try {
    return (await core.tabletopSimulator()).scenario.title;
  } catch {
    return core.scenario?.name ?? '';
  }
}
