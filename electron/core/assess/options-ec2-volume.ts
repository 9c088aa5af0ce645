/**
 * The EBS volume subjects (pure): every data volume of the primary region (root volumes come back
 * with the AMI) with its snapshot options, including volumes known only from snapshot copies in the
 * secondary region when the primary does not answer.
 */
import type { RecoveryOption, ResourceFact, UnknownFact, VolumeSnapshotRef } from '../api/calls/assess';
import { snapshotsOf, snapshotTakenAt, volumeOfSnapshot, type Ec2Facts, type Ec2Lookup } from './ec2-lookup';
import type { EbsSnapshotFacts, VolumeFacts } from './inventory';
import { makeOption, newest } from './recovery-options';
import { formatMinutes, minutesSince, rpoFromAge } from './rpo';
import type { OptionContext, Subject } from './subject';

/** A volume of the primary region to bring back, as far as it is known. */
export interface PrimaryVolume {
  id: string;
  facts: VolumeFacts | null;
  /** For a volume known only from snapshot copies whose source volume id is lost: those copies. */
  copies?: EbsSnapshotFacts[];
  /** The instance and device it is attached to, when known. */
  attachment: { instanceId: string; device: string | null } | null;
}

/** The subject of a primary volume: create it from a snapshot copy in the secondary region, or copy a primary snapshot first. */
export function volumeSubject(
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
 * The data volumes of the primary region to bring back, by id: those attached to its instances
 * (not root volumes), the other volumes listed there, and, when the primary could not be listed,
 * those known only from snapshot copies in the secondary region.
 */
export function primaryVolumes(
  all: Ec2Facts,
  ctx: OptionContext,
  lookup: Ec2Lookup,
): Map<string, PrimaryVolume> {
  const { primary, secondary } = ctx;
  const instances = all.instances.filter((i) => i.region === primary);
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
  return volumes;
}
