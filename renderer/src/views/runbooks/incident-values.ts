import type { IncidentState } from '../../../../electron/core/incident/types';

/**
 * The placeholder values an open incident provides to every runbook opened from its steps: its
 * id (tagged on what recovery creates) and the regions of the procedure it was declared under.
 */
export function incidentRunbookValues(state: IncidentState | null | undefined): Record<string, string> {
  if (!state) return {};
  return {
    'incident-id': state.id,
    'primary-region': state.procedure.regions.primary,
    'secondary-region': state.procedure.regions.secondary,
  };
}
