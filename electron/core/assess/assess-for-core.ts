import type { Core } from '../app/core';
import { AssessService } from './assess-service';
import { scanClientsFor } from './scan-clients-for';

/**
 * The assessment service wired to a core: the session's guarded clients restricted to read
 * operations (see {@link scanClientsFor}), the backup policy of the runbooks, the regions of
 * the DR procedure, the simulator's clock in tabletop mode, and the incident journal.
 */
export function assessServiceForCore(core: Core): AssessService {
  return new AssessService({
    dataDir: core.options.dataDir,
    clients: async () => {
      const clients = scanClientsFor(await core.session.clients());
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
