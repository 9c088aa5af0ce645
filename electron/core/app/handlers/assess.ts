import type { Core } from '../core';
import type { Handlers } from '../dispatch';

/** Handlers of the `assess.*` calls. */
export function assessHandlers(
  core: Core,
): Pick<Handlers, 'assess.run' | 'assess.cancel' | 'assess.status' | 'assess.latest'> {
  return {
    'assess.run': async (input) => {
      // An incident named explicitly must exist before minutes of scanning are spent on it.
      if (input.incidentId) await core.incidents.get(input.incidentId);
      return core.assess.run({
        ...(input.incidentId ? { incidentId: input.incidentId } : {}),
        ...(input.services ? { services: input.services } : {}),
      });
    },
    'assess.cancel': (input) => core.assess.cancel(input.scanId),
    'assess.status': () => core.assess.status(),
    'assess.latest': () => core.assess.latest(),
  };
}
