import { appTags, type KeyValueTag } from '../../aws/tags';
import { cliEquivalent } from '../cli-equivalent';
import { clientTokenFor } from '../names';
import type {
  OptionData,
  OutputRef,
  ParamValue,
  PlanAction,
  PlannedCall,
  PlanOptions,
  PlanProblem,
  RecoverableResource,
  RecoverService,
  TargetSettings,
} from '../types';

/** Everything a strategy builder needs for one resource. */
export interface StrategyContext<D extends OptionData = OptionData> {
  resource: RecoverableResource;
  data: D;
  settings: TargetSettings;
  targetName: string;
  chainId: string;
  options: PlanOptions;
  /** The chosen point in time (ISO), or null for the latest restorable. */
  restoreTime: string | null;
  /** When the plan is made. */
  now: Date;
  /** Plan-wide: the chain id of another resource (for cross-chain references, e.g. the instance a volume attaches to). */
  chainOf: (resourceId: string) => string | null;
}

/** What a strategy builder returns. */
export interface StrategyResult {
  actions: PlanAction[];
  problems: PlanProblem[];
}

/** Build one planned call with its `aws` CLI equivalent. */
export function plannedCall(
  service: RecoverService,
  operation: string,
  region: string,
  params: Record<string, ParamValue>,
  kind: 'read' | 'create',
): PlannedCall {
  const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<
    string,
    ParamValue
  >;
  return {
    service,
    operation,
    region,
    params: clean,
    cli: cliEquivalent(service, operation, region, clean),
    kind,
  };
}

/** A reference to an earlier action's output field. */
export function ref(action: string, field: string): OutputRef {
  return { $ref: `${action}.${field}`, action, field };
}

/** The id of the n-th action of a chain. */
export function actionId(chainId: string, n: number): string {
  return `${chainId}#${n}`;
}

/** The app's tags for a target created from this resource. */
export function tagsFor(ctx: StrategyContext): KeyValueTag[] {
  return appTags({
    incident: ctx.options.incidentId,
    source: ctx.resource.arn,
    createdBy: ctx.options.createdBy,
  });
}

/** Tags as plain JSON params. */
export function tagParams(tags: KeyValueTag[]): ParamValue {
  return tags.map((t) => ({ Key: t.Key, Value: t.Value }));
}

/** The ClientToken of an action. */
export function tokenFor(ctx: StrategyContext, id: string): string {
  return clientTokenFor(ctx.options.incidentId, id);
}

/** A problem about this chain. */
export function problem(
  ctx: StrategyContext,
  severity: PlanProblem['severity'],
  code: PlanProblem['code'],
  message: string,
  fix: string,
): PlanProblem {
  return { severity, code, chainId: ctx.chainId, message, fix };
}

/** Build an action with defaults filled in. */
export function action(
  ctx: StrategyContext,
  n: number,
  fields: Omit<PlanAction, 'id' | 'chainId' | 'after' | 'quota'> &
    Partial<Pick<PlanAction, 'after' | 'quota'>>,
): PlanAction {
  const id = actionId(ctx.chainId, n);
  return {
    id,
    chainId: ctx.chainId,
    after: n > 0 ? [actionId(ctx.chainId, n - 1)] : [],
    quota: null,
    ...fields,
  };
}

/**
 * Check a chosen restore time against a window (pure). Returns the problem, or null when the
 * time is inside the window (or no time was chosen: the latest restorable time is used).
 */
export function windowProblem(
  ctx: StrategyContext,
  window: { earliest: string; latest: string },
  what: string,
): PlanProblem | null {
  if (!ctx.restoreTime) return null;
  const t = Date.parse(ctx.restoreTime);
  const earliest = Date.parse(window.earliest);
  const latest = Date.parse(window.latest);
  if (Number.isNaN(t)) {
    return problem(
      ctx,
      'error',
      'restore-window',
      `The restore time "${ctx.restoreTime}" is not a time.`,
      'Enter an ISO 8601 time such as 2026-11-26T03:00:00Z.',
    );
  }
  if (t < earliest || t > latest) {
    return problem(
      ctx,
      'error',
      'restore-window',
      `${what} ${ctx.resource.name}: the restore time ${ctx.restoreTime} is outside the restorable window ${window.earliest} to ${window.latest}. Nothing will be sent for this resource.`,
      `Pick a time between ${window.earliest} and ${window.latest}, or the latest restorable time.`,
    );
  }
  return null;
}

/** Missing target settings as a problem (or null when nothing is missing). */
export function missingSettings(
  ctx: StrategyContext,
  needed: Array<keyof TargetSettings>,
  service: string,
): PlanProblem | null {
  const missing = needed.filter((k) => {
    const v = ctx.settings[k];
    return v === undefined || (Array.isArray(v) && v.length === 0);
  });
  if (missing.length === 0) return null;
  return problem(
    ctx,
    'error',
    'missing-mapping',
    `${ctx.resource.name}: no ${missing.join(', ')} for the ${service} target in ${ctx.options.regions.secondary}.`,
    `Add ${missing.join(', ')} under defaults.${service} or resources."${ctx.resource.name}" in recovery-mapping.yaml, or enter them in the plan builder.`,
  );
}
