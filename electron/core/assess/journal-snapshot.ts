import type { AssessmentResult } from '../api/calls/assess';

/** The journal entry type of a completed assessment. */
export const ASSESS_COMPLETED_ENTRY = 'assess.completed';

/** One resource in the journal's compact snapshot. */
export interface SnapshotResource {
  id: string;
  service: string;
  region: string;
  tier: string;
  status: string;
  best: string | null;
  rpo: number | null;
  rto: number | null;
  gaps: string[];
  unknowns: number;
}

/** The compact assessment snapshot journaled with `assess.completed`. */
export interface AssessmentSnapshot {
  scanId: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  regions: { primary: string; secondary: string };
  counts: AssessmentResult['counts'];
  regionHealth: Array<{ region: string; status: string; reason: string | null }>;
  unknowns: Array<{ service: string; region: string; fact: string; reason: string }>;
  calls: AssessmentResult['calls'];
  policyVersion: string;
  resources: SnapshotResource[];
}

/** Reduce an assessment to what the journal keeps (pure): per resource its id, tier, status, best option, RPO, RTO and gap rules. */
export function assessmentSnapshot(result: AssessmentResult): AssessmentSnapshot {
  return {
    scanId: result.scanId,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    durationMs: result.durationMs,
    regions: result.regions,
    counts: result.counts,
    regionHealth: result.regionHealth.map((r) => ({ region: r.region, status: r.status, reason: r.reason })),
    unknowns: result.unknowns.map((u) => ({
      service: u.service,
      region: u.region,
      fact: u.fact,
      reason: u.reason,
    })),
    calls: result.calls,
    policyVersion: result.policy.version,
    resources: result.resources.map((r) => ({
      id: r.id,
      service: r.service,
      region: r.region,
      tier: r.tier.id,
      status: r.status,
      best: r.bestOption,
      rpo: r.achievableRpoMinutes,
      rto: r.estimatedRtoMinutes,
      gaps: r.gaps.map((g) => `${g.severity}:${g.rule}`),
      unknowns: r.unknowns.length,
    })),
  };
}

/** The evidence line for the `run-assessment` step. */
export function assessmentEvidence(result: AssessmentResult): string {
  const c = result.counts.byStatus;
  const health = result.regionHealth.map((r) => `${r.region} ${r.status}`).join(', ');
  return (
    `Assessment ${result.scanId}: ${result.counts.total} resources (${c.ready} ready, ${c['at-risk']} at risk, ` +
    `${c['not-recoverable']} not recoverable, ${c.unknown} unknown); ${health}; ${result.calls.total} API calls in ${(result.durationMs / 1000).toFixed(1)} s.`
  );
}
