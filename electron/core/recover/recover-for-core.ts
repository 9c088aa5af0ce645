import type { Core } from '../app/core';
import { RecoverService } from './recover-service';

/** Tabletop exercises poll faster: the simulated account answers in-process. */
const TABLETOP_POLL = { initialMs: 250, factor: 1.5, maxMs: 2_000 };

/** The recovery service wired to the core's incidents, AWS session, procedure and assessment. */
export function recoverServiceForCore(core: Core): RecoverService {
  return new RecoverService({
    dataDir: core.options.dataDir,
    incidents: core.incidents,
    clients: () => core.session.clients(),
    regions: async () => (await core.procedure.get()).regions,
    latestAssessment: () => core.assess.latest(),
    runAssessment: (incidentId) => core.assess.run({ incidentId }),
    ...(core.mode.mode === 'TABLETOP' ? { poll: TABLETOP_POLL } : {}),
    notify: (message) => core.events.emit({ type: 'app.notice', level: 'warning', message }),
  });
}
