import type { RecoveryOption, ResourceFact, UnknownFact, VolumeSnapshotRef } from '../api/calls/assess';
import type { EbsSnapshotFacts, Ec2InstanceFacts, ImageFacts, TagMap, VolumeFacts } from './inventory';
import { makeOption, newest } from './recovery-options';
import { formatMinutes, minutesSince, rpoFromAge } from './rpo';
import type { OptionContext, Subject } from './subject';

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

function imagesFor(
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The volume a snapshot was taken of: its own record, or that of the snapshot it was copied from. */
function volumeOfSnapshot(snapshot: EbsSnapshotFacts, lookup: Ec2Lookup): string | null {
  if (snapshot.volumeId) return snapshot.volumeId;
  const source = snapshot.sourceSnapshotId ? lookup.snapshotsById.get(snapshot.sourceSnapshotId) : undefined;
  return source?.volumeId ?? null;
}

/** When a snapshot's data was captured: the source snapshot's start for a copy, when known. */
function snapshotTakenAt(snapshot: EbsSnapshotFacts, lookup: Ec2Lookup): string | null {
  const source = snapshot.sourceSnapshotId ? lookup.snapshotsById.get(snapshot.sourceSnapshotId) : undefined;
  return source?.startedAt ?? snapshot.startedAt;
}

function snapshotsOf(volumeId: string, region: string, all: Ec2Facts, lookup: Ec2Lookup): EbsSnapshotFacts[] {
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

function inPlace(arn: string, region: string, kind: string): RecoveryOption {
  return makeOption({
    kind: 'in-place',
    description: `The ${kind} lives in ${region}; it keeps serving.`,
    rpo: { minutes: 0, reason: 'not affected by the primary region' },
    prerequisites: [],
    data: { sourceArn: arn, sourceRegion: region, targetRegion: region },
    sizeGiB: null,
  });
}

function dataVolumes(
  f: Ec2InstanceFacts,
  lookup: Ec2Lookup,
): Array<{ volumeId: string; device: string | null; sizeGiB: number | null }> {
  return f.volumes
    .filter((v) => v.device === null || v.device !== f.rootDevice)
    .map((v) => ({
      volumeId: v.volumeId,
      device: v.device,
      sizeGiB: lookup.volumesById.get(v.volumeId)?.sizeGiB ?? null,
    }));
}

function instanceSubject(ctx: OptionContext, f: Ec2InstanceFacts, all: Ec2Facts, lookup: Ec2Lookup): Subject {
  const { primary, secondary, now } = ctx;
  const base = {
    sourceArn: f.arn,
    sourceRegion: primary,
    targetRegion: secondary,
    instanceType: f.instanceType,
    ...(f.availabilityZone ? { availabilityZone: f.availabilityZone } : {}),
  };
  const volumes = dataVolumes(f, lookup);
  const options: RecoveryOption[] = [];
  const copy = newest(imagesFor(f, secondary, all, lookup), (i) => capturedAt(i, lookup));
  if (copy) {
    const at = capturedAt(copy, lookup);
    options.push(
      makeOption({
        kind: 'ami-launch',
        description: `Launch a new ${f.instanceType} in ${secondary} from AMI ${copy.id}${copy.name ? ` (${copy.name})` : ''}, wait for both status checks${volumes.length > 0 ? `, then attach its data volume(s) recreated from snapshots` : ''}.`,
        rpo: rpoFromAge(at, now, `AMI ${copy.id}`),
        prerequisites: [{ text: `AMI ${copy.id} is available in ${secondary}`, met: true }],
        data: { ...base, imageId: copy.id, imageRegion: secondary, ...(at ? { pointInTime: at } : {}) },
        sizeGiB: null,
      }),
    );
  }
  const original = newest(imagesFor(f, primary, all, lookup), (i) => i.createdAt);
  if (original) {
    options.push(
      makeOption({
        kind: 'ami-copy-launch',
        description: `Copy AMI ${original.id} to ${secondary} (CopyImage with a client token), wait until it is available, then launch from it.`,
        rpo: rpoFromAge(original.createdAt, now, `AMI ${original.id}`),
        prerequisites: [
          { text: `AMI ${original.id} is available in ${primary}`, met: true },
          {
            text: `${primary} answers (the copy reads the source AMI there)`,
            met: !ctx.unreachable('ec2', primary),
          },
        ],
        data: {
          ...base,
          imageId: original.id,
          imageRegion: primary,
          ...(original.createdAt ? { pointInTime: original.createdAt } : {}),
        },
        sizeGiB: 30,
      }),
    );
  }
  const facts: ResourceFact[] = [
    { label: 'Instance', value: f.id },
    { label: 'State', value: f.state },
    { label: 'Type', value: f.instanceType },
    { label: 'Availability Zone', value: f.availabilityZone ?? 'unknown' },
    { label: 'Launched from', value: f.imageId ?? 'unknown' },
    {
      label: 'Data volumes',
      value:
        volumes
          .map(
            (v) => `${v.volumeId}${v.device ? ` (${v.device})` : ''}${v.sizeGiB ? ` ${v.sizeGiB} GiB` : ''}`,
          )
          .join(', ') || 'none',
    },
  ];
  for (const region of [primary, secondary]) {
    const images = imagesFor(f, region, all, lookup);
    const latest = newest(images, (i) => capturedAt(i, lookup));
    const age = minutesSince(latest ? capturedAt(latest, lookup) : null, now);
    facts.push({
      label: `AMIs in ${region}`,
      value: ctx.incomplete('ec2', region)
        ? `unknown (${region} could not be listed)`
        : images.length === 0
          ? 'none'
          : `${images.length}, newest ${latest?.id ?? '?'}${latest?.name ? ` ${latest.name}` : ''}${age === null ? '' : ` (${formatMinutes(age)} old)`}`,
    });
  }
  const anyAmi = [...imagesFor(f, primary, all, lookup), ...imagesFor(f, secondary, all, lookup)];
  const newestAmi = newest(anyAmi, (i) => capturedAt(i, lookup));
  return {
    id: f.arn,
    service: 'ec2',
    kind: 'instance',
    region: primary,
    name: f.name ? `${f.name} (${f.id})` : f.id,
    role: 'primary',
    observed: true,
    tags: f.tags,
    copyTags: null,
    facts,
    details: {
      instanceType: f.instanceType,
      ...(f.availabilityZone ? { availabilityZone: f.availabilityZone } : {}),
      ...(f.privateIp ? { privateIp: f.privateIp } : {}),
      ...(f.imageId ? { imageId: f.imageId } : {}),
    },
    options,
    unknowns: [],
    optionsIncomplete: ctx.incomplete('ec2', secondary),
    sizeGiB: null,
    policy: {
      service: 'ec2',
      id: f.id,
      newestAmiMinutes: newestAmi ? minutesSince(capturedAt(newestAmi, lookup), now) : null,
      amiInSecondary: copy !== null,
      complete: !ctx.incomplete('ec2', primary) && !ctx.incomplete('ec2', secondary),
    },
  };
}

interface PrimaryVolume {
  id: string;
  facts: VolumeFacts | null;
  /** For a volume known only from snapshot copies whose source volume id is lost: those copies. */
  copies?: EbsSnapshotFacts[];
  /** The instance and device it is attached to, when known. */
  attachment: { instanceId: string; device: string | null } | null;
}

function volumeSubject(
  ctx: OptionContext,
  v: PrimaryVolume,
  all: Ec2Facts,
  lookup: Ec2Lookup,
  account: string,
): Subject {
  const { primary, secondary, now } = ctx;
  const f = v.facts;
  const arn = `arn:aws:ec2:${primary}:${account}:volume/${v.id}`;
  const copies = v.copies ?? snapshotsOf(v.id, secondary, all, lookup);
  const originals = v.copies ? [] : snapshotsOf(v.id, primary, all, lookup);
  const copy = newest(copies, (s) => snapshotTakenAt(s, lookup));
  const original = newest(originals, (s) => s.startedAt);
  const size = f?.sizeGiB ?? copy?.sizeGiB ?? original?.sizeGiB ?? null;
  const base = {
    sourceArn: arn,
    sourceRegion: primary,
    targetRegion: secondary,
    ...(f?.availabilityZone ? { availabilityZone: f.availabilityZone } : {}),
  };
  const ref = (s: EbsSnapshotFacts, region: string): VolumeSnapshotRef => ({
    volumeId: v.id,
    device: v.attachment?.device ?? null,
    sizeGiB: size,
    snapshotId: s.id,
    snapshotRegion: region,
    snapshotTime: snapshotTakenAt(s, lookup) ?? '',
  });
  const options: RecoveryOption[] = [];
  if (copy) {
    options.push(
      makeOption({
        kind: 'volume-from-snapshot',
        description: `Create a volume in ${secondary} from snapshot ${copy.id} in the Availability Zone of the instance it will attach to${v.attachment ? ` (${v.attachment.instanceId}${v.attachment.device ? ` as ${v.attachment.device}` : ''})` : ''}.`,
        rpo: rpoFromAge(snapshotTakenAt(copy, lookup), now, `snapshot ${copy.id}`),
        prerequisites: [{ text: `snapshot ${copy.id} is completed in ${secondary}`, met: true }],
        data: { ...base, snapshotId: copy.id, snapshotRegion: secondary, volumes: [ref(copy, secondary)] },
        sizeGiB: size,
      }),
    );
  }
  if (original) {
    options.push(
      makeOption({
        kind: 'snapshot-copy-restore',
        description: `Copy snapshot ${original.id} to ${secondary} (CopySnapshot), then create the volume from the copy.`,
        rpo: rpoFromAge(original.startedAt, now, `snapshot ${original.id}`),
        prerequisites: [
          { text: `snapshot ${original.id} is completed in ${primary}`, met: true },
          {
            text: `${primary} answers (the copy reads the source snapshot there)`,
            met: !ctx.unreachable('ec2', primary),
          },
        ],
        data: {
          ...base,
          snapshotId: original.id,
          snapshotRegion: primary,
          volumes: [ref(original, primary)],
        },
        sizeGiB: size,
      }),
    );
  }
  const facts: ResourceFact[] = [];
  if (f) {
    facts.push(
      { label: 'Size', value: f.sizeGiB === null ? 'unknown' : `${f.sizeGiB} GiB` },
      { label: 'Availability Zone', value: f.availabilityZone ?? 'unknown' },
      { label: 'Encrypted', value: f.encrypted ? 'yes' : 'no' },
    );
  }
  facts.push({
    label: 'Attached to',
    value: v.attachment
      ? `${v.attachment.instanceId}${v.attachment.device ? ` (${v.attachment.device})` : ''}`
      : f
        ? 'nothing'
        : 'unknown',
  });
  for (const region of [primary, secondary]) {
    const list = region === primary ? originals : copies;
    const latest = region === primary ? original : copy;
    const age = minutesSince(latest ? snapshotTakenAt(latest, lookup) : null, now);
    facts.push({
      label: `Snapshots in ${region}`,
      value: ctx.incomplete('ec2', region)
        ? `unknown (${region} could not be listed)`
        : list.length === 0
          ? 'none'
          : `${list.length}, newest ${latest?.id ?? '?'}${age === null ? '' : ` (${formatMinutes(age)} old)`}`,
    });
  }
  const unknowns: UnknownFact[] = f
    ? []
    : [
        {
          fact: `${v.copies ? 'the volume id, ' : ''}size, zone, attachment and tags of the source volume`,
          reason: `${primary} does not answer; the volume is known from its snapshot copies in ${secondary}${v.copies ? ` (copied from ${[...new Set(v.copies.map((c) => c.sourceSnapshotId))].join(', ')})` : ''}`,
        },
      ];
  const newestAny = newest([...(copy ? [copy] : []), ...(original ? [original] : [])], (s) =>
    snapshotTakenAt(s, lookup),
  );
  const name = f?.tags['Name'] ?? copy?.tags['Name'] ?? null;
  return {
    id: arn,
    service: 'ec2',
    kind: 'volume',
    region: primary,
    name: name ? `${name} (${v.id})` : v.id,
    role: 'primary',
    observed: f !== null,
    tags: f ? f.tags : null,
    copyTags: copy?.tags ?? null,
    facts,
    details: {
      ...(f?.availabilityZone ? { availabilityZone: f.availabilityZone } : {}),
      ...(f ? { encrypted: f.encrypted } : {}),
    },
    options,
    unknowns,
    optionsIncomplete: ctx.incomplete('ec2', secondary),
    sizeGiB: size,
    policy: {
      service: 'ebs',
      volumeId: v.id,
      newestSnapshotMinutes: newestAny ? minutesSince(snapshotTakenAt(newestAny, lookup), now) : null,
      snapshotInSecondary: copy !== null,
      complete: !ctx.incomplete('ec2', primary) && !ctx.incomplete('ec2', secondary),
    },
  };
}

/**
 * The EC2 subjects (pure): every instance of the primary region with its AMI options; every data
 * volume (root volumes come back with the AMI) with its snapshot options, including volumes known
 * only from snapshot copies in the secondary region when the primary does not answer; and the
 * secondary region's own instances.
 */
export function ec2Subjects(all: Ec2Facts, ctx: OptionContext): Subject[] {
  const { primary, secondary } = ctx;
  const lookup = ec2Lookup(all);
  const account = all.accountId ?? '000000000000';
  const subjects: Subject[] = [];
  const instances = all.instances.filter((i) => i.region === primary);
  for (const f of instances) subjects.push(instanceSubject(ctx, f, all, lookup));

  const volumes = new Map<string, PrimaryVolume>();
  const roots = new Set<string>();
  for (const i of instances) {
    for (const v of i.volumes) {
      if (v.device !== null && v.device === i.rootDevice) roots.add(v.volumeId);
      else
        volumes.set(v.volumeId, {
          id: v.volumeId,
          facts: lookup.volumesById.get(v.volumeId) ?? null,
          attachment: { instanceId: i.id, device: v.device },
        });
    }
  }
  for (const v of all.volumes) {
    if (v.region !== primary || roots.has(v.id) || volumes.has(v.id)) continue;
    volumes.set(v.id, {
      id: v.id,
      facts: v,
      attachment: v.attachedTo ? { instanceId: v.attachedTo, device: null } : null,
    });
  }
  if (ctx.incomplete('ec2', primary)) {
    // Copies whose source volume is unknown (AWS gives copies the volume id vol-ffffffff) are
    // grouped by their Name tag, else by the snapshot they were copied from.
    const orphans = new Map<string, EbsSnapshotFacts[]>();
    for (const s of all.snapshots) {
      if (s.region !== secondary || s.sourceSnapshotId === null) continue;
      const source = volumeOfSnapshot(s, lookup);
      if (source) {
        if (!volumes.has(source) && !roots.has(source) && !lookup.volumesById.get(source)) {
          volumes.set(source, { id: source, facts: null, attachment: null });
        }
        continue;
      }
      const key = s.tags['Name'] ? `name:${s.tags['Name']}` : `snap:${s.sourceSnapshotId}`;
      orphans.set(key, [...(orphans.get(key) ?? []), s]);
    }
    for (const group of orphans.values()) {
      const first = group[0];
      if (!first) continue;
      const id = `unknown-volume-of-${first.sourceSnapshotId ?? first.id}`;
      volumes.set(id, { id, facts: null, attachment: null, copies: group });
    }
  }
  for (const v of volumes.values()) subjects.push(volumeSubject(ctx, v, all, lookup, account));

  for (const i of all.instances) {
    if (i.region !== secondary) continue;
    subjects.push({
      id: i.arn,
      service: 'ec2',
      kind: 'instance',
      region: secondary,
      name: i.name ? `${i.name} (${i.id})` : i.id,
      role: 'secondary',
      observed: true,
      tags: i.tags,
      copyTags: null,
      facts: [
        { label: 'State', value: i.state },
        { label: 'Type', value: i.instanceType },
        { label: 'Availability Zone', value: i.availabilityZone ?? 'unknown' },
      ],
      details: {
        instanceType: i.instanceType,
        ...(i.availabilityZone ? { availabilityZone: i.availabilityZone } : {}),
      },
      options: [inPlace(i.arn, secondary, 'instance')],
      unknowns: [],
      optionsIncomplete: false,
      sizeGiB: null,
      policy: null,
    });
  }
  return subjects;
}
