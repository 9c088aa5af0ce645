import { z } from 'zod';
import { defineCall } from '../define-call';

/** The services a drill can test, in the order a drill runs them. */
export const drillServices = ['s3', 'rds', 'ec2', 'dynamodb'] as const;

/** One drill service. */
export type DrillServiceName = (typeof drillServices)[number];

/** The outcome of one drill check (`skipped` is never a pass: the reason is recorded). */
export type DrillCheckStatus = 'pass' | 'warn' | 'fail' | 'skipped';

/** One check of a drill, with the evidence that proves its outcome. */
export interface DrillCheck {
  /** Stable id (`checksum`, `available`, `status-checks` …). */
  id: string;
  title: string;
  status: DrillCheckStatus;
  /** What was found: ids, values and times. */
  evidence: string;
  /** What to do when it is not a pass. */
  fix?: string;
  /** Request ids of the AWS calls that gave the evidence. */
  requestIds?: string[];
}

/** The kinds of resource a drill creates (and must clean up). */
export type DrillResourceKind =
  's3-object-version' | 'rds-instance' | 'ec2-instance' | 'ebs-volume' | 'dynamodb-table';

/** A resource a drill created (or found from an earlier drill). */
export interface DrillResource {
  kind: DrillResourceKind;
  region: string;
  /** The resource id: instance id, volume id, table name, or the S3 version id. */
  id: string;
  /** S3 only: the bucket and key of the object version. */
  bucket?: string;
  key?: string;
  /** The drill that created it (its `dr-war-room:incident` tag), when known. */
  drillId: string | null;
}

/** A resource the drill could not remove: what it costs to leave it, and how to remove it by hand. */
export interface DrillLeftover extends DrillResource {
  /** Why it was not removed. */
  reason: string;
  /** What leaving it costs. */
  costRisk: string;
  /** The exact `aws` CLI command that removes it (after checking it is the drill's). */
  command: string;
}

/** What one service's test used as its recovery point. */
export interface DrillRecoveryPoint {
  kind: 'object-version' | 'snapshot' | 'point-in-time' | 'ami';
  /** Snapshot id, AMI id, version id, or the source for a point-in-time restore. */
  id: string;
  /** When the recovery point was taken (ISO 8601 UTC), if known. */
  time: string | null;
  /** Further recovery points used (the EBS snapshot beside the AMI). */
  also?: { kind: 'snapshot'; id: string; time: string | null }[];
}

/** One service's test in a drill. */
export interface ServiceDrillResult {
  service: DrillServiceName;
  status: 'pass' | 'fail';
  /** The production resource whose backups were tested. */
  target: string;
  /** The region the test restore ran in. */
  region: string;
  recoveryPoint: DrillRecoveryPoint | null;
  /** Actual RPO: the recovery point's age when the restore started, in minutes. */
  rpoMinutes: number | null;
  /** Actual RTO: the restore call to the restored copy verified usable, in minutes. */
  rtoMinutes: number | null;
  startedAt: string;
  finishedAt: string;
  checks: DrillCheck[];
  /** What the test created. */
  created: DrillResource[];
  /** What clean-up removed (after checking the drill's tag). */
  cleanedUp: DrillResource[];
  /** What clean-up could not remove. */
  leftovers: DrillLeftover[];
  /** Why the test stopped early, if it did. */
  error: string | null;
}

/** How the record maps to a compliance control. */
export interface ComplianceMapping {
  control: string;
  requirement: string;
  /** How this drill meets it, each with the evidence in the record. */
  evidence: string[];
  status: 'met' | 'not met';
}

/** Clean-up of resources earlier drills left behind (a drill killed midway). */
export interface DrillSweep {
  /** Resources of earlier drills found and removed. */
  cleanedUp: DrillResource[];
  /** Resources that could not be removed (or whose ownership could not be proved). */
  leftovers: DrillLeftover[];
  /** Why the search for leftovers could not finish, if it could not. */
  problems?: string[];
}

/** The drill record: the evidence of one drill (written as JSON and Markdown). */
export interface DrillRecord {
  id: string;
  startedAt: string;
  finishedAt: string;
  /** The calendar quarter of the drill (`2026-Q4`). */
  quarter: string;
  mode: 'LIVE' | 'TABLETOP';
  scenario: string | null;
  /** Who ran it (name given, or the scheduler). */
  by: string | null;
  /** The AWS identity the drill acted as. */
  identity: string | null;
  regions: { primary: string; secondary: string };
  status: 'pass' | 'fail';
  services: ServiceDrillResult[];
  sweep: DrillSweep;
  compliance: ComplianceMapping[];
  /** Where the record was written. */
  files: { json: string; markdown: string };
}

/** A resource a drill can test, offered in the UI. */
export interface DrillTargetOption {
  /** What to pass as the target: bucket name, DB instance id, EC2 instance id, table name. */
  id: string;
  label: string;
  region: string;
  /** Why this one is (not) a good candidate, e.g. `versioning off`. */
  note: string | null;
  /** True for the default choice. */
  suggested: boolean;
}

/** The candidates per service. */
export type DrillTargets = Record<DrillServiceName, DrillTargetOption[]> & {
  /** DB subnet groups of the restore region (an isolated one is suggested). */
  subnetGroups: { name: string; region: string; suggested: boolean }[];
};

/** Where one service's test is now. */
export interface DrillServiceProgress {
  service: DrillServiceName;
  status: 'pending' | 'running' | 'pass' | 'fail';
  /** The step in progress (`restoring`, `waiting for status checks`, `cleaning up` …). */
  phase: string;
  message: string;
}

/** A drill in progress or finished. */
export interface DrillRunView {
  id: string;
  status: 'running' | 'pass' | 'fail' | 'error';
  startedAt: string;
  services: DrillServiceProgress[];
  /** The record, once finished. */
  record: DrillRecord | null;
  /** Why the drill could not run at all. */
  error: string | null;
}

/** One past drill in the history. */
export interface DrillHistoryEntry {
  id: string;
  startedAt: string;
  quarter: string;
  status: 'pass' | 'fail';
  mode: 'LIVE' | 'TABLETOP';
  services: {
    service: DrillServiceName;
    status: 'pass' | 'fail';
    rtoMinutes: number | null;
    rpoMinutes: number | null;
  }[];
  leftovers: number;
  file: string;
}

/** The results of one quarter. */
export interface DrillQuarter {
  quarter: string;
  drills: number;
  passed: number;
  failed: number;
  /** Per service, the tests passed and failed in the quarter. */
  byService: Record<DrillServiceName, { pass: number; fail: number }>;
}

/** The drill history: every record found, newest first, and the results per quarter. */
export interface DrillHistory {
  entries: DrillHistoryEntry[];
  quarters: DrillQuarter[];
  /** Record files that could not be read (name and reason). */
  problems: string[];
}

const targetName = z.string().trim().min(1).max(255);

/** The input of a drill run (UI and CLI). */
export const drillRunInput = z
  .object({
    services: z
      .array(z.enum(drillServices))
      .min(1, 'choose at least one service to drill: s3, rds, ec2 or dynamodb')
      .refine((s) => new Set(s).size === s.length, 'each service may be named once'),
    targets: z
      .object({
        s3: targetName.optional(),
        rds: targetName.optional(),
        ec2: targetName.optional(),
        dynamodb: targetName.optional(),
      })
      .strict()
      .default({}),
    /** The DB subnet group to restore the test instance into (an isolated one). */
    rdsSubnetGroup: targetName.optional(),
    /** Who runs it (for the record). */
    by: z.string().trim().min(1).max(120).optional(),
    /** Also check DNS/TCP reachability of restored endpoints from this machine (live mode). */
    checkReachability: z.boolean().optional(),
  })
  .strict();

/** The parsed drill run input. */
export type DrillRunInput = z.output<typeof drillRunInput>;

/** Calls of the drills screen and the `drill` command. */
export const drillCalls = {
  'drill.targets': defineCall<DrillTargets>()({
    summary:
      'The resources each service can drill (production first) and the subnet groups for test restores.',
    input: z.object({}).strict(),
  }),
  'drill.start': defineCall<DrillRunView>()({
    summary:
      'Start a drill of the chosen services in the background; progress arrives as drill.progress events.',
    input: drillRunInput,
  }),
  'drill.run': defineCall<DrillRecord>()({
    summary: 'Run a drill to the end and answer with its record (the command line).',
    input: drillRunInput,
  }),
  'drill.status': defineCall<DrillRunView | null>()({
    summary: 'The drill in progress, or the last one of this session.',
    input: z.object({}).strict(),
  }),
  'drill.history': defineCall<DrillHistory>()({
    summary: 'Every drill record in the data folder, newest first, with results per quarter.',
    input: z.object({}).strict(),
  }),
  'drill.record': defineCall<{ record: DrillRecord; markdown: string }>()({
    summary: 'One drill record, as data and as the Markdown written beside it.',
    input: z
      .object({
        id: z.string().regex(/^drill-[0-9a-z-]+$/, 'a drill id looks like drill-20261126-041500-ab12'),
      })
      .strict(),
  }),
  'drill.cleanup': defineCall<DrillSweep>()({
    summary: 'Find resources earlier drills left behind (tagged by a drill) and remove them.',
    input: z.object({}).strict(),
  }),
};
