import type { AwsClients } from '../../aws/clients';
import type { RunEntry } from '../entry-types';
import type { ActionState, PlanAction, PlanChain, QuotaName, RecoveryPlan, RecoveryRun } from '../types';
import type { PollTiming } from './backoff';
import type { RequestLimits } from './request-limits';

/**
 * Where the executor writes: the incident journal. An append resolves once the entry is on disk,
 * and appends are committed in the order they are made (an entry on disk means every earlier
 * append is too).
 */
export interface RunJournal {
  append(type: string, data: Record<string, unknown>): Promise<RunEntry>;
}

/** Options of the recovery executor. */
export interface ExecutorOptions {
  clients: AwsClients;
  journal: RunJournal;
  incidentId: string;
  /** Who runs it (the journal's actor is set by the journal port). */
  actor: string;
  /** The run folded from the journal: a confirmed plan (and, after a restart, its progress). */
  run: RecoveryRun;
  poll?: Partial<PollTiming>;
  /** Most AWS requests in flight at once to one service endpoint (service and region; default 128). */
  requestConcurrency?: number;
  quotaLimits?: Partial<Record<QuotaName, number>>;
  /** Automatic retries of throttled or quota-limited creates before the action fails (default 20). */
  maxBackoffRetries?: number;
  /** Called after every change of the run. */
  onChange?: (run: RecoveryRun, entry: RunEntry) => void;
}

/**
 * What the executor's parts (the call journal, the back-off loop, the wait) share with it:
 * the clients, the plan, the request bounds, the abort signal and the journal writer.
 */
export interface ExecutorContext {
  readonly clients: AwsClients;
  readonly incidentId: string;
  readonly plan: RecoveryPlan;
  readonly poll: PollTiming;
  readonly limits: RequestLimits;
  /** Aborted when the executor detaches (the process is closing). */
  readonly signal: AbortSignal;
  readonly maxBackoffRetries: number;
  /** The run as it stands. */
  run(): RecoveryRun;
  /** The action and its chain. */
  actionRef(actionId: string): { action: PlanAction; chain: PlanChain };
  /** Journal an entry (resolves once it is on disk) and fold it into the run. */
  write(type: string, data: Record<string, unknown>): Promise<RunEntry>;
  /** Journal an action's new state. */
  setState(actionId: string, state: ActionState, data: Record<string, unknown>): Promise<RunEntry>;
}
