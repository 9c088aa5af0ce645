import type { BackupPolicy, EnvironmentRules, PolicyEnvironment, PolicyTier } from './backup-policy-schema';

/** AWS-style tags: either a plain record or the SDK's `[{ Key, Value }]` list. */
export type ResourceTags = Record<string, string> | ReadonlyArray<{ Key?: string; Value?: string }>;

function tagValue(tags: ResourceTags | undefined, key: string): string | undefined {
  if (!tags) return undefined;
  const wanted = key.toLowerCase();
  if (Array.isArray(tags)) {
    const list = tags as ReadonlyArray<{ Key?: string; Value?: string }>;
    return list.find((tag) => tag.Key?.toLowerCase() === wanted)?.Value;
  }
  const record = tags as Record<string, string>;
  const found = Object.keys(record).find((name) => name.toLowerCase() === wanted);
  return found === undefined ? undefined : record[found];
}

function mapValue(values: Record<string, string>, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const wanted = raw.trim().toLowerCase();
  const key = Object.keys(values).find((name) => name.toLowerCase() === wanted);
  return key === undefined ? undefined : values[key];
}

/** How a resource was classified, and whether its tag was recognised. */
export interface TagClassification<T> {
  value: T;
  /** The raw tag value, or `null` when the resource has no such tag. */
  tag: string | null;
  /** `tagged`: the tag mapped; `default`: no tag; `unknown`: a tag value the policy does not map. */
  source: 'tagged' | 'default' | 'unknown';
}

/**
 * A resource's recovery tier from its tags (the policy's `tierTag` mapping, case-insensitive).
 * An untagged resource, or one whose tag value is not mapped, gets the policy's default tier.
 */
export function tierForTags(
  policy: BackupPolicy,
  tags: ResourceTags | undefined,
): TagClassification<PolicyTier> {
  const raw = tagValue(tags, policy.tierTag.key);
  const mapped = mapValue(policy.tierTag.values, raw);
  const id = mapped ?? policy.tierTag.default;
  const tier = policy.tiers.find((t) => t.id === id) ?? policy.tiers[0]!;
  return {
    value: tier,
    tag: raw ?? null,
    source: raw === undefined ? 'default' : mapped ? 'tagged' : 'unknown',
  };
}

/**
 * A resource's environment (production or development) from its tags; untagged or unmapped
 * resources get the policy's default environment.
 */
export function environmentForTags(
  policy: BackupPolicy,
  tags: ResourceTags | undefined,
): TagClassification<PolicyEnvironment> {
  const raw = tagValue(tags, policy.environmentTag.key);
  const mapped = mapValue(policy.environmentTag.values, raw) as PolicyEnvironment | undefined;
  const env = mapped ?? (policy.environmentTag.default as PolicyEnvironment);
  return {
    value: env,
    tag: raw ?? null,
    source: raw === undefined ? 'default' : mapped ? 'tagged' : 'unknown',
  };
}

/** The rules that apply to a resource with these tags. */
export function rulesForTags(policy: BackupPolicy, tags: ResourceTags | undefined): EnvironmentRules {
  return policy.environments[environmentForTags(policy, tags).value];
}
