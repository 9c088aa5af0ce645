import type { SimContext } from '../../core/types';
import { agoIso, buildPhases, parseAge, type Phase } from '../../protocol/lifecycle';
import { ec2Id, emptyEc2State, type Ec2ImageRecord, type Ec2State, type Ec2Tag } from './model';
import type { Ec2Section } from './scenario-schema';

function tagList(map: Record<string, string>): Ec2Tag[] {
  return Object.entries(map).map(([Key, Value]) => ({ Key, Value }));
}

function lifecycle(now: Date, t: { status: string; for: string } | undefined, final: string): Phase[] {
  return t ? buildPhases(now, [[t.status, parseAge(t.for) / 60_000]], final) : [{ status: final }];
}

/** `us-east-1` → `use1`, the prefix of zone ids. */
function zonePrefix(regionName: string): string {
  const [geo = '', direction = '', n = ''] = regionName.split('-');
  return `${geo}${direction.charAt(0)}${n}`;
}

/** Build the EC2 state a scenario describes, at the simulated start time. */
export function ec2FromScenario(section: Ec2Section, ctx: SimContext): Ec2State {
  const state = emptyEc2State();
  const now = ctx.clock.now();
  const fail = (path: string, message: string): never => {
    throw new Error(`ec2.${path}: ${message}`);
  };
  for (const net of section.networks) {
    net.zones.forEach((name, n) => {
      state.zones[name] = { name, zoneId: `${zonePrefix(net.region)}-az${n + 1}`, region: net.region };
    });
    for (const s of net.subnets) {
      if (!state.zones[s.az])
        fail(`networks.${net.region}.subnets.${s.id}`, `zone ${s.az} is not listed in zones`);
      state.subnets[s.id] = {
        id: s.id,
        region: net.region,
        vpcId: s.vpcId,
        availabilityZone: s.az,
        cidrBlock: s.cidr,
        tags: tagList(s.tags),
      };
    }
    for (const g of net.securityGroups) {
      state.securityGroups[g.id] = {
        id: g.id,
        region: net.region,
        vpcId: g.vpcId,
        name: g.name,
        description: g.description || g.name,
        tags: tagList(g.tags),
      };
    }
  }
  for (const s of section.snapshots) {
    const source = s.copiedFrom ? state.snapshots[s.copiedFrom.id] : undefined;
    if (s.copiedFrom && !source)
      fail(`snapshots.${s.id}`, `copiedFrom ${s.copiedFrom.id} must be listed before it`);
    state.snapshots[s.id] = {
      id: s.id,
      region: s.region,
      volumeId: source ? 'vol-ffffffff' : s.volume,
      volumeSize: s.size,
      startTime: agoIso(now, s.age),
      phases: lifecycle(now, s.transition, 'completed'),
      encrypted: s.encrypted,
      ...(s.encrypted ? { kmsKeyId: `arn:aws:kms:${s.region}:${ctx.accountId}:alias/aws/ebs` } : {}),
      description: s.description,
      ...(source ? { sourceSnapshotId: source.id, sourceRegion: source.region } : {}),
      tags: tagList(s.tags),
    };
  }
  for (const i of section.images) {
    const source = i.copiedFrom ? state.images[i.copiedFrom.id] : undefined;
    if (i.copiedFrom && !source)
      fail(`images.${i.id}`, `copiedFrom ${i.copiedFrom.id} must be listed before it`);
    const createdAt = agoIso(now, i.age);
    const snapshotId = i.snapshotId ?? ec2Id('snap', ctx.rng.hex);
    if (!state.snapshots[snapshotId]) {
      state.snapshots[snapshotId] = {
        id: snapshotId,
        region: i.region,
        volumeId: 'vol-ffffffff',
        volumeSize: i.rootSize,
        startTime: createdAt,
        phases: lifecycle(
          now,
          i.transition ? { status: 'pending', for: i.transition.for } : undefined,
          'completed',
        ),
        encrypted: i.encrypted,
        ...(i.encrypted ? { kmsKeyId: `arn:aws:kms:${i.region}:${ctx.accountId}:alias/aws/ebs` } : {}),
        description: source
          ? `Copied for DestinationAmi ${i.id} from SourceAmi ${source.id}`
          : `Created by CreateImage for ${i.id}`,
        ...(source
          ? { sourceSnapshotId: source.devices[0]?.snapshotId ?? '', sourceRegion: source.region }
          : {}),
        tags: [],
      };
    }
    const image: Ec2ImageRecord = {
      id: i.id,
      region: i.region,
      name: i.name,
      description: i.description,
      createdAt,
      phases: lifecycle(now, i.transition, 'available'),
      architecture: 'x86_64',
      platformDetails: 'Linux/UNIX',
      rootDeviceName: '/dev/xvda',
      devices: [
        {
          deviceName: '/dev/xvda',
          snapshotId,
          volumeSize: i.rootSize,
          volumeType: 'gp3',
          encrypted: i.encrypted,
        },
      ],
      ...(source ? { sourceImageId: source.id, sourceRegion: source.region } : {}),
      tags: tagList(i.tags),
    };
    state.images[i.id] = image;
  }
  for (const inst of section.instances) {
    const image = state.images[inst.image];
    if (!image || image.region !== inst.region)
      fail(`instances.${inst.id}`, `image ${inst.image} is not in ${inst.region}`);
    const subnet = state.subnets[inst.subnet];
    if (!subnet || subnet.region !== inst.region)
      fail(`instances.${inst.id}`, `subnet ${inst.subnet} is not in ${inst.region}`);
    const launchTime = agoIso(now, inst.age);
    const rootVolume = inst.rootVolume ?? ec2Id('vol', ctx.rng.hex);
    const root = image?.devices[0];
    state.volumes[rootVolume] = {
      id: rootVolume,
      region: inst.region,
      availabilityZone: subnet?.availabilityZone ?? '',
      size: root?.volumeSize ?? 8,
      volumeType: 'gp3',
      ...(root ? { snapshotId: root.snapshotId } : {}),
      encrypted: root?.encrypted ?? true,
      createdAt: launchTime,
      phases: [{ status: 'available' }],
      attachments: [
        { instanceId: inst.id, device: '/dev/xvda', attachedAt: launchTime, deleteOnTermination: true },
      ],
      tags: tagList(inst.tags),
    };
    const octet = (n: number) => ctx.rng.int(1, n);
    const [a = '10', b = '0', c = '0'] = (subnet?.cidrBlock ?? '10.0.0.0/24').split('/')[0]?.split('.') ?? [];
    state.instances[inst.id] = {
      id: inst.id,
      region: inst.region,
      reservationId: ec2Id('r', ctx.rng.hex),
      imageId: inst.image,
      instanceType: inst.type,
      availabilityZone: subnet?.availabilityZone ?? '',
      subnetId: inst.subnet,
      vpcId: subnet?.vpcId ?? '',
      securityGroupIds: inst.securityGroups,
      privateIpAddress: `${a}.${b}.${c}.${octet(250)}`,
      launchTime,
      phases: [{ status: inst.state }],
      checksOkAt: launchTime,
      ...(inst.impaired ? { impaired: true } : {}),
      rootDeviceName: '/dev/xvda',
      devices: [{ deviceName: '/dev/xvda', volumeId: rootVolume }],
      tags: tagList(inst.tags),
    };
  }
  for (const v of section.volumes) {
    if (!state.zones[v.az]) fail(`volumes.${v.id}`, `zone ${v.az} is not listed in the networks`);
    const instance = v.attachedTo ? state.instances[v.attachedTo.instance] : undefined;
    if (v.attachedTo && !instance)
      fail(`volumes.${v.id}`, `attachedTo names instance ${v.attachedTo.instance}, which is not listed`);
    if (instance && instance.availabilityZone !== v.az)
      fail(`volumes.${v.id}`, `is in ${v.az} but instance ${instance.id} is in ${instance.availabilityZone}`);
    const createdAt = agoIso(now, v.age);
    state.volumes[v.id] = {
      id: v.id,
      region: v.region,
      availabilityZone: v.az,
      size: v.size,
      volumeType: v.type,
      ...(v.snapshot ? { snapshotId: v.snapshot } : {}),
      encrypted: v.encrypted,
      ...(v.encrypted ? { kmsKeyId: `arn:aws:kms:${v.region}:${ctx.accountId}:alias/aws/ebs` } : {}),
      createdAt,
      phases: [{ status: 'available' }],
      attachments:
        instance && v.attachedTo
          ? [
              {
                instanceId: instance.id,
                device: v.attachedTo.device,
                attachedAt: createdAt,
                deleteOnTermination: false,
              },
            ]
          : [],
      tags: tagList(v.tags),
    };
    if (instance && v.attachedTo) instance.devices.push({ deviceName: v.attachedTo.device, volumeId: v.id });
  }
  return state;
}
