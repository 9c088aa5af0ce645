import type { Core } from '../app/core';
import { loadProbes } from './load-probes';
import { ValidateService } from './validate-service';

/** The validation service wired to the core's incidents, AWS session, recovery and assessment. */
export function validateServiceForCore(core: Core): ValidateService {
  return new ValidateService({
    incidents: core.incidents,
    clients: () => core.session.clients(),
    recoverStatus: (incidentId) => core.recover.status(incidentId),
    latestAssessment: () => core.assess.latest(),
    probes: () => loadProbes(core.options.dataDir),
    mode: core.mode.mode,
    emit: (event) => core.events.emit(event),
  });
}
