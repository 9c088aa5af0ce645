import type { AssessedResource } from '../api/calls/assess';
import type { BackupPolicy } from '../runbooks/backup-policy';
import { environmentForTags, tierForTags } from '../runbooks/policy-for-tags';
import type { TagMap } from './inventory';

/** A resource's tier and environment, and where each came from. */
export interface Classification {
  tier: AssessedResource['tier'];
  environment: AssessedResource['environment'];
  environmentSource: AssessedResource['environmentSource'];
}

/**
 * Classify a resource by the backup policy's tag mappings. With its own tags unknown (the
 * resource's region does not answer), the tags of its copy in the secondary region stand in
 * (`inferred`); with neither, the policy's defaults apply.
 */
export function classify(policy: BackupPolicy, own: TagMap | null, fromCopy?: TagMap | null): Classification {
  const inferred = own === null && fromCopy !== undefined && fromCopy !== null;
  const tags = own ?? fromCopy ?? undefined;
  const tier = tierForTags(policy, tags);
  const env = environmentForTags(policy, tags);
  const source = (s: 'tagged' | 'default' | 'unknown'): 'tagged' | 'default' | 'unknown' | 'inferred' =>
    inferred && s === 'tagged' ? 'inferred' : s;
  return {
    tier: {
      id: tier.value.id,
      title: tier.value.title,
      rtoMinutes: tier.value.rtoMinutes,
      rpoMinutes: tier.value.rpoMinutes,
      source: source(tier.source),
    },
    environment: env.value,
    environmentSource: source(env.source),
  };
}

/** True when the tier counts as critical for rules that differ by tier (the AMI age). */
export function isCriticalTier(policy: BackupPolicy, tierId: string): boolean {
  const ordered = [...policy.tiers].sort((a, b) => a.rpoMinutes - b.rpoMinutes);
  return ordered[0]?.id === tierId;
}
