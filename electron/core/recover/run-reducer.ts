import { RECOVER_ENTRY, type RunEntry } from './entry-types';
import type {
  ActionFailure,
  ActionRun,
  ActionState,
  EndpointMapping,
  RecoveryPlan,
  RecoveryRun,
  RunStatus,
} from './types';

/** The run before any plan. */
export function emptyRun(): RecoveryRun {
  return {
    plan: null,
    status: 'planned',
    confirmedAt: null,
    confirmedBy: null,
    finishedAt: null,
    actions: {},
    openCalls: {},
    endpointMap: [],
    reattached: null,
    lastSeq: 0,
  };
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function initialActions(plan: RecoveryPlan): Record<string, ActionRun> {
  const actions: Record<string, ActionRun> = {};
  const blocked = new Set(plan.chains.filter((c) => c.blocked).map((c) => c.id));
  for (const chain of plan.chains) {
    for (const a of chain.actions) {
      actions[a.id] = {
        id: a.id,
        chainId: chain.id,
        state: blocked.has(chain.id) ? 'blocked' : 'pending',
        startedAt: null,
        finishedAt: null,
        progress: null,
        status: null,
        output: {},
        error: null,
        attempts: 0,
      };
    }
  }
  return actions;
}

const STATES = new Set<ActionState>([
  'pending',
  'queued',
  'running',
  'waiting',
  'done',
  'failed',
  'blocked',
  'cancelled',
]);
const RUN_STATES = new Set<RunStatus>(['planned', 'running', 'paused', 'cancelled', 'completed', 'failed']);

function readFailure(v: unknown): ActionFailure | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  return {
    message: str(o.message) ?? 'failed',
    awsCode: str(o.awsCode),
    requestId: str(o.requestId),
    hint: str(o.hint),
    fix: str(o.fix) ?? 'Retry the action, or look at the AWS console.',
    retryable: o.retryable === true,
  };
}

/**
 * Fold one journal entry into the run (PURE; the core and the renderer use the same function).
 * A new plan resets the run; entries of another plan are ignored.
 */
export function reduceRun(run: RecoveryRun, entry: RunEntry): RecoveryRun {
  const d = entry.data;
  if (entry.type === RECOVER_ENTRY.planCreated) {
    const plan = d.plan as RecoveryPlan | undefined;
    if (!plan || typeof plan !== 'object' || !Array.isArray(plan.chains)) return run;
    // A plan made while another one runs does not replace the running one.
    if (run.plan && run.confirmedAt && (run.status === 'running' || run.status === 'paused'))
      return { ...run, lastSeq: entry.seq };
    return { ...emptyRun(), plan, actions: initialActions(plan), lastSeq: entry.seq };
  }
  if (!run.plan || str(d.planId) !== run.plan.id) return run;
  const next: RecoveryRun = { ...run, lastSeq: entry.seq };
  switch (entry.type) {
    case RECOVER_ENTRY.confirmed:
      return { ...next, confirmedAt: entry.time, confirmedBy: str(d.by), status: 'running' };
    case RECOVER_ENTRY.runState: {
      const status = str(d.status) as RunStatus | null;
      if (!status || !RUN_STATES.has(status)) return next;
      const finished = status === 'completed' || status === 'failed' || status === 'cancelled';
      return { ...next, status, finishedAt: finished ? entry.time : null };
    }
    case RECOVER_ENTRY.actionState: {
      const id = str(d.actionId);
      const before = id ? run.actions[id] : undefined;
      const state = str(d.state) as ActionState | null;
      if (!id || !before || !state || !STATES.has(state)) return next;
      const output =
        d.output && typeof d.output === 'object'
          ? { ...before.output, ...(d.output as Record<string, string>) }
          : before.output;
      const starting =
        (state === 'running' || state === 'queued') &&
        (before.state === 'pending' ||
          before.state === 'failed' ||
          before.state === 'cancelled' ||
          before.state === 'blocked');
      const after: ActionRun = {
        ...before,
        state,
        startedAt:
          state === 'running' && (before.startedAt === null || starting) ? entry.time : before.startedAt,
        finishedAt:
          state === 'done' || state === 'failed' || state === 'cancelled'
            ? entry.time
            : starting
              ? null
              : before.finishedAt,
        progress: typeof d.progress === 'number' ? d.progress : state === 'done' ? 100 : before.progress,
        status: str(d.status) ?? before.status,
        output,
        error:
          state === 'failed'
            ? readFailure(d.error)
            : state === 'running' || state === 'queued' || state === 'done'
              ? null
              : before.error,
        attempts: typeof d.attempt === 'number' ? d.attempt : before.attempts,
      };
      return { ...next, actions: { ...run.actions, [id]: after } };
    }
    case RECOVER_ENTRY.callStarted: {
      const callId = str(d.callId);
      if (!callId) return next;
      return {
        ...next,
        openCalls: {
          ...run.openCalls,
          [callId]: { actionId: str(d.actionId) ?? '', operation: str(d.operation) ?? '', at: entry.time },
        },
      };
    }
    case RECOVER_ENTRY.callCompleted:
    case RECOVER_ENTRY.callFailed: {
      const callId = str(d.callId);
      if (!callId || !(callId in run.openCalls)) return next;
      const openCalls = { ...run.openCalls };
      delete openCalls[callId];
      return { ...next, openCalls };
    }
    case RECOVER_ENTRY.reattached:
      return {
        ...next,
        reattached: {
          at: entry.time,
          actions: typeof d.actions === 'number' ? d.actions : 0,
          by: str(d.by) ?? 'system',
        },
      };
    case RECOVER_ENTRY.endpointMap:
      return {
        ...next,
        endpointMap: Array.isArray(d.endpoints) ? (d.endpoints as EndpointMapping[]) : run.endpointMap,
      };
    default:
      return next;
  }
}

/** Fold a whole journal (or its recovery entries) into the run. */
export function foldRun(entries: Iterable<RunEntry>): RecoveryRun {
  let run = emptyRun();
  for (const e of entries) if (e.type.startsWith('recover.')) run = reduceRun(run, e);
  return run;
}

/** Counts of actions by state (board header, CLI progress). */
export function runCounts(run: RecoveryRun): Record<ActionState, number> {
  const counts: Record<ActionState, number> = {
    pending: 0,
    queued: 0,
    running: 0,
    waiting: 0,
    done: 0,
    failed: 0,
    blocked: 0,
    cancelled: 0,
  };
  for (const a of Object.values(run.actions)) counts[a.state] += 1;
  return counts;
}
