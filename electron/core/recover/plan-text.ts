import { formatEstimate, formatMinutes } from './format-duration';
import { STRATEGY_TITLES } from './strategies/index';
import { runCounts } from './run-reducer';
import type { ActionRun, RecoveryPlan, RecoveryRun } from './types';

/** The dry run as text (CLI): chains in order, each call with its `aws` CLI equivalent, RTO, and every problem. */
export function planText(plan: RecoveryPlan): string {
  const lines: string[] = [];
  lines.push(
    `Recovery plan ${plan.id} for ${plan.incidentId}: ${plan.regions.primary} → ${plan.regions.secondary}`,
  );
  lines.push(
    `  ${plan.chains.length} resources, ${plan.callCount} AWS calls, dependency depth ${plan.depth}, estimated RTO ${formatMinutes(plan.estimatedRtoMinutes)}`,
  );
  const errors = plan.problems.filter((p) => p.severity === 'error');
  const warnings = plan.problems.filter((p) => p.severity === 'warning');
  if (plan.problems.length > 0) {
    lines.push('', `Problems (${errors.length} blocking, ${warnings.length} warnings):`);
    for (const p of plan.problems)
      lines.push(`  ${p.severity.toUpperCase()}: ${p.message}`, `    fix: ${p.fix}`);
  }
  for (const chain of plan.chains) {
    lines.push('');
    lines.push(
      `${chain.blocked ? 'BLOCKED ' : ''}${chain.resource.service} ${chain.resource.name} → ${chain.targetName}  [${chain.resource.tier ?? 'no tier'}; ${STRATEGY_TITLES[chain.strategy]}; RPO ${chain.rpoMinutes === null ? '?' : formatMinutes(chain.rpoMinutes)}; ${formatEstimate(chain.estimatedMinutes)}, done by ${formatEstimate(chain.estimatedFinishMinutes)}]`,
    );
    if (chain.dependsOn.length > 0) lines.push(`  after: ${chain.dependsOn.join(', ')}`);
    for (const action of chain.actions) {
      lines.push(
        `  ${action.id}  ${action.title}${action.quota ? `  (queued on the ${action.quota} quota)` : ''}`,
      );
      for (const call of action.calls) lines.push(`    ${call.cli}`);
      if (action.wait) lines.push(`    then: ${action.wait.describe}`);
    }
  }
  lines.push(
    '',
    plan.runnable
      ? `To run it: dr-war-room recover --plan FILE (you will type ${plan.incidentId} to confirm).`
      : 'Not runnable: fix the blocking problems and build the plan again.',
  );
  return lines.join('\n');
}

/** One progress line of an action (CLI stderr). */
export function actionLine(plan: RecoveryPlan, a: ActionRun): string {
  const action = plan.chains.flatMap((c) => c.actions).find((x) => x.id === a.id);
  const progress = a.progress !== null && a.state !== 'done' ? ` ${Math.round(a.progress)}%` : '';
  const status = a.status && a.state !== 'done' ? ` (${a.status})` : '';
  const error = a.error ? `\n      AWS said: ${a.error.message}\n      fix: ${a.error.fix}` : '';
  return `  ${a.state.toUpperCase().padEnd(9)} ${action?.title ?? a.id}${progress}${status}${error}`;
}

/** The run's summary line (CLI). */
export function runSummary(run: RecoveryRun): string {
  const c = runCounts(run);
  return `${run.status}: ${c.done} done, ${c.running + c.waiting} running, ${c.queued} queued, ${c.pending} pending, ${c.failed} failed, ${c.blocked} blocked, ${c.cancelled} cancelled`;
}
