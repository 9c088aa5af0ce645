import { isOutputRef } from './cli-equivalent';
import { dependencyEdges, depthsOf } from './dependencies';
import { defaultNameSuffix, deriveTargetName, stableHash } from './names';
import { buildStrategy } from './strategies/index';
import { factProblems, quotaProblems } from './plan-checks';
import {
  type OptionData,
  type ParamValue,
  type PlanChain,
  type PlanOptions,
  type PlanProblem,
  type RecoverableResource,
  type RecoveryMapping,
  type RecoveryOption,
  type RecoveryPlan,
  type ResourceSelection,
  type TargetFacts,
  type TargetSettings,
} from './types';

/** Everything a plan is a function of. */
export interface PlanInput {
  resources: readonly RecoverableResource[];
  selection: readonly ResourceSelection[];
  mapping: RecoveryMapping;
  options: PlanOptions;
  facts: TargetFacts;
  now: Date;
}

/** Merge defaults ← mapping entry (by id or name) ← the selection's own settings. */
export function settingsFor(
  resource: RecoverableResource,
  mapping: RecoveryMapping,
  selection: ResourceSelection,
): TargetSettings {
  return {
    ...(mapping.defaults[resource.service] ?? {}),
    ...(mapping.resources[resource.name] ?? {}),
    ...(mapping.resources[resource.id] ?? {}),
    ...(selection.settings ?? {}),
  };
}

/** Pick the option: the requested strategy, else the assessment's best, else the best available RPO. */
export function chooseOption(
  resource: RecoverableResource,
  wanted: string | undefined,
): RecoveryOption | null {
  if (wanted) return resource.options.find((o) => o.data.strategy === wanted) ?? null;
  const available = resource.options.filter((o) => o.available);
  return (
    available.find((o) => o.best) ??
    [...available].sort((a, b) => (a.rpoMinutes ?? Infinity) - (b.rpoMinutes ?? Infinity))[0] ??
    null
  );
}

function targetNameOf(
  resource: RecoverableResource,
  data: OptionData,
  settings: TargetSettings,
  suffix: string,
): string {
  switch (data.strategy) {
    case 'rds-promote-replica':
      return data.replicaId;
    case 'dynamodb-global-replica':
      return resource.name;
    case 's3-replica-failover':
      return data.replicaBucket;
    case 's3-version-rollback':
    case 's3-archive-restore':
      return data.bucket;
    default:
      return settings.targetName ?? deriveTargetName(resource.service, resource.name, suffix);
  }
}

function mapParams(value: ParamValue, fix: (action: string) => string): ParamValue {
  if (isOutputRef(value)) {
    const action = fix(value.action);
    return { $ref: `${action}.${value.field}`, action, field: value.field };
  }
  if (Array.isArray(value)) return value.map((v) => mapParams(v, fix));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapParams(v, fix)]));
  }
  return value;
}

/**
 * Build the recovery plan (PURE): one chain per selected resource with the chosen strategy and
 * the alternatives, target names derived from the source and the incident, dependency order
 * (data stores before compute, explicit dependencies), every AWS call with its `aws` CLI
 * equivalent, estimated RTO per chain and overall, and every problem found before running.
 */
export function buildPlan(input: PlanInput): RecoveryPlan {
  const { mapping, options, facts, now } = input;
  const suffix = mapping.nameSuffix ?? defaultNameSuffix(options.incidentId);
  const problems: PlanProblem[] = [];
  const byId = new Map(input.resources.map((r) => [r.id, r]));
  const selected: Array<{
    resource: RecoverableResource;
    settings: TargetSettings;
    selection: ResourceSelection;
  }> = [];
  for (const selection of input.selection) {
    const resource =
      byId.get(selection.resourceId) ?? input.resources.find((r) => r.name === selection.resourceId);
    if (!resource) {
      problems.push({
        severity: 'error',
        code: 'unknown-resource',
        chainId: null,
        message: `"${selection.resourceId}" is not a resource of the assessment.`,
        fix: 'Run the assessment again, or check the id (see the assessment list).',
      });
      continue;
    }
    if (selected.some((s) => s.resource.id === resource.id)) continue;
    selected.push({ resource, settings: settingsFor(resource, mapping, selection), selection });
  }
  const chainIds = new Set(selected.map((s) => s.resource.id));
  const chains: PlanChain[] = [];
  for (const { resource, settings, selection } of selected) {
    const wanted = selection.strategy ?? settings.strategy;
    const option = chooseOption(resource, wanted);
    const alternatives = resource.options
      .filter((o) => o !== option)
      .map((o) => ({
        strategy: o.data.strategy,
        rpoMinutes: o.rpoMinutes,
        available: o.available,
        note: o.note,
      }));
    if (!option) {
      problems.push({
        severity: 'error',
        code: 'no-option',
        chainId: resource.id,
        message: wanted
          ? `${resource.name}: the strategy ${wanted} is not possible for it.`
          : `${resource.name}: no available way to recover it in ${options.regions.secondary}.`,
        fix: wanted
          ? `Choose one of: ${resource.options.map((o) => o.data.strategy).join(', ') || 'none'}.`
          : 'See the assessment for what is missing (replication, backups, snapshots).',
      });
      continue;
    }
    if (!option.available) {
      problems.push({
        severity: 'error',
        code: 'option-unavailable',
        chainId: resource.id,
        message: `${resource.name}: ${option.data.strategy} is not available now${option.note ? ` (${option.note})` : ''}.`,
        fix: 'Choose another strategy in the plan builder.',
      });
    }
    const restoreTime = selection.restoreTime ?? settings.restoreTime ?? null;
    const data: OptionData =
      option.data.strategy === 's3-version-rollback' && selection.objects
        ? { ...option.data, objects: selection.objects }
        : option.data;
    const targetName = targetNameOf(resource, data, settings, suffix);
    const result = buildStrategy({
      resource,
      data,
      settings,
      targetName,
      chainId: resource.id,
      options,
      restoreTime,
      now,
      chainOf: (id) => (chainIds.has(id) ? id : null),
    });
    const chain: PlanChain = {
      id: resource.id,
      resource: {
        id: resource.id,
        service: resource.service,
        kind: resource.kind,
        name: resource.name,
        arn: resource.arn,
        region: resource.region,
        tier: resource.tier,
      },
      strategy: option.data.strategy,
      alternatives,
      rpoMinutes: option.rpoMinutes,
      restoreTime,
      targetName,
      dependsOn: [],
      depth: 0,
      actions: result.actions,
      estimatedMinutes: result.actions.reduce((s, a) => s + a.estimatedMinutes, 0),
      estimatedFinishMinutes: 0,
      blocked: false,
    };
    problems.push(
      ...result.problems,
      ...factProblems(chain, settings, facts, options.incidentId, options.regions.secondary),
    );
    chains.push(chain);
  }

  // Dependencies: resolve `#last` references, add chain edges, compute depths.
  const lastOf = new Map(chains.map((c) => [c.id, c.actions[c.actions.length - 1]?.id ?? `${c.id}#0`]));
  const fix = (id: string) => (id.endsWith('#last') ? (lastOf.get(id.slice(0, -5)) ?? id) : id);
  const built = new Set(chains.map((c) => c.id));
  const deps = dependencyEdges(selected.filter((s) => built.has(s.resource.id)));
  problems.push(...deps.problems);
  for (const c of chains) {
    for (const a of c.actions) {
      a.after = [...new Set(a.after.map(fix))];
      a.calls = a.calls.map((call) => ({
        ...call,
        params: mapParams(call.params, fix) as Record<string, ParamValue>,
      }));
      for (const dep of a.after) {
        const other = dep.slice(0, dep.lastIndexOf('#'));
        if (other !== c.id) deps.edges.get(c.id)?.add(other);
      }
    }
  }
  const depth = depthsOf(deps.edges);
  problems.push(...depth.problems);
  for (const c of chains) {
    c.dependsOn = [...(deps.edges.get(c.id) ?? [])].sort();
    c.depth = depth.depth.get(c.id) ?? 0;
    const first = c.actions[0];
    if (first)
      first.after = [...new Set([...first.after, ...c.dependsOn.map((d) => lastOf.get(d)!).filter(Boolean)])];
  }
  // Estimates along the critical path; blocked chains and their dependants.
  const byChain = new Map(chains.map((c) => [c.id, c]));
  const finish = (c: PlanChain, seen = new Set<string>()): number => {
    if (c.estimatedFinishMinutes > 0 || seen.has(c.id)) return c.estimatedFinishMinutes;
    seen.add(c.id);
    const before = Math.max(
      0,
      ...c.dependsOn.map((d) => (byChain.get(d) ? finish(byChain.get(d)!, seen) : 0)),
    );
    c.estimatedFinishMinutes = Math.round((before + c.estimatedMinutes) * 10) / 10;
    return c.estimatedFinishMinutes;
  };
  const errorChains = new Set(
    problems.filter((p) => p.severity === 'error' && p.chainId).map((p) => p.chainId!),
  );
  const isBlocked = (c: PlanChain, seen = new Set<string>()): boolean => {
    if (errorChains.has(c.id)) return true;
    if (seen.has(c.id)) return false;
    seen.add(c.id);
    return c.dependsOn.some((d) => byChain.get(d) && isBlocked(byChain.get(d)!, seen));
  };
  for (const c of chains) {
    finish(c);
    c.blocked = isBlocked(c);
  }
  if (!facts.checked && chains.length > 0) {
    problems.push({
      severity: 'warning',
      code: 'target-missing',
      chainId: null,
      message: `The target settings and names could not be verified in ${options.regions.secondary} (the lookups failed).`,
      fix: 'Check the secondary region answers (session, network), then rebuild the plan.',
    });
  }
  const quota = quotaProblems(chains);
  problems.push(...quota.problems);
  chains.sort(
    (a, b) =>
      a.depth - b.depth ||
      (a.resource.tier ?? 'zz').localeCompare(b.resource.tier ?? 'zz') ||
      a.id.localeCompare(b.id),
  );
  const createdAt = now.toISOString();
  const estimatedRtoMinutes =
    Math.round((Math.max(0, ...chains.map((c) => c.estimatedFinishMinutes)) + quota.extraMinutes) * 10) / 10;
  const planHash = stableHash(
    `${options.incidentId}|${createdAt}|${chains.map((c) => `${c.id}:${c.strategy}:${c.targetName}`).join(',')}`,
  ).slice(0, 10);
  return {
    id: `plan-${planHash}`,
    incidentId: options.incidentId,
    createdAt,
    regions: options.regions,
    chains,
    problems,
    estimatedRtoMinutes,
    depth: Math.max(0, ...chains.map((c) => c.depth)),
    callCount: chains.reduce((s, c) => s + c.actions.reduce((t, a) => t + a.calls.length, 0), 0),
    runnable:
      chains.length > 0 &&
      !problems.some((p) => p.severity === 'error' && p.chainId === null) &&
      chains.some((c) => !c.blocked),
  };
}
