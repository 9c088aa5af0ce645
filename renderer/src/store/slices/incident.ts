import type { StateCreator } from 'zustand';
import type { IncidentSummary, IncidentView } from '../../../../electron/core/api/calls/incident';
import type { ErrorValue, Result } from '../../../../electron/core/api/result';
import { foldWithTimeline } from '../../../../electron/core/incident/timeline';
import type {
  IncidentState,
  JournalEntry,
  JournalIntegrity,
  TimelineItem,
} from '../../../../electron/core/incident/types';
import { api } from '../../api/client';
import { fromResult, idle, type Loadable } from '../loadable';
import type { StoreState } from '../index';

/** The open incident as the renderer holds it: folded from the journal with the core's reducer. */
export interface OpenIncident {
  id: string;
  state: IncidentState;
  items: TimelineItem[];
  integrity: JournalIntegrity;
  readOnly: boolean;
  journalPath: string;
}

/** The incident slice: the list, the open incident, and its actions. */
export interface IncidentSlice {
  incidents: Loadable<IncidentSummary[]>;
  /** The open incident, or `null` when none is open. */
  incident: OpenIncident | null;
  /** Loading or failing to load the open incident. */
  incidentLoad: Loadable<null>;
  /** The last refused action's error (shown by the view that asked), cleared on the next success. */
  incidentError: ErrorValue | null;
  loadIncidents(): Promise<void>;
  /** Open the active incident (if any). */
  loadActiveIncident(): Promise<void>;
  /** Make an incident active and open it. */
  openIncident(id: string): Promise<void>;
  /** Close the view of the incident (it stays active in the core). */
  leaveIncident(): void;
  /** Fold an `incident.entry` event into the open incident. */
  applyIncidentEntry(incidentId: string, entry: JournalEntry): void;
  /** Fetch entries the renderer has not folded yet. */
  syncIncident(): Promise<void>;
  /**
   * Run an incident call: on success sync the open incident and return the value; on failure keep
   * the error in `incidentError` and return `null`.
   */
  runIncidentCall<T>(call: () => Promise<Result<T>>): Promise<T | null>;
  clearIncidentError(): void;
}

function openFrom(view: IncidentView, items: TimelineItem[], state: IncidentState): OpenIncident {
  return {
    id: view.state.id,
    state,
    items,
    integrity: view.integrity,
    readOnly: view.readOnly,
    journalPath: view.journalPath,
  };
}

/** Creates the incident slice. */
export const createIncidentSlice: StateCreator<StoreState, [], [], IncidentSlice> = (set, get) => {
  async function load(view: IncidentView): Promise<void> {
    const timeline = await api.incident.timeline({ incidentId: view.state.id });
    if (!timeline.ok) {
      set({ incidentLoad: { status: 'error', error: timeline.error } });
      return;
    }
    const folded = foldWithTimeline(
      null,
      timeline.value.map((i) => i.entry),
    );
    set({
      incident: openFrom(view, folded.items, folded.state ?? view.state),
      incidentLoad: { status: 'ready', value: null },
    });
  }

  return {
    incidents: idle,
    incident: null,
    incidentLoad: idle,
    incidentError: null,

    async loadIncidents() {
      set({ incidents: { status: 'loading' } });
      set({ incidents: fromResult(await api.incident.list()) });
    },

    async loadActiveIncident() {
      set({ incidentLoad: { status: 'loading' } });
      const result = await api.incident.active();
      if (!result.ok) return set({ incidentLoad: { status: 'error', error: result.error } });
      if (!result.value) return set({ incident: null, incidentLoad: { status: 'ready', value: null } });
      await load(result.value);
    },

    async openIncident(id) {
      set({ incidentLoad: { status: 'loading' }, incidentError: null });
      const result = await api.incident.open({ incidentId: id });
      if (!result.ok) return set({ incidentLoad: { status: 'error', error: result.error } });
      await load(result.value);
    },

    leaveIncident() {
      set({ incident: null });
      void get().loadIncidents();
    },

    applyIncidentEntry(incidentId, entry) {
      const open = get().incident;
      if (!open || open.id !== incidentId) {
        if (get().incidents.status === 'ready') void get().loadIncidents();
        return;
      }
      if (entry.seq <= open.state.lastSeq) return; // already folded
      if (entry.seq !== open.state.lastSeq + 1) {
        void get().syncIncident(); // a gap: fetch what is missing
        return;
      }
      const folded = foldWithTimeline(open.state, [entry]);
      if (!folded.state) return;
      set({ incident: { ...open, state: folded.state, items: [...open.items, ...folded.items] } });
    },

    async syncIncident() {
      const open = get().incident;
      if (!open) return;
      const result = await api.incident.timeline({ incidentId: open.id, afterSeq: open.state.lastSeq });
      if (!result.ok) return set({ incidentError: result.error });
      const current = get().incident;
      if (!current || current.id !== open.id) return;
      const fresh = result.value.map((i) => i.entry).filter((e) => e.seq > current.state.lastSeq);
      if (fresh.length === 0) return;
      const folded = foldWithTimeline(current.state, fresh);
      if (!folded.state) return;
      set({ incident: { ...current, state: folded.state, items: [...current.items, ...folded.items] } });
    },

    async runIncidentCall(call) {
      const result = await call();
      if (!result.ok) {
        set({ incidentError: result.error });
        return null;
      }
      set({ incidentError: null });
      await get().syncIncident();
      return result.value;
    },

    clearIncidentError() {
      set({ incidentError: null });
    },
  };
};
