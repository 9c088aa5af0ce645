/**
 * The recovery plan: chains of actions, each a list of AWS calls (as the dry run shows them), an
 * optional wait, a quota and its dependencies; and the problems found while planning.
 * Pure declarations (no I/O).
 */
import type { RecoverableResource, RecoverService, StrategyId } from './types-resources';

/** A value filled in at run time from an earlier action's output. */
export interface OutputRef {
  $ref: string;
  /** The action whose output it reads. */
  action: string;
  /** The output field. */
  field: string;
}

/** An action's parameter value: plain JSON or a reference to an earlier action's output. */
export type ParamValue =
  string | number | boolean | null | OutputRef | ParamValue[] | { [key: string]: ParamValue };

/** One AWS call of the plan, as the dry run lists it. */
export interface PlannedCall {
  service: RecoverService;
  operation: string;
  region: string;
  params: Record<string, ParamValue>;
  /** The exact `aws` CLI equivalent. */
  cli: string;
  kind: 'read' | 'create';
}

/** How an action's target is watched until it is ready. */
export type WaitKind =
  | 'db-instance-available'
  | 'db-snapshot-available'
  | 'image-available'
  | 'snapshot-completed'
  | 'volume-available'
  | 'volume-in-use'
  | 'instance-status-ok'
  | 'table-active';

/**
 * AWS quotas the executor queues for: concurrent cross-region snapshot copies into one region
 * (EC2 snapshots and AMI copies; RDS snapshots) and concurrent DynamoDB table restores.
 */
export type QuotaName = 'cross-region-snapshot-copy' | 'rds-snapshot-copy' | 'table-restore';

/** Per-quota concurrency limits (AWS defaults). */
export const QUOTA_LIMITS: Readonly<Record<QuotaName, number>> = {
  'cross-region-snapshot-copy': 5,
  'rds-snapshot-copy': 5,
  'table-restore': 50,
};

/** One action of a chain: calls sent in order, then an optional wait. */
export interface PlanAction {
  /** `<chainId>#<n>` (unique in the plan). */
  id: string;
  chainId: string;
  title: string;
  /** The executor routine that runs it. */
  kind: ActionKind;
  calls: PlannedCall[];
  wait: { kind: WaitKind; describe: string } | null;
  /** The target this action creates or acts on (name or reference). */
  target: { type: string; name: string } | null;
  quota: QuotaName | null;
  /** Idempotency: a ClientToken where AWS has one, else adopt by name or tag. */
  idempotency: { clientToken: string } | { adoptBy: 'name' | 'tag' | 'state' };
  /** Earlier actions this one needs (same chain or others). */
  after: string[];
  estimatedMinutes: number;
}

/** The executor routines. */
export type ActionKind =
  | 's3.check-replica'
  | 's3.copy-versions'
  | 's3.restore-archived'
  | 'rds.restore-pitr'
  | 'rds.restore-snapshot'
  | 'rds.copy-snapshot'
  | 'rds.promote-replica'
  | 'ec2.copy-image'
  | 'ec2.run-instance'
  | 'ec2.copy-snapshot'
  | 'ec2.create-volume'
  | 'ec2.attach-volume'
  | 'dynamodb.restore-pitr'
  | 'dynamodb.restore-backup'
  | 'dynamodb.verify-replica'
  | 'dynamodb.reapply';

/** A problem found while planning. Errors block the chain; warnings inform. */
export interface PlanProblem {
  severity: 'error' | 'warning' | 'info';
  code:
    | 'restore-window'
    | 'name-taken'
    | 'adopt-existing'
    | 'missing-mapping'
    | 'target-missing'
    | 'quota-queue'
    | 'no-option'
    | 'unknown-resource'
    | 'unknown-dependency'
    | 'dependency-cycle'
    | 'option-unavailable';
  chainId: string | null;
  message: string;
  /** What to do about it. */
  fix: string;
}

/** One resource's chain of actions. */
export interface PlanChain {
  id: string;
  resource: Pick<RecoverableResource, 'id' | 'service' | 'kind' | 'name' | 'arn' | 'region' | 'tier'>;
  strategy: StrategyId;
  /** The other strategies and why they were not chosen. */
  alternatives: Array<{
    strategy: StrategyId;
    rpoMinutes: number | null;
    available: boolean;
    note: string | null;
  }>;
  rpoMinutes: number | null;
  restoreTime: string | null;
  targetName: string;
  dependsOn: string[];
  /** 0 for chains without dependencies, 1 + the deepest dependency otherwise. */
  depth: number;
  actions: PlanAction[];
  estimatedMinutes: number;
  /** Estimated completion counting dependencies (critical path). */
  estimatedFinishMinutes: number;
  blocked: boolean;
}

/** A recovery plan: pure function of assessment, selection, mapping, options and now. */
export interface RecoveryPlan {
  id: string;
  incidentId: string;
  createdAt: string;
  regions: { primary: string; secondary: string };
  chains: PlanChain[];
  problems: PlanProblem[];
  estimatedRtoMinutes: number;
  depth: number;
  callCount: number;
  /** True when no error blocks any chain. */
  runnable: boolean;
}
