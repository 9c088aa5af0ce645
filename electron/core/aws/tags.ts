/**
 * The tags DR War Room puts on everything it creates, and helpers that shape them for each
 * service's API. The `dr-war-room:incident` tag is also what the IAM policy's clean-up
 * statements require, so only what this app created can be deleted.
 */

/** The incident (id) a resource was created for. */
export const TAG_INCIDENT = 'dr-war-room:incident';
/** The source resource (ARN or id) a resource was restored or copied from. */
export const TAG_SOURCE = 'dr-war-room:source';
/** Who created it: the app and the identity (role ARN) it acted as. */
export const TAG_CREATED_BY = 'dr-war-room:created-by';

/** The key prefix drill test objects are written under (the IAM policy limits S3 deletes to it). */
export const DRILL_OBJECT_PREFIX = 'dr-war-room-drill/';

/** What the app records on a resource it creates. */
export interface AppTagInput {
  /** The incident (or drill) id. */
  incident: string;
  /** The source resource's ARN or id. */
  source: string;
  /** The identity the app acts as (role ARN), or a short label such as `dr-war-room`. */
  createdBy: string;
}

/** One tag in the `{ Key, Value }` shape most APIs use. */
export interface KeyValueTag {
  Key: string;
  Value: string;
}

const MAX_VALUE = 256;
// The characters every tagging service accepts (EC2's rule is the strictest): letters, digits, spaces and + - = . _ : / @
const ALLOWED = /[^\p{L}\p{N} +\-=._:/@]/gu;

/** Make a value acceptable to every tagging API: replace disallowed characters, cut to 256 characters. */
export function sanitizeTagValue(value: string): string {
  return value.replace(ALLOWED, '_').slice(0, MAX_VALUE);
}

/**
 * The app's tags as `{ Key, Value }` pairs (RDS `Tags`, EC2 `CreateTags`, DynamoDB `TagResource`).
 * Throws when the incident id is empty: an untagged resource could never be cleaned up safely.
 */
export function appTags(input: AppTagInput): KeyValueTag[] {
  if (input.incident.trim() === '') {
    throw new Error('Cannot tag a created resource without an incident id: pass the incident (or drill) id.');
  }
  return [
    { Key: TAG_INCIDENT, Value: sanitizeTagValue(input.incident) },
    { Key: TAG_SOURCE, Value: sanitizeTagValue(input.source) },
    { Key: TAG_CREATED_BY, Value: sanitizeTagValue(input.createdBy) },
  ];
}

/** EC2 `TagSpecifications` for a create call (RunInstances, CreateVolume, CopyImage, CopySnapshot). */
export function ec2TagSpecifications<R extends string>(
  resourceTypes: readonly R[],
  input: AppTagInput,
): { ResourceType: R; Tags: KeyValueTag[] }[] {
  const tags = appTags(input);
  return resourceTypes.map((ResourceType) => ({ ResourceType, Tags: tags }));
}

/** The S3 `Tagging` header value (`k=v&k2=v2`, URL-encoded) for PutObject and CopyObject. */
export function s3TaggingHeader(input: AppTagInput): string {
  return appTags(input)
    .map((t) => `${encodeURIComponent(t.Key)}=${encodeURIComponent(t.Value)}`)
    .join('&');
}

/** The incident id from a resource's tags, if the app created it. */
export function incidentOfTags(
  tags: readonly { Key?: string; Value?: string }[] | undefined,
): string | undefined {
  return tags?.find((t) => t.Key === TAG_INCIDENT)?.Value;
}

/** True when tags say this incident created the resource (the executor adopts such targets). */
export function createdByIncident(
  tags: readonly { Key?: string; Value?: string }[] | undefined,
  incident: string,
): boolean {
  return incidentOfTags(tags) === sanitizeTagValue(incident);
}
