import type { RecoveryOption, ResourceFact, VolumeSnapshotRef } from '../api/calls/assess';
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

interface Lookup {
  imagesById: Map<string, ImageFacts>;
  snapshotsById: Map<string, EbsSnapshotFacts>;
  volumesById: Map<string, VolumeFacts>;
}

/** The instance an AMI was made from: its own record, or that of the AMI it was copied from. */
function instanceOfImage(image: ImageFacts, lookup: Lookup): string | null {
  if (image.sourceInstanceId) return image.sourceInstanceId;
  const source = image.sourceImageId ? lookup.imagesById.get(image.sourceImageId) : undefined;
  return source?.sourceInstanceId ?? null;
}

/** When the data of an AMI was captured: the source AMI's creation for a copy, when known. */
function capturedAt(image: ImageFacts, lookup: Lookup): string | null {
  const source = image.sourceImageId ? lookup.imagesById.get(image.sourceImageId) : undefined;
  return source?.createdAt ?? image.createdAt;
}

/** The volume a snapshot was taken of: its own record, or that of the snapshot it was copied from. */
function volumeOfSnapshot(snapshot: EbsSnapshotFacts, lookup: Lookup): string | null {
  if (snapshot.volumeId) return snapshot.volumeId;
  const source = snapshot.sourceSnapshotId ? lookup.snapshotsById.get(snapshot.sourceSnapshotId) : undefined;
  return source?.volumeId ?? null;
}

function snapshotTakenAt(snapshot: EbsSnapshotFacts, lookup: Lookup): string | null {
  const source = snapshot.sourceSnapshotId ? lookup.snapshotsById.get(snapshot.sourceSnapshotId) : undefined;
  return source?.startedAt ?? snapshot.startedAt;
}

function imagesOf(instanceId: string, region: string, all: Ec2Facts, lookup: Lookup): ImageFacts[] {
  return all.images.filter(
    (i) => i.region === region && i.state === 'available' && instanceOfImage(i, lookup) === instanceId,
  );
}

function newestSnapshotOf(
  volumeId: string,
  region: string,
  all: Ec2Facts,
  lookup: Lookup,
): EbsSnapshotFacts | null {
  const snaps = all.snapshots.filter(
    (s) => s.region === region && s.state === 'completed' && volumeOfSnapshot(s, lookup) === volumeId,
  );
  return newest(snaps, (s) => snapshotTakenAt(s, lookup));
}

interface PrimaryInstance {
  id: string;
  arn: string;
  facts: Ec2InstanceFacts | null;
}

function instanceOptions(
  ctx: OptionContext,
  inst: PrimaryInstance,
  all: Ec2Facts,
  lookup: Lookup,
): { options: RecoveryOption[]; copyTags: TagMap | null } {
  const { primary, secondary, now } = ctx;
  const f = inst.facts;
  const volumeSizes = (f?.volumes ?? []).map((v) => lookup.volumesById.get(v.volumeId)?.sizeGiB ?? 0);
  const totalGiB = volumeSizes.reduce((a, b) => a + b, 0) || null;
  const base = {
    sourceArn: inst.arn,
    sourceRegion: primary,
    targetRegion: secondary,
    ...(f
      ? {
          instanceType: f.instanceType,
          ...(f.availabilityZone ? { availabilityZone: f.availabilityZone } : {}),
        }
      : {}),
  };
  const out: RecoveryOption[] = [];
  let copyTags: TagMap | null = null;

  const copy = newest(imagesOf(inst.id, secondary, all, lookup), (i) => capturedAt(i, lookup));
  if (copy) {
    copyTags = copy.tags;
    const at = capturedAt(copy, lookup);
    out.push(
      makeOption({
        kind: 'ami-launch',
        description: `Launch a new instance in ${secondary} from AMI ${copy.id}${copy.name ? ` (${copy.name})` : ''}, then wait for both status checks.`,
        rpo: rpoFromAge(at, now, `AMI ${copy.id}`),
        prerequisites: [{ text: `AMI ${copy.id} is available in ${secondary}`, met: true }],
        data: { ...base, imageId: copy.id, imageRegion: secondary, ...(at ? { pointInTime: at } : {}) },
        sizeGiB: totalGiB,
      }),
    );
  }

  const original = newest(imagesOf(inst.id, primary, all, lookup), (i) => i.createdAt);
  if (original) {
    out.push(
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
        sizeGiB: totalGiB,
      }),
    );
  }

  if (f && f.volumes.length > 0) {
    const refs: VolumeSnapshotRef[] = [];
    const missing: string[] = [];
    let oldest: string | null = null;
    for (const v of f.volumes) {
      const snap = newestSnapshotOf(v.volumeId, secondary, all, lookup);
      if (!snap) {
        missing.push(v.volumeId);
        continue;
      }
      const at = snapshotTakenAt(snap, lookup) ?? '';
      if (oldest === null || at < oldest) oldest = at;
      refs.push({
        volumeId: v.volumeId,
        device: v.device,
        sizeGiB: lookup.volumesById.get(v.volumeId)?.sizeGiB ?? snap.sizeGiB,
        snapshotId: snap.id,
        snapshotRegion: secondary,
        snapshotTime: at,
      });
    }
    if (refs.length > 0) {
      out.push(
        makeOption({
          kind: 'volume-from-snapshot',
          description: `Create volumes in ${secondary} from the copied snapshots (${refs.map((r) => r.snapshotId).join(', ')}) in the new instance's Availability Zone, and attach them.`,
          rpo:
            missing.length > 0
              ? { minutes: null, reason: `no snapshot in ${secondary} of ${missing.join(', ')}` }
              : rpoFromAge(oldest, now, 'oldest volume snapshot'),
          prerequisites: [
            { text: `every volume has a snapshot in ${secondary}`, met: missing.length === 0 },
            { text: 'an instance to attach them to (launched from an AMI)', met: copy !== null },
          ],
          data: { ...base, volumes: refs },
          sizeGiB: totalGiB,
        }),
      );
    }
  }
  return { options: out, copyTags };
}

function instanceFacts(
  ctx: OptionContext,
  inst: PrimaryInstance,
  all: Ec2Facts,
  lookup: Lookup,
): ResourceFact[] {
  const f = inst.facts;
  const facts: ResourceFact[] = [];
  if (f) {
    facts.push(
      { label: 'Name', value: f.name ?? '(no Name tag)' },
      { label: 'State', value: f.state },
      { label: 'Type', value: f.instanceType },
      { label: 'Availability Zone', value: f.availabilityZone ?? 'unknown' },
      { label: 'Launched from', value: f.imageId ?? 'unknown' },
      {
        label: 'Volumes',
        value:
          f.volumes
            .map((v) => {
              const size = lookup.volumesById.get(v.volumeId)?.sizeGiB;
              return `${v.volumeId}${v.device ? ` (${v.device})` : ''}${size ? ` ${size} GiB` : ''}`;
            })
            .join(', ') || 'none',
      },
    );
  }
  for (const region of [ctx.primary, ctx.secondary]) {
    const images = imagesOf(inst.id, region, all, lookup);
    const latest = newest(images, (i) => capturedAt(i, lookup));
    const age = minutesSince(latest ? capturedAt(latest, lookup) : null, ctx.now);
    facts.push({
      label: `AMIs in ${region}`,
      value: ctx.incomplete('ec2', region)
        ? `unknown (${region} could not be listed)`
        : images.length === 0
          ? 'none'
          : `${images.length}, newest ${latest?.id ?? '?'}${age === null ? '' : ` (${formatMinutes(age)} old)`}`,
    });
  }
  return facts;
}

/**
 * The EC2 subjects (pure): every instance of the primary region (observed, or reconstructed from
 * its AMI copies in the secondary region when the primary does not answer) with its options, and
 * the secondary's own instances.
 */
export function ec2Subjects(all: Ec2Facts, ctx: OptionContext): Subject[] {
  const { primary, secondary } = ctx;
  const lookup: Lookup = {
    imagesById: new Map(all.images.map((i) => [i.id, i])),
    snapshotsById: new Map(all.snapshots.map((s) => [s.id, s])),
    volumesById: new Map(all.volumes.map((v) => [v.id, v])),
  };
  const account = all.accountId ?? '000000000000';
  const known = new Map<string, PrimaryInstance>(
    all.instances.filter((i) => i.region === primary).map((i) => [i.id, { id: i.id, arn: i.arn, facts: i }]),
  );
  if (ctx.incomplete('ec2', primary)) {
    for (const image of all.images) {
      if (image.region !== secondary) continue;
      const id = instanceOfImage(image, lookup);
      const fromPrimary =
        image.sourceImageRegion === primary ||
        (image.sourceImageId !== null && !lookup.imagesById.has(image.sourceImageId));
      if (id && fromPrimary && !known.has(id)) {
        known.set(id, { id, arn: `arn:aws:ec2:${primary}:${account}:instance/${id}`, facts: null });
      }
    }
  }
  const subjects: Subject[] = [];
  for (const inst of known.values()) {
    const { options, copyTags } = instanceOptions(ctx, inst, all, lookup);
    const f = inst.facts;
    const anyAmi = [primary, secondary].flatMap((r) => imagesOf(inst.id, r, all, lookup));
    const newestAmi = newest(anyAmi, (i) => capturedAt(i, lookup));
    subjects.push({
      id: inst.arn,
      service: 'ec2',
      kind: 'instance',
      region: primary,
      name: f?.name ? `${f.name} (${inst.id})` : inst.id,
      role: 'primary',
      observed: f !== null,
      tags: f ? f.tags : null,
      copyTags,
      facts: instanceFacts(ctx, inst, all, lookup),
      details: f
        ? {
            instanceType: f.instanceType,
            ...(f.availabilityZone ? { availabilityZone: f.availabilityZone } : {}),
            ...(f.privateIp ? { privateIp: f.privateIp } : {}),
            ...(f.imageId ? { imageId: f.imageId } : {}),
          }
        : {},
      options,
      unknowns: f
        ? []
        : [
            {
              fact: 'type, volumes and tags of the source instance',
              reason: `${primary} does not answer; the instance is known from its AMI copies in ${secondary}`,
            },
          ],
      optionsIncomplete: ctx.incomplete('ec2', secondary),
      sizeGiB: null,
      policy: {
        service: 'ec2',
        id: inst.id,
        newestAmiMinutes: newestAmi ? minutesSince(capturedAt(newestAmi, lookup), ctx.now) : null,
        amiInSecondary: options.some((o) => o.kind === 'ami-launch'),
        volumes: f
          ? f.volumes.map((v) => {
              const snaps = [primary, secondary]
                .map((r) => newestSnapshotOf(v.volumeId, r, all, lookup))
                .filter((s): s is EbsSnapshotFacts => s !== null);
              const latest = newest(snaps, (s) => snapshotTakenAt(s, lookup));
              return {
                volumeId: v.volumeId,
                newestSnapshotMinutes: latest ? minutesSince(snapshotTakenAt(latest, lookup), ctx.now) : null,
              };
            })
          : null,
        complete: !ctx.incomplete('ec2', primary) && !ctx.incomplete('ec2', secondary),
      },
    });
  }
  for (const i of all.instances) {
    if (i.region !== secondary) continue;
    const inst: PrimaryInstance = { id: i.id, arn: i.arn, facts: i };
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
      facts: instanceFacts({ ...ctx, primary: secondary }, inst, all, lookup).slice(0, 6),
      details: {
        instanceType: i.instanceType,
        ...(i.availabilityZone ? { availabilityZone: i.availabilityZone } : {}),
      },
      options: [
        makeOption({
          kind: 'in-place',
          description: `The instance runs in ${secondary}; it keeps serving.`,
          rpo: { minutes: 0, reason: 'not affected by the primary region' },
          prerequisites: [],
          data: { sourceArn: i.arn, sourceRegion: secondary, targetRegion: secondary },
          sizeGiB: null,
        }),
      ],
      unknowns: [],
      optionsIncomplete: false,
      sizeGiB: null,
      policy: null,
    });
  }
  return subjects;
}
