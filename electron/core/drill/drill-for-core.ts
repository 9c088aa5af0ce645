import type { Core } from '../app/core';
import { DrillService } from './drill-service';

/** Tabletop drills poll faster: the simulated account answers in-process. */
const TABLETOP_POLL = { initialMs: 100, factor: 1.5, maxMs: 1_000, timeoutMs: 10 * 60_000 };

/** The drill service wired to the core's AWS session, procedure regions and event stream. */
export function drillServiceForCore(core: Core): DrillService {
  const tabletop = core.mode.mode === 'TABLETOP';
  return new DrillService({
    dataDir: core.options.dataDir,
    clients: () => core.session.clients(),
    regions: async () => (await core.procedure.get()).regions,
    mode: core.mode.mode,
    scenario: core.scenario?.name ?? null,
    clock: async () => {
      if (!tabletop) return () => new Date();
      const sim = await core.tabletopSimulator();
      return () => sim.clock.now();
    },
    identity: async () => {
      const status = await core.session.status().catch(() => null);
      return status?.identity?.arn ?? null;
    },
    emit: (event) => core.events.emit(event),
    ...(tabletop ? { poll: TABLETOP_POLL } : {}),
  });
}
