import type { FaultChange } from '../../core/api/calls/tabletop';
import type { FaultChangeScope } from '../../core/app/handlers/tabletop-fault-change';
import { applyFaultChange, checkFaultChange } from '../../core/app/handlers/tabletop-fault-change';
import type { FaultState } from '../../simulator/core/fault-state';

/**
 * What is wrong with the first change this simulator cannot take (a region or service it does not
 * have, a quota it does not enforce), or null when all of them can be applied. Pure.
 */
export function checkFaultChanges(changes: readonly FaultChange[], scope: FaultChangeScope): string | null {
  for (const change of changes) {
    const problem = checkFaultChange(change, scope);
    if (problem) return problem;
  }
  return null;
}

/** The faults after `changes`, applied in order with the app's (and so the simulator's) rules. Pure. */
export function applyFaultChanges(faults: FaultState, changes: readonly FaultChange[]): FaultState {
  return changes.reduce(applyFaultChange, faults);
}
