import type { ActionRun, PlanAction, PlanChain, RecoveryPlan, RecoveryRun } from './types';

/** One action as the operations board shows it. */
export interface BoardAction {
  action: PlanAction;
  run: ActionRun;
  /** Seconds since it started (until it finished). */
  elapsedSeconds: number | null;
  /** Estimated seconds left, or null when finished, failed or unknown. */
  etaSeconds: number | null;
  /** 0–100: AWS's progress when given, else elapsed against the estimate (capped at 95 until done). */
  progress: number;
}

/** One chain as the board shows it. */
export interface BoardChain {
  chain: PlanChain;
  actions: BoardAction[];
  state: 'pending' | 'running' | 'done' | 'failed' | 'blocked' | 'cancelled';
  etaSeconds: number | null;
}

/** One bar of the Gantt chart (times in ms since the epoch). */
export interface GanttBar {
  chainIndex: number;
  chainLabel: string;
  actionId: string;
  title: string;
  start: number;
  end: number;
  /** True for a bar that is an estimate (not started, or still running). */
  estimated: boolean;
  state: ActionRun['state'];
}

function seconds(from: string | null, to: number): number | null {
  if (!from) return null;
  return Math.max(0, Math.round((to - Date.parse(from)) / 1000));
}

/** The board's view of one action at `now` (PURE). */
export function boardAction(action: PlanAction, run: ActionRun, now: number): BoardAction {
  const end = run.finishedAt ? Date.parse(run.finishedAt) : now;
  const elapsed = run.startedAt ? seconds(run.startedAt, end) : null;
  const estimate = action.estimatedMinutes * 60;
  let progress = 0;
  let eta: number | null = null;
  if (run.state === 'done') progress = 100;
  else if (run.state === 'running' || run.state === 'waiting' || run.state === 'queued') {
    if (run.progress !== null && run.progress > 0) {
      progress = Math.min(99, run.progress);
      eta = elapsed !== null ? Math.round((elapsed * (100 - progress)) / progress) : null;
    } else {
      progress = elapsed !== null && estimate > 0 ? Math.min(95, (elapsed / estimate) * 100) : 0;
      eta = elapsed !== null ? Math.max(0, Math.round(estimate - elapsed)) : Math.round(estimate);
    }
  } else if (run.state === 'pending') eta = Math.round(estimate);
  return { action, run, elapsedSeconds: elapsed, etaSeconds: eta, progress: Math.round(progress) };
}

function chainState(actions: BoardAction[]): BoardChain['state'] {
  const states = actions.map((a) => a.run.state);
  if (states.some((s) => s === 'failed')) return 'failed';
  if (states.every((s) => s === 'done')) return 'done';
  if (states.some((s) => s === 'blocked')) return 'blocked';
  if (states.some((s) => s === 'cancelled')) return 'cancelled';
  if (states.some((s) => s === 'running' || s === 'waiting' || s === 'queued' || s === 'done'))
    return 'running';
  return 'pending';
}

/** The board: chains in plan order with their actions, states and ETAs, and the overall ETA (PURE). */
export function boardModel(
  plan: RecoveryPlan,
  run: RecoveryRun,
  now: number,
): { chains: BoardChain[]; etaSeconds: number | null; elapsedSeconds: number | null } {
  const chains: BoardChain[] = plan.chains.map((chain) => {
    const actions = chain.actions.flatMap((a) =>
      run.actions[a.id] ? [boardAction(a, run.actions[a.id]!, now)] : [],
    );
    const state = chainState(actions);
    const open = actions.filter((a) => a.etaSeconds !== null);
    return {
      chain,
      actions,
      state,
      etaSeconds:
        state === 'done' || state === 'blocked' || state === 'cancelled'
          ? null
          : open.reduce((s, a) => s + (a.etaSeconds ?? 0), 0),
    };
  });
  // Overall: a chain also waits for the chains it depends on.
  const byId = new Map(chains.map((c) => [c.chain.id, c]));
  const memo = new Map<string, number>();
  const total = (c: BoardChain, seen: Set<string>): number => {
    const known = memo.get(c.chain.id);
    if (known !== undefined) return known;
    if (seen.has(c.chain.id)) return 0;
    seen.add(c.chain.id);
    const before = Math.max(
      0,
      ...c.chain.dependsOn.map((d) => (byId.get(d) ? total(byId.get(d)!, seen) : 0)),
    );
    const value = (c.etaSeconds ?? 0) + (c.state === 'pending' ? before : 0);
    memo.set(c.chain.id, value);
    return value;
  };
  const live = chains.filter((c) => c.etaSeconds !== null);
  const finished = run.status === 'completed' || run.status === 'cancelled' || run.status === 'failed';
  return {
    chains,
    etaSeconds: finished || live.length === 0 ? null : Math.max(0, ...live.map((c) => total(c, new Set()))),
    elapsedSeconds: run.confirmedAt
      ? seconds(run.confirmedAt, run.finishedAt ? Date.parse(run.finishedAt) : now)
      : null,
  };
}

/**
 * The Gantt bars (PURE): actual start→finish for finished actions, start→now+ETA for running
 * ones, and estimated bars for pending ones placed after what they wait for.
 */
export function ganttBars(plan: RecoveryPlan, run: RecoveryRun, now: number): GanttBar[] {
  const bars: GanttBar[] = [];
  const endOf = new Map<string, number>();
  const origin = run.confirmedAt ? Date.parse(run.confirmedAt) : now;
  const actions = plan.chains.flatMap((c, chainIndex) => c.actions.map((a) => ({ a, c, chainIndex })));
  // Plan order is a topological order inside a chain; chains are sorted by depth.
  for (let pass = 0; pass < 2; pass += 1) {
    for (const { a, c, chainIndex } of actions) {
      if (endOf.has(a.id)) continue;
      const r = run.actions[a.id];
      if (!r) continue;
      const b = boardAction(a, r, now);
      const afterEnd = Math.max(
        origin,
        now,
        ...a.after.map((x) => endOf.get(x) ?? (pass === 0 ? Number.NaN : now)),
      );
      if (Number.isNaN(afterEnd)) continue;
      let start: number;
      let end: number;
      let estimated: boolean;
      if (!r.startedAt && (r.state === 'blocked' || r.state === 'cancelled')) {
        endOf.set(a.id, afterEnd);
        continue;
      }
      if (r.startedAt) {
        start = Date.parse(r.startedAt);
        end = r.finishedAt ? Date.parse(r.finishedAt) : now + (b.etaSeconds ?? 0) * 1000;
        estimated = !r.finishedAt;
      } else {
        start = r.state === 'pending' ? afterEnd : now;
        end = start + a.estimatedMinutes * 60_000;
        estimated = true;
      }
      endOf.set(a.id, end);
      bars.push({
        chainIndex,
        chainLabel: `${c.resource.service} ${c.resource.name}`,
        actionId: a.id,
        title: a.title,
        start,
        end: Math.max(end, start + 1000),
        estimated,
        state: r.state,
      });
    }
  }
  return bars;
}

/** `1 h 05 min`, `4 min 10 s`, `12 s` (PURE). */
export function formatDuration(totalSeconds: number | null): string {
  if (totalSeconds === null) return '–';
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
