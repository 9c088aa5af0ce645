import type { ComplianceMapping, ServiceDrillResult } from '../api/calls/drill';

/** The SOC 2 control drills give evidence for. */
export const SOC2_CC73 = 'SOC 2 CC7.3';

/**
 * How a drill maps to SOC 2 CC7.3 (system backup: backup processes create retrievable copies of
 * information), PURE: each tested service is evidence that its backups can be retrieved, with
 * the measured restore time and recovery point age; the control is met only when every test passed.
 */
export function complianceMapping(services: readonly ServiceDrillResult[]): ComplianceMapping[] {
  const evidence = services.map((s) => {
    const point = s.recoveryPoint
      ? `${s.recoveryPoint.kind} ${s.recoveryPoint.id}`
      : 'no recovery point found';
    return `${s.service.toUpperCase()} ${s.target}: ${s.status.toUpperCase()}, restored from ${point} in ${s.region}; actual RTO ${s.rtoMinutes ?? '-'} min, actual RPO ${s.rpoMinutes ?? '-'} min; ${s.checks.filter((c) => c.status === 'pass').length}/${s.checks.length} checks passed; test resources removed: ${s.leftovers.length === 0 ? 'yes' : `no (${s.leftovers.length} left)`}.`;
  });
  const met = services.length > 0 && services.every((s) => s.status === 'pass');
  return [
    {
      control: SOC2_CC73,
      requirement:
        'System backup processes create retrievable copies of information (regular backup testing).',
      evidence: [
        ...evidence,
        'Each restore made a separate test resource tagged with the drill id (never touching the source), removed after the test.',
      ],
      status: met ? 'met' : 'not met',
    },
  ];
}
