import { TAG_INCIDENT } from '../aws/tags';
import { isDrillId } from './drill-id';

/** What describing a resource before deleting it found. */
export type Described =
  | { exists: false }
  | {
      exists: true;
      tags: readonly { Key?: string | undefined; Value?: string | undefined }[];
      /** The resource's state (`available`, `creating`, `in-use`, `ACTIVE` …). */
      state: string;
    };

/**
 * Whose resources a clean-up may delete: one drill's, or any drill's (a sweep), except those of
 * drills that may still be running (`inFlight` answers why, or null).
 */
export type Owner = { drillId: string } | { anyDrill: true; inFlight?: (drillId: string) => string | null };

/** What to do with a resource (PURE). */
export type CleanupDecision =
  { action: 'gone' } | { action: 'delete'; drillId: string } | { action: 'refuse'; reason: string };

/**
 * Decide whether clean-up may delete a resource, from what describing it found (PURE).
 * Only a resource whose `dr-war-room:incident` tag names the drill (or, in a sweep, any drill)
 * is deleted; a look-alike with the same name but no tag, or another tag, is refused.
 */
export function decideCleanup(described: Described, owner: Owner): CleanupDecision {
  if (!described.exists) return { action: 'gone' };
  const tag = described.tags.find((t) => t.Key === TAG_INCIDENT)?.Value;
  if (tag === undefined)
    return {
      action: 'refuse',
      reason: `it has no ${TAG_INCIDENT} tag, so it cannot be proved to be a drill's; it was left untouched`,
    };
  if ('drillId' in owner) {
    return tag === owner.drillId
      ? { action: 'delete', drillId: tag }
      : {
          action: 'refuse',
          reason: `its ${TAG_INCIDENT} tag is "${tag}", not this drill's (${owner.drillId})`,
        };
  }
  if (!isDrillId(tag))
    return { action: 'refuse', reason: `its ${TAG_INCIDENT} tag "${tag}" is not a drill id` };
  const running = owner.inFlight?.(tag) ?? null;
  return running
    ? { action: 'refuse', reason: `left in place: ${running}` }
    : { action: 'delete', drillId: tag };
}
