/** How a region looked when last seen, and by what. */
export interface RegionSeen {
  region: string;
  role: 'primary' | 'secondary';
  status: 'healthy' | 'degraded' | 'down' | 'unknown';
  /** `assessment` (the last scan's lanes), `sts` (the identity check), or `none`. */
  source: 'assessment' | 'sts' | 'none';
  /** ISO 8601 UTC of the observation, or null. */
  seenAt: string | null;
  reason: string | null;
}

/** The parts of the last assessment the header reads. */
export interface AssessedHealth {
  finishedAt: string;
  regionHealth: Array<{
    region: string;
    status: 'healthy' | 'degraded' | 'down';
    reason: string | null;
  }>;
}

/** The parts of the session status the header reads. */
export interface StsReach {
  checkedAt: string;
  regions: Array<{ region: string; reachable: boolean; error: { message: string } | null }>;
}

/**
 * The health of the primary and the secondary region as last seen (pure): from whichever of the
 * last assessment and the last STS identity check is newer for that region.
 */
export function regionsAsSeen(
  regions: { primary: string; secondary: string },
  assessment: AssessedHealth | null,
  sts: StsReach | null,
): RegionSeen[] {
  const roles: Array<['primary' | 'secondary', string]> = [
    ['primary', regions.primary],
    ['secondary', regions.secondary],
  ];
  return roles.map(([role, region]) => {
    const fromScan = assessment?.regionHealth.find((r) => r.region === region);
    const fromSts = sts?.regions.find((r) => r.region === region);
    const scanSeen: RegionSeen | null =
      fromScan && assessment
        ? {
            region,
            role,
            status: fromScan.status,
            source: 'assessment',
            seenAt: assessment.finishedAt,
            reason: fromScan.reason,
          }
        : null;
    const stsSeen: RegionSeen | null =
      fromSts && sts
        ? {
            region,
            role,
            status: fromSts.reachable ? 'healthy' : 'down',
            source: 'sts',
            seenAt: sts.checkedAt,
            reason: fromSts.reachable ? null : (fromSts.error?.message ?? 'STS did not answer.'),
          }
        : null;
    if (scanSeen && stsSeen) {
      // A reachable STS says little about S3 or RDS: a newer "healthy" from STS does not clear a
      // degraded or down scan result; a newer "down" does override it.
      const stsNewer = Date.parse(stsSeen.seenAt!) > Date.parse(scanSeen.seenAt!);
      return stsNewer && stsSeen.status === 'down' ? stsSeen : scanSeen;
    }
    return (
      scanSeen ??
      stsSeen ?? { region, role, status: 'unknown', source: 'none', seenAt: null, reason: 'Not checked yet.' }
    );
  });
}

/** True when neither region's STS answered: the app is cut off from AWS (pure). */
export function offlineFromAws(sts: StsReach | null): boolean {
  return sts !== null && sts.regions.length > 0 && sts.regions.every((r) => !r.reachable);
}
