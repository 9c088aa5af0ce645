import type { Core } from '../core';
import type { Handlers } from '../dispatch';

/** Handlers of the `procedure.*` calls. */
export function procedureHandlers(core: Core): Pick<Handlers, 'procedure.get' | 'procedure.reload'> {
  return {
    'procedure.get': () => core.procedure.get(),
    'procedure.reload': async () => {
      try {
        const procedure = await core.procedure.reload();
        core.events.emit({ type: 'procedure.reloaded', ok: true });
        return procedure;
      } catch (error) {
        core.events.emit({ type: 'procedure.reloaded', ok: false });
        throw error;
      }
    },
  };
}
