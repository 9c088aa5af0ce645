/** The EC2 instance subjects (pure): primary instances with their AMI options, and the secondary region's own instances. */
import type { RecoveryOption, ResourceFact } from '../api/calls/assess';
import { capturedAt, imagesFor, type Ec2Facts, type Ec2Lookup } from './ec2-lookup';
import type { Ec2InstanceFacts } from './inventory';
import { makeOption, newest } from './recovery-options';
import { formatMinutes, minutesSince, rpoFromAge } from './rpo';
import type { OptionContext, Subject } from './subject';

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

/**
 * The subject of an instance in the primary region: launch from an AMI already in the secondary
 * region, or copy the newest primary AMI first; its facts, and what the backup policy checks.
 */
export function instanceSubject(
  ctx: OptionContext,
  f: Ec2InstanceFacts,
  all: Ec2Facts,
  lookup: Ec2Lookup,
): Subject {
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

/** The subject of an instance already running in the secondary region: it keeps serving in place. */
export function secondaryInstanceSubject(i: Ec2InstanceFacts, secondary: string): Subject {
  return {
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
  };
}
