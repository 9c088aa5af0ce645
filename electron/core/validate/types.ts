/**
 * The validation domain's data types (pure declarations): checks with their evidence, the
 * per-resource results with achieved RTO/RPO against the tier targets, and the run.
 */
import type { RecoverService } from '../recover/types';

/** The outcome of one check. `skipped` is never a pass: the reason is recorded. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skipped';

/** Every check status, worst first. */
export const CHECK_STATUSES: readonly CheckStatus[] = ['fail', 'warn', 'skipped', 'pass'];

/** One check of one restored resource. */
export interface ValidationCheck {
  /** Stable id, the matrix column (`status`, `checksums`, `item-count` …). */
  id: string;
  /** What was checked, for people. */
  title: string;
  status: CheckStatus;
  /** What was found: the numbers, ids and values that prove the outcome. */
  evidence: string;
  /** What to do when it is not a pass. */
  fix?: string;
  /** Request ids of the AWS calls that gave the evidence. */
  requestIds?: string[];
}

/** A resource's overall status: the worst of its checks (a skip does not fail a resource). */
export type ResourceStatus = 'pass' | 'warn' | 'fail';

/** The validation of one restored resource. */
export interface ResourceValidation {
  /** The source resource id (`rds:us-east-1:orders-db`), as the plan and the journal name it. */
  resourceId: string;
  service: RecoverService;
  kind: string;
  /** The source name. */
  source: string;
  /** The restored target (bucket, DB instance id, instance id, volume id, table name). */
  targetId: string;
  strategy: string;
  tier: string | null;
  checks: ValidationCheck[];
  status: ResourceStatus;
  /** Declaration to validated, in minutes. */
  achievedRtoMinutes: number | null;
  /** The data-loss window, in minutes (null when it cannot be known). */
  achievedRpoMinutes: number | null;
  /** How the RPO was measured (the restored point and the reference time). */
  rpoBasis: string;
  rtoTargetMinutes: number | null;
  rpoTargetMinutes: number | null;
  /** True when both targets are known and met; null when one is unknown. */
  targetsMet: boolean | null;
}

/** An HTTP(S) or TCP health check of a recovered application (from the mapping file's `probes:`). */
export interface ProbeSpec {
  name: string;
  type: 'http' | 'https' | 'tcp';
  /** HTTP(S): the URL. `{address}` is replaced by the resource's recovered address. */
  url?: string;
  /** TCP: host (may be `{address}`) and port. */
  host?: string;
  port?: number;
  /** HTTP(S): the statuses that pass (default 200–399). */
  expectStatus?: number[];
  /** Per-probe timeout (default 5000 ms). */
  timeoutMs?: number;
  /** Attach to a resource's row (its id or source name); absent: an application-level probe. */
  resourceId?: string;
}

/** Options of one validation run. */
export interface ValidationOptions {
  /** S3 objects whose checksums are verified per bucket (`all`: every object). */
  s3Sample: number | 'all';
  /** DynamoDB items compared key by key per table. */
  dynamodbSample: number;
  /** Skip DNS and TCP checks of endpoints (a laptop outside the VPC), with the reason recorded. */
  skipNetwork: string | null;
  /** Only these resources (ids or source names); all restored resources when empty. */
  only: string[];
}

/** Defaults of {@link ValidationOptions}. */
export const DEFAULT_VALIDATION_OPTIONS: ValidationOptions = {
  s3Sample: 50,
  dynamodbSample: 25,
  skipNetwork: null,
  only: [],
};

/** A whole validation run, as journaled in `validate.completed`. */
export interface ValidationRun {
  id: string;
  incidentId: string;
  startedAt: string;
  finishedAt: string;
  mode: 'LIVE' | 'TABLETOP';
  options: ValidationOptions;
  resources: ResourceValidation[];
  /** Application probes not tied to one resource. */
  probes: ValidationCheck[];
  /** Restored resources that could not be validated (chain not done), with why. */
  notValidated: Array<{ resourceId: string; reason: string }>;
  counts: Record<ResourceStatus, number> & { checks: Record<CheckStatus, number> };
  /** True when no check failed. */
  passed: boolean;
}

/** What the validation screen shows: the latest run of the incident (null before the first). */
export interface ValidationView {
  incidentId: string;
  latest: ValidationRun | null;
  /** True while a run is in progress in this app. */
  running: boolean;
}

/** The answer of `validate.reapply`: what was re-applied on which restored table. */
export interface ReapplyResult {
  incidentId: string;
  resourceId: string;
  table: string;
  /** True: nothing was sent; `planned` says what would be. */
  dryRun: boolean;
  /** Each write with its exact aws CLI equivalent. */
  planned: Array<{ setting: 'pitr' | 'ttl' | 'tags'; operation: string; cli: string; detail: string }>;
  applied: Array<{ setting: 'pitr' | 'ttl' | 'tags'; detail: string; requestId: string | null }>;
  skipped: Array<{ setting: 'pitr' | 'ttl' | 'tags'; reason: string }>;
}
