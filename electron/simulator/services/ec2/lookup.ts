import type { SimContext } from '../../core/types';
import { simError } from '../../protocol/errors';
import type { Ec2State, Ec2Tag } from './model';
import { imageState, instanceState, volumeState } from './status';

/** Values of a tag filter (`tag:Name`, `tag-key`, `tag-value`), or undefined for other filter names. */
export function tagFilterValues(tags: readonly Ec2Tag[], name: string): string[] | undefined {
  if (name.startsWith('tag:')) {
    const key = name.slice(4);
    return tags.filter((t) => t.Key === key).map((t) => t.Value);
  }
  if (name === 'tag-key') return tags.map((t) => t.Key);
  if (name === 'tag-value') return tags.map((t) => t.Value);
  return undefined;
}

/** EC2's not-found error for a list of missing ids of one kind. */
export function notFound(
  kind: 'instance' | 'image' | 'snapshot' | 'volume' | 'subnet' | 'group',
  ids: readonly string[],
): Error {
  const list = ids.join(', ');
  switch (kind) {
    case 'instance':
      return simError(
        'InvalidInstanceID.NotFound',
        ids.length > 1
          ? `The instance IDs '${list}' do not exist`
          : `The instance ID '${list}' does not exist`,
      );
    case 'image':
      return simError('InvalidAMIID.NotFound', `The image id '[${list}]' does not exist`);
    case 'snapshot':
      return simError('InvalidSnapshot.NotFound', `The snapshot '${list}' does not exist.`);
    case 'volume':
      return simError('InvalidVolume.NotFound', `The volume '${list}' does not exist.`);
    case 'subnet':
      return simError('InvalidSubnetID.NotFound', `The subnet ID '${list}' does not exist`);
    case 'group':
      return simError('InvalidGroup.NotFound', `The security group '${list}' does not exist`);
  }
}

const MALFORMED: Record<string, string> = {
  'i-': 'InvalidInstanceID.Malformed',
  'ami-': 'InvalidAMIID.Malformed',
  'snap-': 'InvalidSnapshotID.Malformed',
  'vol-': 'InvalidVolumeID.Malformed',
};

/** Reject an id that does not have its kind's shape (`i-` and hex digits …). */
export function assertIdShape(prefix: 'i-' | 'ami-' | 'snap-' | 'vol-', id: string): void {
  if (!new RegExp(`^${prefix}[0-9a-f]{8,17}$`).test(id)) {
    throw simError(
      MALFORMED[prefix] ?? 'InvalidParameterValue',
      `Invalid id: "${id}" (expecting "${prefix}...")`,
    );
  }
}

/** The live instance with this id in this region, or the EC2 not-found error. */
export function getInstance(state: Ec2State, region: string, id: string, now: Date) {
  assertIdShape('i-', id);
  const instance = state.instances[id];
  if (!instance || instance.region !== region || instanceState(instance, now) === undefined)
    throw notFound('instance', [id]);
  return instance;
}

/** The registered image with this id in this region, or the EC2 not-found error. */
export function getImage(state: Ec2State, region: string, id: string, now: Date) {
  assertIdShape('ami-', id);
  const image = state.images[id];
  if (!image || image.region !== region || imageState(image, now) === undefined)
    throw notFound('image', [id]);
  return image;
}

/** The snapshot with this id in this region, or the EC2 not-found error. */
export function getSnapshot(state: Ec2State, region: string, id: string) {
  assertIdShape('snap-', id);
  const snapshot = state.snapshots[id];
  if (!snapshot || snapshot.region !== region) throw notFound('snapshot', [id]);
  return snapshot;
}

/** The existing volume with this id in this region, or the EC2 not-found error. */
export function getVolume(state: Ec2State, region: string, id: string, now: Date) {
  assertIdShape('vol-', id);
  const volume = state.volumes[id];
  if (!volume || volume.region !== region || volumeState(volume, now) === undefined)
    throw notFound('volume', [id]);
  return volume;
}

/** Merge tags into a list in place: same key overwrites, new keys append. */
export function mergeEc2Tags(
  target: Ec2Tag[],
  tags: ReadonlyArray<{ Key?: string | undefined; Value?: string | undefined }>,
): void {
  for (const tag of tags) {
    if (!tag.Key) throw simError('InvalidParameterValue', 'Tag keys must not be empty.');
    const existing = target.find((t) => t.Key === tag.Key);
    if (existing) existing.Value = tag.Value ?? '';
    else target.push({ Key: tag.Key, Value: tag.Value ?? '' });
  }
}

/** The tags a TagSpecifications list gives one resource type. */
export function tagsFor(
  specs:
    | ReadonlyArray<{
        ResourceType?: string | undefined;
        Tags?: Array<{ Key?: string | undefined; Value?: string | undefined }> | undefined;
      }>
    | undefined,
  resourceType: string,
): Ec2Tag[] {
  const out: Ec2Tag[] = [];
  for (const spec of specs ?? []) if (spec.ResourceType === resourceType) mergeEc2Tags(out, spec.Tags ?? []);
  return out;
}

/** The limits of EC2 `MaxResults` for one operation; absent means "everything in one page". */
export function ec2PageLimit(value: number | undefined, min: number, max: number) {
  return { value, min, max, fallback: max, name: 'MaxResults' };
}

/**
 * True when the facilitator's "a given restore failing" fault names this new resource: by its
 * id, or by the `Name` tag it is created with (as RunInstances, CreateVolume and CopySnapshot match).
 */
export function restoreTargetFails(ctx: SimContext, id: string, tags: readonly Ec2Tag[]): boolean {
  const name = tags.find((t) => t.Key === 'Name')?.Value;
  return ctx.restoreShouldFail(id) || (name !== undefined && ctx.restoreShouldFail(name));
}
