import type { StateCreator } from 'zustand';
import type {
  AssessEvent,
  AssessServiceName,
  AssessmentResult,
  LaneHealth,
} from '../../../../electron/core/api/calls/assess';
import type { ErrorValue } from '../../../../electron/core/api/result';
import { api } from '../../api/client';
import { fromResult, idle, type Loadable } from '../loadable';
import type { StoreState } from '../index';

/** One service in one region of the scan in progress. */
export interface ScanLane {
  service: AssessServiceName;
  region: string;
  done: number;
  total: number;
  failed: number;
  status: LaneHealth['status'];
  reason: string | null;
}

/** The scan in progress, as its events tell it. */
export interface ScanProgress {
  scanId: string | null;
  /** ISO time the scan started. */
  startedAt: string;
  /** Ms since the scan started, as the latest event said. */
  elapsedMs: number;
  lanes: Record<string, ScanLane>;
}

/** The assessment slice: the latest result, the scan in progress, and the last failure. */
export interface AssessSlice {
  assessment: Loadable<AssessmentResult | null>;
  assessScan: ScanProgress | null;
  assessError: ErrorValue | null;
  /** The resource open in the detail panel (its id). */
  assessSelected: string | null;
  loadAssessment(): Promise<void>;
  runAssessment(input?: { services?: AssessServiceName[] }): Promise<void>;
  cancelAssessment(): Promise<void>;
  selectAssessed(id: string | null): void;
  applyAssessEvent(event: AssessEvent): void;
}

/** The key of a lane in {@link ScanProgress.lanes}. */
export function laneKey(service: string, region: string): string {
  return `${service}/${region}`;
}

/** Fold one assessment event into the scan progress (pure). */
export function foldScan(scan: ScanProgress | null, event: AssessEvent): ScanProgress | null {
  switch (event.type) {
    case 'assess.started': {
      const lanes: Record<string, ScanLane> = {};
      for (const service of event.services) {
        for (const region of [event.regions.primary, event.regions.secondary]) {
          lanes[laneKey(service, region)] = {
            service,
            region,
            done: 0,
            total: 0,
            failed: 0,
            status: 'healthy',
            reason: null,
          };
        }
      }
      return { scanId: event.scanId, startedAt: event.startedAt, elapsedMs: 0, lanes };
    }
    case 'assess.progress': {
      const base = scan ?? {
        scanId: event.scanId,
        startedAt: new Date().toISOString(),
        elapsedMs: 0,
        lanes: {},
      };
      if (base.scanId !== null && base.scanId !== event.scanId) return base;
      return {
        ...base,
        scanId: event.scanId,
        elapsedMs: Math.max(base.elapsedMs, event.elapsedMs),
        lanes: {
          ...base.lanes,
          [laneKey(event.service, event.region)]: {
            service: event.service,
            region: event.region,
            done: event.done,
            total: event.total,
            failed: event.failed,
            status: event.status,
            reason: event.reason,
          },
        },
      };
    }
    case 'assess.completed':
    case 'assess.cancelled':
    case 'assess.failed':
      return scan && scan.scanId !== null && scan.scanId !== event.scanId ? scan : null;
  }
}

/** Creates the assessment slice. */
export const createAssessSlice: StateCreator<StoreState, [], [], AssessSlice> = (set, get) => ({
  assessment: idle,
  assessScan: null,
  assessError: null,
  assessSelected: null,
  async loadAssessment() {
    if (get().assessment.status === 'idle') set({ assessment: { status: 'loading' } });
    set({ assessment: fromResult(await api.assess.latest()) });
  },
  async runAssessment(input = {}) {
    set({
      assessError: null,
      assessScan: get().assessScan ?? {
        scanId: null,
        startedAt: new Date().toISOString(),
        elapsedMs: 0,
        lanes: {},
      },
    });
    const incidentId = get().incident?.id;
    const result = await api.assess.run({
      ...(incidentId ? { incidentId } : {}),
      ...(input.services ? { services: input.services } : {}),
    });
    if (result.ok) {
      set({ assessment: { status: 'ready', value: result.value }, assessScan: null });
    } else {
      set({ assessScan: null, assessError: result.error.code === 'CANCELLED' ? null : result.error });
      if (result.error.code === 'CANCELLED') get().pushNotice('info', result.error.message);
    }
  },
  async cancelAssessment() {
    const scanId = get().assessScan?.scanId ?? undefined;
    const result = await api.assess.cancel(scanId ? { scanId } : {});
    if (!result.ok) set({ assessError: result.error });
  },
  selectAssessed: (assessSelected) => set({ assessSelected }),
  applyAssessEvent(event) {
    set({ assessScan: foldScan(get().assessScan, event) });
    if (event.type === 'assess.completed') {
      const current = get().assessment;
      if (current.status !== 'ready' || current.value?.scanId !== event.scanId) void get().loadAssessment();
    }
  },
});
