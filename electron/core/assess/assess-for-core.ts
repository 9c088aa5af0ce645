import { allowKinds } from '../aws/guard';
import type { Core } from '../app/core';
import { AssessService } from './assess-service';

/**
 * The assessment service wired to a core: the session's guarded clients restricted to read
 * operations (and their fast-fail flavour), the backup policy of the runbooks, the regions of
 * the DR procedure, the simulator's clock in tabletop mode, and the incident journal.
 */
export function assessServiceForCore(core: Core): AssessService {
  return new AssessService({
    dataDir: core.options.dataDir,
    clients: async () => {
      // Few SDK attempts: the scan's scheduler retries throttling itself (halving its concurrency)
      // and must not spend seconds retrying a region that does not answer.
      const clients = (await core.session.clients())
        .withPolicy(allowKinds(['read'], 'The assessment'))
        .fastFail();
      return { clients, fast: clients };
    },
    policy: () => core.runbooks.policy(),
    regions: async () => {
      const { regions } = await core.procedure.get();
      return { primary: regions.primary, secondary: regions.secondary };
    },
    clock: async () => {
      if (core.mode.mode !== 'TABLETOP') return () => new Date();
      const sim = await core.tabletopSimulator();
      return () => sim.clock.now();
    },
    emit: (event) => core.events.emit(event),
    journal: {
      activeId: async () => (await core.incidents.active())?.state.id ?? null,
      append: async (incidentId, type, data) => {
        await core.incidents.append(incidentId, { type, actor: 'DR War Room', data });
      },
      completeAction: async (incidentId, evidence) => {
        await core.incidents.completeAction(incidentId, 'assess.run', evidence, 'DR War Room');
      },
    },
  });
}
