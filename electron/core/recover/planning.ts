import type { AssessmentResult } from '../api/calls/assess';
import type { AwsClients } from '../aws/clients';
import { recoverableFromAssessment } from './from-assessment';
import { loadRecoveryMapping } from './load-mapping';
import { expandSelection, mergeMapping, rollbackVersions } from './plan-inputs';
import { buildPlan } from './planner';
import { gatherTargetFacts, listNetworkTargets } from './target-facts';
import type { RecoverableView, RecoveryMapping, RecoveryPlan, ResourceSelection, TargetFacts } from './types';

/** What planning needs from the core: the data folder, the AWS clients, the regions, the assessment. */
export interface PlanningDeps {
  dataDir: string;
  clients: () => Promise<AwsClients>;
  regions: () => Promise<{ primary: string; secondary: string }>;
  /** The latest assessment (null before the first). */
  latestAssessment: () => Promise<AssessmentResult | null>;
  /** Run a fresh assessment for the incident. */
  runAssessment: (incidentId: string) => Promise<AssessmentResult>;
}

/** Input of {@link RecoverService.plan}. */
export interface PlanRequest {
  incidentId?: string;
  selection: ResourceSelection[];
  /** Mapping entries from the UI, over the file's. */
  mapping?: Partial<RecoveryMapping>;
  reapply?: { pitr?: boolean; ttl?: boolean; tags?: boolean };
  /** Run a fresh assessment first. */
  fresh?: boolean;
  by?: string;
}

/** The latest assessment, or a fresh one (when asked, or when there is none yet). */
export async function assessmentFor(
  deps: PlanningDeps,
  incidentId: string,
  fresh: boolean,
): Promise<AssessmentResult> {
  const latest = fresh ? null : await deps.latestAssessment();
  return latest ?? (await deps.runAssessment(incidentId));
}

/** The resources the plan builder offers, the mapping, and the secondary region's network targets (reads only). */
export async function recoverableView(
  deps: PlanningDeps,
  incidentId: string,
  fresh: boolean,
): Promise<RecoverableView> {
  const [assessment, { mapping, file }, regions] = await Promise.all([
    assessmentFor(deps, incidentId, fresh),
    loadRecoveryMapping(deps.dataDir),
    deps.regions(),
  ]);
  const clients = (await deps.clients())
    .fastFail()
    .withPolicy((op) => (op.kind === 'read' ? undefined : 'The plan builder only reads.'));
  return {
    incidentId,
    assessedAt: assessment.finishedAt,
    regions,
    resources: recoverableFromAssessment(assessment),
    mapping,
    mappingFile: file,
    targets: await listNetworkTargets(clients, regions.secondary),
  };
}

/**
 * Build the plan (the dry run): the selection over the assessment and the mapping, then again
 * with what exists in the secondary region (read calls only). Nothing is journaled here.
 */
export async function draftPlan(
  deps: PlanningDeps,
  incidentId: string,
  request: PlanRequest,
  now: Date,
): Promise<RecoveryPlan> {
  const [assessment, fileMapping, regions] = await Promise.all([
    assessmentFor(deps, incidentId, request.fresh ?? false),
    loadRecoveryMapping(deps.dataDir),
    deps.regions(),
  ]);
  const resources = recoverableFromAssessment(assessment);
  const mapping = mergeMapping(fileMapping.mapping, request.mapping);
  const options = {
    incidentId,
    regions,
    reapply: {
      pitr: request.reapply?.pitr ?? true,
      ttl: request.reapply?.ttl ?? true,
      tags: request.reapply?.tags ?? true,
    },
    createdBy: 'dr-war-room',
  };
  const clients = await deps.clients();
  const reader = clients
    .fastFail()
    .withPolicy((op) => (op.kind === 'read' ? undefined : 'Planning only reads.'));
  const selection = await rollbackVersions(reader, expandSelection(request.selection, resources), resources);
  const noFacts: TargetFacts = {
    existing: {},
    subnetGroups: [],
    subnets: [],
    securityGroups: [],
    checked: false,
  };
  const draft = buildPlan({ resources, selection, mapping, options, facts: noFacts, now });
  const facts = await gatherTargetFacts(
    clients.fastFail().withPolicy((op) => (op.kind === 'read' ? undefined : 'Planning only reads.')),
    draft,
  );
  const plan = buildPlan({ resources, selection, mapping, options, facts, now });
  return plan;
}
