import { z } from 'zod';
import { defineCall } from '../define-call';

/** How a failing region's APIs fail: connection refused, no answer, or 503 in the protocol's shape. */
export const tabletopOutageModes = ['refused', 'timeout', '5xx'] as const;

/** One outage mode (the simulator's `OutageMode`). */
export type TabletopOutageMode = (typeof tabletopOutageModes)[number];

/**
 * The faults in force in the tabletop account, as the simulator keeps them (its `FaultState`):
 * throttling rates are fractions (0..1) and replication lag is in milliseconds of exercise time.
 */
export interface FaultsInForce {
  /** Regions whose APIs fail; `services` limits the outage to those services (all when absent). */
  regionOutages: Array<{ region: string; mode: TabletopOutageMode; services?: string[] | undefined }>;
  /** Fractions of requests throttled, optionally only in one region and/or service. */
  throttling: Array<{ region?: string | undefined; service?: string | undefined; rate: number }>;
  /** Names (or ids) of restore targets whose restore fails. */
  failingRestores: string[];
  /** Quotas set by the scenario or the facilitator (`ec2.concurrentSnapshotCopies`: 5). */
  quotas: Record<string, number>;
  /** Extra S3 replication lag between two regions. */
  replicationLag: Array<{ sourceRegion: string; destinationRegion: string; lagMs: number }>;
}

/** A quota the facilitator can set, with AWS's default in the simulator. */
export interface TabletopQuotaChoice {
  /** The quota key (`dynamodb.concurrentRestores`); `ec2.capacity.` quotas end with an instance type. */
  key: string;
  title: string;
  /** The value when no quota is set; null when unlimited. */
  defaultValue: number | null;
  /** True for a key pattern that needs a suffix (`ec2.capacity.` + instance type). */
  prefix: boolean;
}

/** What the facilitator sees and chooses from. */
export interface TabletopFaultsView {
  /** The scenario, with its ground-truth notes for the facilitator (what is out of policy, the right moves). */
  scenario: { name: string; title: string; description: string; notes: string[] };
  /** The scenario's regions. */
  regions: string[];
  /** The simulated services, by signing name, with a title. */
  services: Array<{ id: string; title: string }>;
  /** The quotas the simulated services enforce. */
  quotas: TabletopQuotaChoice[];
  faults: FaultsInForce;
}

/** The answer to a fault change: what changed, in one sentence, and the faults now in force. */
export interface TabletopFaultChangeResult {
  message: string;
  view: TabletopFaultsView;
}

const name = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `name the ${what}`)
    .max(255, `the ${what} is at most 255 characters`)
    .refine(
      (text) => [...text].every((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f),
      `the ${what} must not contain control characters`,
    );

const region = z
  .string()
  .trim()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'must be a region name such as us-east-1');

const service = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{1,30}$/, 'must be a service signing name such as s3, rds, ec2 or dynamodb');

const quotaKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(\.[A-Za-z0-9-]+){1,3}$/, 'must be a quota key such as dynamodb.concurrentRestores');

/** One change of the facilitator's fault switches; it takes effect on the next request. */
export const faultChangeSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('regionDown'),
      region,
      mode: z.enum(tabletopOutageModes),
      /** Only these services fail (all when absent or empty). */
      services: z.array(service).max(20).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('regionUp'), region }).strict(),
  z
    .object({
      kind: z.literal('throttle'),
      region: region.optional(),
      service: service.optional(),
      /** Percent of requests throttled; 0 removes the rule of that scope. */
      ratePercent: z.number().min(0, 'must be 0 to 100').max(100, 'must be 0 to 100'),
    })
    .strict(),
  z.object({ kind: z.literal('failRestore'), target: name('restore target') }).strict(),
  z.object({ kind: z.literal('clearRestoreFailure'), target: name('restore target') }).strict(),
  z
    .object({
      kind: z.literal('setQuota'),
      key: quotaKey,
      value: z.number().int('must be a whole number').min(0).max(1_000_000),
    })
    .strict(),
  z
    .object({
      kind: z.literal('clearQuota'),
      key: quotaKey,
    })
    .strict(),
  z
    .object({
      kind: z.literal('replicationLag'),
      sourceRegion: region,
      destinationRegion: region,
      /** Minutes of exercise time; 0 removes the lag. */
      lagMinutes: z
        .number()
        .min(0, 'must be 0 or more minutes')
        .max(10_080, 'at most a week (10080 minutes)'),
    })
    .strict(),
  z.object({ kind: z.literal('clearAll') }).strict(),
]);

/** One fault change (as the caller passes it). */
export type FaultChange = z.infer<typeof faultChangeSchema>;

/** The tabletop facilitator's calls: read and switch the simulated account's faults. */
export const tabletopCalls = {
  'tabletop.faults': defineCall<TabletopFaultsView>()({
    summary:
      "The tabletop account's faults in force, with the scenario's regions, services and quotas to choose from (tabletop mode only).",
    input: z.object({}).strict(),
  }),
  'tabletop.setFaults': defineCall<TabletopFaultChangeResult>()({
    summary:
      'Switch one fault of the tabletop account (a region down or up, throttling, a failing restore, a quota, replication lag); it takes effect on the next request and is saved at once.',
    input: z.object({ change: faultChangeSchema }).strict(),
  }),
};
