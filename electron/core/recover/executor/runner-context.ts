import type { AwsClients } from '../../aws/clients';
import { isOutputRef } from '../cli-equivalent';
import type { ParamValue, PlanAction, PlanChain, PlannedCall, RecoverService } from '../types';
import type { SdkAnswer } from './commands';

/** A planned call with every output reference filled in. */
export interface ResolvedCall extends Omit<PlannedCall, 'params'> {
  params: Record<string, unknown>;
}

/** What an action routine gets. */
export interface RunnerContext {
  clients: AwsClients;
  incidentId: string;
  planId: string;
  chain: PlanChain;
  action: PlanAction;
  /** The action's calls with references filled in. */
  calls: ResolvedCall[];
  /** Output recorded by an earlier attempt (a restart), possibly empty. */
  output: Record<string, string>;
  /** True when an earlier process started this action and did not record it finished. */
  resuming: boolean;
  /** 0 for the first attempt, n after n retries. */
  attempt: number;
  /** Send one call, journaled before and after; `targetId` names what it creates or reads. */
  send(call: ResolvedCall, targetId: string): Promise<SdkAnswer>;
  /**
   * A lookup outside the plan (adoption checks), journaled as a call too; sent to `region`
   * (the resource's own region) or, by default, the secondary region.
   */
  lookup(
    service: RecoverService,
    operation: string,
    params: Record<string, unknown>,
    targetId: string,
    region?: string,
  ): Promise<SdkAnswer>;
}

/** An action routine: sends the action's calls and returns its output (target ids). */
export type ActionRunner = (ctx: RunnerContext) => Promise<Record<string, string>>;

/** Thrown when a reference points at an output that does not exist (yet). */
export class MissingOutputError extends Error {
  override readonly name = 'MissingOutputError';
}

/** Fill output references in with earlier actions' outputs (throws when one is missing). */
export function resolveParams(
  value: ParamValue,
  outputOf: (actionId: string) => Record<string, string> | undefined,
): unknown {
  if (isOutputRef(value)) {
    const found = outputOf(value.action)?.[value.field];
    if (found === undefined)
      throw new MissingOutputError(`${value.field} of ${value.action} is not known yet.`);
    return found;
  }
  if (Array.isArray(value)) return value.map((v) => resolveParams(v, outputOf));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveParams(v, outputOf)]));
  }
  return value;
}

/** The AWS error code of something a call threw. */
export function errorCode(error: unknown): string {
  const e = error as { name?: unknown; Code?: unknown; code?: unknown } | null;
  const code = e?.Code ?? e?.name ?? e?.code;
  return typeof code === 'string' ? code : '';
}

/** A target exists but this incident did not create it: never adopt, never overwrite. */
export class TargetConflictError extends Error {
  override readonly name = 'TargetConflictError';
  constructor(
    message: string,
    readonly target: string,
  ) {
    super(message);
  }
}
