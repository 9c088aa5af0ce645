import type { IncidentSummary } from '../api/calls/incident';
import type { IncidentState, JournalIntegrity } from './types';

/** The list row of the incident in folder `id`, from its folded state. Pure. */
export function summarizeIncident(
  id: string,
  state: IncidentState,
  integrity: JournalIntegrity['status'],
  active: boolean,
): IncidentSummary {
  return {
    id,
    title: state.title,
    severity: state.severity,
    mode: state.mode,
    stage: state.stage,
    status: state.status,
    commander: state.roles.commander,
    declaredAt: state.declaredAt,
    updatedAt: state.updatedAt,
    entries: state.counts.entries,
    active,
    integrity,
  };
}

/** Incident rows newest first (by declaration time, then id). Pure; sorts in place and returns the array. */
export function sortNewestFirst(rows: IncidentSummary[]): IncidentSummary[] {
  return rows.sort((a, b) => b.declaredAt.localeCompare(a.declaredAt) || b.id.localeCompare(a.id));
}
