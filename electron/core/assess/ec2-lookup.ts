/**
 * Matching EC2 backups to what they protect (pure): which AMIs can bring an instance back, which
 * snapshots were taken of a volume (copies included), and when each captured its data.
 */
import type { EbsSnapshotFacts, Ec2InstanceFacts, ImageFacts, TagMap, VolumeFacts } from './inventory';
import { pushToList as push } from './push-to-list';

/** The EC2 facts of both regions. */
export interface Ec2Facts {
  instances: readonly Ec2InstanceFacts[];
  images: readonly ImageFacts[];
  snapshots: readonly EbsSnapshotFacts[];
  volumes: readonly VolumeFacts[];
  accountId: string | null;
}

/** Lookups over the EC2 facts, built once. */
export interface Ec2Lookup {
  imagesById: Map<string, ImageFacts>;
  snapshotsById: Map<string, EbsSnapshotFacts>;
  volumesById: Map<string, VolumeFacts>;
  /** Images by the keys an instance can match them on (`i:<instance>`, `ami:<lineage>`, `app:<name>`). */
  imagesByKey?: Map<string, ImageFacts[]>;
  /** Snapshots by the volume they were taken of. */
  snapshotsByVolume?: Map<string, EbsSnapshotFacts[]>;
}

/** The tag keys that name an application (a golden image and the instances launched from it share it). */
const APPLICATION_KEYS = ['application', 'app', 'service'];

/** The application an instance or AMI belongs to (its `application`, `app` or `service` tag), lower-cased. */
function application(tags: TagMap | null | undefined): string | null {
  if (!tags) return null;
  for (const [k, v] of Object.entries(tags)) {
    if (APPLICATION_KEYS.includes(k.toLowerCase()) && v.trim() !== '') return v.trim().toLowerCase();
  }
  return null;
}

/** The original of an AMI: itself, or (for a copy) the AMI it was copied from when known. */
function originOf(image: ImageFacts, lookup: Ec2Lookup): ImageFacts {
  const source = image.sourceImageId ? lookup.imagesById.get(image.sourceImageId) : undefined;
  return source ?? image;
}

/** When the data of an AMI was captured: the source AMI's creation for a copy, when known. */
export function capturedAt(image: ImageFacts, lookup: Ec2Lookup): string | null {
  return originOf(image, lookup).createdAt ?? image.createdAt;
}

/**
 * True when an AMI can bring an instance back (pure): made from the instance itself
 * (SourceInstanceId), the AMI it was launched from or a copy of it, or a newer golden image of
 * the same application (the `application` tag of the instance and of the AMI).
 */
export function imageFits(
  image: ImageFacts,
  instance: Ec2InstanceFacts | { id: string; imageId: null; tags: null },
  lookup: Ec2Lookup,
): boolean {
  const origin = originOf(image, lookup);
  if (image.sourceInstanceId === instance.id || origin.sourceInstanceId === instance.id) return true;
  if (instance.imageId && (image.id === instance.imageId || image.sourceImageId === instance.imageId))
    return true;
  const app = application(instance.tags);
  if (app === null) return false;
  return (application(image.tags) ?? application(origin.tags)) === app;
}

/** The available AMIs in `region` that can bring `instance` back (through the lookup's index when built). */
export function imagesFor(
  instance: Ec2InstanceFacts | { id: string; imageId: null; tags: null },
  region: string,
  all: Ec2Facts,
  lookup: Ec2Lookup,
): ImageFacts[] {
  const index = lookup.imagesByKey;
  const app = application(instance.tags);
  const candidates = index
    ? new Set([
        ...(index.get(`i:${instance.id}`) ?? []),
        ...(instance.imageId ? (index.get(`ami:${instance.imageId}`) ?? []) : []),
        ...(app ? (index.get(`app:${app}`) ?? []) : []),
      ])
    : all.images;
  return [...candidates].filter(
    (i) => i.region === region && i.state === 'available' && imageFits(i, instance, lookup),
  );
}

/** The volume a snapshot was taken of: its own record, or that of the snapshot it was copied from. */
export function volumeOfSnapshot(snapshot: EbsSnapshotFacts, lookup: Ec2Lookup): string | null {
  if (snapshot.volumeId) return snapshot.volumeId;
  const source = snapshot.sourceSnapshotId ? lookup.snapshotsById.get(snapshot.sourceSnapshotId) : undefined;
  return source?.volumeId ?? null;
}

/** When a snapshot's data was captured: the source snapshot's start for a copy, when known. */
export function snapshotTakenAt(snapshot: EbsSnapshotFacts, lookup: Ec2Lookup): string | null {
  const source = snapshot.sourceSnapshotId ? lookup.snapshotsById.get(snapshot.sourceSnapshotId) : undefined;
  return source?.startedAt ?? snapshot.startedAt;
}

/** The completed snapshots in `region` taken of `volumeId` (copies included). */
export function snapshotsOf(
  volumeId: string,
  region: string,
  all: Ec2Facts,
  lookup: Ec2Lookup,
): EbsSnapshotFacts[] {
  return (lookup.snapshotsByVolume?.get(volumeId) ?? all.snapshots).filter(
    (s) => s.region === region && s.state === 'completed' && volumeOfSnapshot(s, lookup) === volumeId,
  );
}

/** Build the lookups (pure): by id, and the indexes that keep matching linear in the estate's size. */
export function ec2Lookup(all: Ec2Facts): Ec2Lookup {
  const lookup: Ec2Lookup = {
    imagesById: new Map(all.images.map((i) => [i.id, i])),
    snapshotsById: new Map(all.snapshots.map((s) => [s.id, s])),
    volumesById: new Map(all.volumes.map((v) => [v.id, v])),
  };
  const imagesByKey = new Map<string, ImageFacts[]>();
  for (const image of all.images) {
    const origin = originOf(image, lookup);
    const keys = new Set<string>();
    for (const id of [image.sourceInstanceId, origin.sourceInstanceId]) if (id) keys.add(`i:${id}`);
    keys.add(`ami:${image.id}`);
    if (image.sourceImageId) keys.add(`ami:${image.sourceImageId}`);
    const app = application(image.tags) ?? application(origin.tags);
    if (app) keys.add(`app:${app}`);
    for (const key of keys) push(imagesByKey, key, image);
  }
  const snapshotsByVolume = new Map<string, EbsSnapshotFacts[]>();
  for (const snap of all.snapshots) {
    const volume = volumeOfSnapshot(snap, lookup);
    if (volume) push(snapshotsByVolume, volume, snap);
  }
  return { ...lookup, imagesByKey, snapshotsByVolume };
}
