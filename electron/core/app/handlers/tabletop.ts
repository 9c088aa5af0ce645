import type { FaultsInForce, TabletopFaultsView } from '../../api/calls/tabletop';
import { AppError } from '../../api/errors';
import { simulatorServices, type Simulator } from '../../../simulator';
import type { Core } from '../core';
import type { Handlers } from '../dispatch';
import {
  applyFaultChange,
  checkFaultChange,
  describeFaultChange,
  serviceTitle,
  TABLETOP_QUOTAS,
} from './tabletop-fault-change';

/** The refusal in LIVE mode: there is no simulated account to break. */
const LIVE_REFUSAL =
  'Faults exist only in tabletop exercises: this app is in LIVE mode, acting on real AWS. Start a tabletop exercise (e.g. `dr-war-room serve --scenario us-east-1-outage`) to switch faults.';

async function simulatorOf(core: Core): Promise<Simulator> {
  if (core.mode.mode !== 'TABLETOP') throw new AppError('CONFLICT', LIVE_REFUSAL);
  try {
    return await core.tabletopSimulator();
  } catch (error) {
    throw new AppError(
      'DATA_FILE_INVALID',
      `The tabletop account could not be opened: ${(error as Error).message}`,
    );
  }
}

/** The signing names of the simulated services, in the simulator's order. */
const SERVICE_IDS = simulatorServices.map((s) => s.signingName);

/** The facilitator's view of a simulator: faults in force and what to choose from. */
export function faultsViewOf(sim: Simulator): TabletopFaultsView {
  const faults: FaultsInForce = sim.faults.save();
  return {
    scenario: {
      name: sim.scenario.name,
      title: sim.scenario.title,
      description: sim.scenario.description,
      notes: [...sim.scenario.notes],
    },
    regions: [...sim.regions],
    services: SERVICE_IDS.map((id) => ({ id, title: serviceTitle(id) })),
    quotas: TABLETOP_QUOTAS.map((q) => ({ ...q })),
    faults,
  };
}

/**
 * Handlers of the `tabletop.*` calls: the exercise facilitator reads and switches the simulated
 * account's faults. A change is checked against the scenario, applied (it takes effect on the
 * next request), saved with the account at once, and announced with a `tabletop.faults` event.
 */
export function tabletopHandlers(core: Core): Pick<Handlers, 'tabletop.faults' | 'tabletop.setFaults'> {
  return {
    'tabletop.faults': async () => faultsViewOf(await simulatorOf(core)),
    'tabletop.setFaults': async ({ change }) => {
      const sim = await simulatorOf(core);
      const problem = checkFaultChange(change, { regions: sim.regions, services: SERVICE_IDS });
      if (problem) throw new AppError('INVALID_INPUT', problem, { change: change.kind });
      const before = sim.faults.save();
      sim.faults.load(applyFaultChange(before, change));
      const message = describeFaultChange(change, before);
      try {
        await core.saveTabletopAccount();
      } catch (error) {
        // The change is in force; only its saving failed: say both.
        throw new AppError(
          'INTERNAL',
          `${message} It is in force but could not be saved (${(error as Error).message}); an app restart would lose it. Check the data folder's disk and permissions, then change a fault again to save.`,
        );
      }
      const view = faultsViewOf(sim);
      core.events.emit({ type: 'tabletop.faults', message, faults: view.faults });
      return { message, view };
    },
  };
}
