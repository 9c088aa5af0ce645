import type { TagMap } from './inventory';

/** Tag keys that name the resource a copy was made from (ours first, then common conventions). */
export const SOURCE_TAG_KEYS = [
  'dr-war-room:source',
  'source',
  'source-instance',
  'source-instance-id',
  'SourceInstanceId',
  'source-volume',
  'source-volume-id',
  'SourceVolumeId',
  'source-snapshot',
  'source-snapshot-id',
  'SourceSnapshotId',
  'source-bucket',
  'replica-of',
  'source-table',
  'source-arn',
  'source-image',
  'source-ami',
  'SourceImageId',
];

/** The first id matching `pattern` in a copy's source tags (case-insensitive keys), or null. */
export function sourceFromTags(tags: TagMap | null | undefined, pattern: RegExp): string | null {
  if (!tags) return null;
  const lower = new Map(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), v]));
  for (const key of SOURCE_TAG_KEYS) {
    const value = lower.get(key.toLowerCase());
    const match = value ? pattern.exec(value) : null;
    if (match) return match[0];
  }
  return null;
}

/** An EC2 instance id in text. */
export const INSTANCE_ID = /\bi-[0-9a-f]{8,17}\b/;
/** An EBS volume id in text. */
export const VOLUME_ID = /\bvol-[0-9a-f]{8,17}\b/;
/** An EBS snapshot id in text. */
export const SNAPSHOT_ID = /\bsnap-[0-9a-f]{8,17}\b/;
/** An AMI id in text. */
export const IMAGE_ID = /\bami-[0-9a-f]{8,17}\b/;
