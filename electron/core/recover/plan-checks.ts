import {
  QUOTA_LIMITS,
  type PlanAction,
  type PlanChain,
  type PlanProblem,
  type QuotaName,
  type TargetFacts,
  type TargetSettings,
} from './types';

/** Problems the target facts reveal: names taken (or adoptable), subnet groups, subnets and security groups missing. */
export function factProblems(
  chain: PlanChain,
  settings: TargetSettings,
  facts: TargetFacts,
  incidentId: string,
  secondary: string,
): PlanProblem[] {
  const out: PlanProblem[] = [];
  const creates = chain.actions.filter(
    (a) => 'adoptBy' in a.idempotency && a.idempotency.adoptBy === 'name' && a.target,
  );
  for (const a of creates) {
    const service =
      a.target!.type === 'table' ? 'dynamodb' : a.target!.type.startsWith('db-') ? 'rds' : 'ec2';
    const existing = facts.existing[`${service}:${a.target!.name}`];
    if (!existing) continue;
    if (existing.incident === incidentId) {
      out.push({
        severity: 'info',
        code: 'adopt-existing',
        chainId: chain.id,
        message: `${a.target!.name} already exists in ${secondary} and this incident created it: the executor adopts it instead of creating it again.`,
        fix: 'Nothing to do.',
      });
    } else {
      out.push({
        severity: 'error',
        code: 'name-taken',
        chainId: chain.id,
        message: `The target name ${a.target!.name} is already taken in ${secondary}${existing.incident ? ` (by incident ${existing.incident})` : ''}.`,
        fix: `Set targetName (e.g. ${a.target!.name}-2) for ${chain.resource.name} in recovery-mapping.yaml or the plan builder.`,
      });
    }
  }
  if (!facts.checked) return out;
  const needsNetwork =
    chain.resource.service === 'rds' ||
    (chain.resource.service === 'ec2' && chain.resource.kind === 'instance');
  if (!needsNetwork || chain.strategy === 'rds-promote-replica') return out;
  if (
    settings.subnetGroup &&
    chain.resource.service === 'rds' &&
    !facts.subnetGroups.includes(settings.subnetGroup)
  ) {
    out.push({
      severity: 'error',
      code: 'target-missing',
      chainId: chain.id,
      message: `The DB subnet group ${settings.subnetGroup} does not exist in ${secondary}.`,
      fix: `Create it in ${secondary} or name an existing one (${facts.subnetGroups.join(', ') || 'none found'}).`,
    });
  }
  if (
    settings.subnetId &&
    chain.resource.service === 'ec2' &&
    !facts.subnets.some((s) => s.id === settings.subnetId)
  ) {
    out.push({
      severity: 'error',
      code: 'target-missing',
      chainId: chain.id,
      message: `The subnet ${settings.subnetId} does not exist in ${secondary}.`,
      fix: `Name an existing subnet (${facts.subnets.map((s) => s.id).join(', ') || 'none found'}).`,
    });
  }
  const missingSgs = (settings.securityGroupIds ?? []).filter((sg) => !facts.securityGroups.includes(sg));
  if (missingSgs.length > 0) {
    out.push({
      severity: 'error',
      code: 'target-missing',
      chainId: chain.id,
      message: `Security group${missingSgs.length > 1 ? 's' : ''} ${missingSgs.join(', ')} do${missingSgs.length > 1 ? '' : 'es'} not exist in ${secondary}.`,
      fix: `Name security groups of ${secondary} (${facts.securityGroups.slice(0, 6).join(', ') || 'none found'}).`,
    });
  }
  return out;
}

/** Quotas that will queue, and the extra minutes they add. */
export function quotaProblems(chains: PlanChain[]): { problems: PlanProblem[]; extraMinutes: number } {
  const byQuota = new Map<QuotaName, PlanAction[]>();
  for (const c of chains)
    for (const a of c.actions) if (a.quota) byQuota.set(a.quota, [...(byQuota.get(a.quota) ?? []), a]);
  const problems: PlanProblem[] = [];
  let extraMinutes = 0;
  for (const [quota, actions] of byQuota) {
    const limit = QUOTA_LIMITS[quota];
    if (actions.length <= limit) continue;
    const avg = actions.reduce((s, a) => s + a.estimatedMinutes, 0) / actions.length;
    const waves = Math.ceil(actions.length / limit);
    extraMinutes = Math.max(extraMinutes, (waves - 1) * avg);
    problems.push({
      severity: 'warning',
      code: 'quota-queue',
      chainId: null,
      message: `${actions.length} actions need the ${quota} quota (${limit} at a time): ${actions.length - limit} will queue, about ${Math.round((waves - 1) * avg)} more minutes.`,
      fix: 'Nothing to do: they run as slots free up. Ask AWS for a higher quota to go faster.',
    });
  }
  return { problems, extraMinutes };
}
