/**
 * The recovery run as folded from the journal: each action's state, the run's status, the
 * endpoint map, and the view the operations board shows. Pure declarations (no I/O).
 */
import type { QuotaName, RecoveryPlan } from './types-plan';
import type { RecoverService } from './types-resources';

/** The state of one action as the run goes. */
export type ActionState =
  'pending' | 'queued' | 'running' | 'waiting' | 'done' | 'failed' | 'blocked' | 'cancelled';

/** An action's failure, with what AWS said and the likely fix. */
export interface ActionFailure {
  message: string;
  awsCode: string | null;
  requestId: string | null;
  hint: string | null;
  fix: string;
  retryable: boolean;
}

/** One action's progress. */
export interface ActionRun {
  id: string;
  chainId: string;
  state: ActionState;
  startedAt: string | null;
  finishedAt: string | null;
  /** 0–100 when known. */
  progress: number | null;
  /** The target's status as AWS reports it. */
  status: string | null;
  output: Record<string, string>;
  error: ActionFailure | null;
  attempts: number;
}

/** The run's overall state. */
export type RunStatus = 'planned' | 'running' | 'paused' | 'cancelled' | 'completed' | 'failed';

/** One line of the endpoint map: old → new. */
export interface EndpointMapping {
  resourceId: string;
  service: RecoverService;
  kind: string;
  source: string;
  target: string;
  /** DB endpoint, instance address, table ARN … */
  detail: string | null;
}

/** A restarted app re-attached to the run: when, by whom, and how many actions were in flight. */
export interface ReattachNotice {
  /** ISO 8601 UTC. */
  at: string;
  /** Actions that were queued, running or waiting when the app stopped. */
  actions: number;
  by: string;
}

/** The run as folded from the journal. */
export interface RecoveryRun {
  plan: RecoveryPlan | null;
  status: RunStatus;
  confirmedAt: string | null;
  confirmedBy: string | null;
  finishedAt: string | null;
  actions: Record<string, ActionRun>;
  /** Calls started and not completed, by call id (what a restart re-attaches to). */
  openCalls: Record<string, { actionId: string; operation: string; at: string }>;
  endpointMap: EndpointMapping[];
  /** The last automatic re-attachment after a restart (null or absent: none). */
  reattached?: ReattachNotice | null;
  lastSeq: number;
}

/** The run as the board shows it. */
export interface RecoveryRunView {
  incidentId: string;
  run: RecoveryRun;
  /** Actions waiting per quota. */
  queue: Record<QuotaName, number>;
  quotaLimits: Record<QuotaName, number>;
  /** True while an executor of this process drives the run. */
  attached: boolean;
  /** True when the journal shows work in flight and no executor drives it (a restart): resume re-attaches. */
  interrupted: boolean;
}
