import type { AssessedResource, AssessmentResult } from '../api/calls/assess';
import { readinessStatus } from './readiness';
import { chooseBest } from './recovery-options';

/**
 * Resources of an earlier assessment that this scan could not see (their region's lists did not
 * answer) and found no copy of: kept, marked as last known, so an outage does not hide what
 * existed. Options that need the unreachable region are marked unusable and the best option and
 * status are decided again; the ages in the carried facts are those of the earlier scan (pure).
 */
export function carryOver(
  previous: AssessmentResult | null,
  current: readonly AssessedResource[],
  unseen: (resource: AssessedResource) => boolean,
  unreachableRegions: ReadonlySet<string>,
): AssessedResource[] {
  if (!previous) return [];
  const seen = new Set(current.map((r) => r.id));
  const out: AssessedResource[] = [];
  for (const old of previous.resources) {
    if (seen.has(old.id) || !unseen(old)) continue;
    const options = old.options.map((o) => {
      const prerequisites = o.prerequisites.map((p) =>
        [...unreachableRegions].some((region) => p.text.startsWith(`${region} answers`))
          ? { ...p, met: false }
          : p,
      );
      return { ...o, prerequisites, prerequisitesMet: prerequisites.every((p) => p.met === true) };
    });
    const chosen = chooseBest(options, old.tier);
    const best = chosen.find((o) => o.best) ?? null;
    const crossRegionRequired = old.status !== 'out-of-scope';
    // Policy gaps stand; the gaps against the recovery targets are decided again.
    const gaps = old.gaps.filter((g) => !['tier.rpo', 'tier.rto', 'recovery.option'].includes(g.rule));
    if (!best) {
      gaps.unshift({
        rule: 'recovery.option',
        severity: crossRegionRequired ? 'critical' : 'info',
        message: `No usable way to recover this resource into ${previous.regions.secondary} while ${[...unreachableRegions].join(', ')} does not answer.`,
        fix: `Nothing can be done from ${previous.regions.secondary} alone; wait for the region, and set up copies in ${previous.regions.secondary} for the next time.`,
      });
    }
    out.push({
      ...old,
      observed: false,
      options: chosen,
      bestOption: best?.kind ?? null,
      achievableRpoMinutes: best?.rpoMinutes ?? null,
      estimatedRtoMinutes: best?.rtoMinutes ?? null,
      gaps,
      status: readinessStatus(best, gaps, false, crossRegionRequired),
      unknowns: [
        {
          fact: 'current state',
          reason: `not seen in this scan (${[...unreachableRegions].join(', ')} does not answer) and no copy of it was found; last known from scan ${previous.scanId} at ${previous.finishedAt}`,
        },
        ...old.unknowns.filter((u) => u.fact !== 'current state'),
      ],
    });
  }
  return out;
}
