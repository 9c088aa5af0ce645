import { z } from 'zod';
import type { SimContext } from '../../core/types';
import type { RegionReference } from '../../scenario/region-reference';
import { AGE_PATTERN, agoIso, buildPhases, parseAge, type Phase } from '../../protocol/lifecycle';
import { ec2Id, emptyEc2State, type Ec2ImageRecord, type Ec2State, type Ec2Tag } from './model';

const age = z.string().regex(AGE_PATTERN, 'must be an age such as 30m, 6h or 3d');
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be a region name like us-east-1');
const tags = z.record(z.string(), z.string()).default({});
const id = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}-[0-9a-f]{8,17}$`), `must be an id like ${prefix}-0123456789abcdef0`);
const transition = z.object({ status: z.string().min(1), for: age }).strict();

/** One region's network: zones, subnets, security groups. */
const networkSchema = z
  .object({
    region,
    zones: z.array(z.string().min(1)).min(1),
    subnets: z
      .array(
        z
          .object({
            id: id('subnet'),
            vpcId: id('vpc'),
            az: z.string().min(1),
            cidr: z.string().regex(/^\d+\.\d+\.\d+\.\d+\/\d+$/, 'must be a CIDR block'),
            tags,
          })
          .strict(),
      )
      .default([]),
    securityGroups: z
      .array(
        z
          .object({
            id: id('sg'),
            vpcId: id('vpc'),
            name: z.string().min(1),
            description: z.string().default(''),
            tags,
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

const imageSchema = z
  .object({
    id: id('ami'),
    region,
    name: z.string().min(1),
    description: z.string().default(''),
    age,
    rootSize: z.number().int().min(1).default(30),
    encrypted: z.boolean().default(true),
    /** The backing snapshot's id (default: generated). */
    snapshotId: id('snap').optional(),
    copiedFrom: z
      .object({ region, id: id('ami') })
      .strict()
      .optional(),
    transition: transition.optional(),
    tags,
  })
  .strict();

const snapshotSchema = z
  .object({
    id: id('snap'),
    region,
    volume: id('vol'),
    size: z.number().int().min(1),
    age,
    description: z.string().default(''),
    encrypted: z.boolean().default(true),
    copiedFrom: z
      .object({ region, id: id('snap') })
      .strict()
      .optional(),
    transition: transition.optional(),
    tags,
  })
  .strict();

const volumeSchema = z
  .object({
    id: id('vol'),
    region,
    az: z.string().min(1),
    size: z.number().int().min(1),
    type: z.enum(['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard']).default('gp3'),
    snapshot: id('snap').optional(),
    encrypted: z.boolean().default(true),
    age: age.default('90d'),
    attachedTo: z
      .object({ instance: id('i'), device: z.string().min(1) })
      .strict()
      .optional(),
    tags,
  })
  .strict();

const instanceSchema = z
  .object({
    id: id('i'),
    region,
    image: id('ami'),
    type: z.string().regex(/^[a-z0-9-]+\.[a-z0-9]+$/, 'must be an instance type like m6i.large'),
    subnet: id('subnet'),
    securityGroups: z.array(id('sg')).default([]),
    age: age.default('30d'),
    /** The root volume's id (default: generated). */
    rootVolume: id('vol').optional(),
    /** Status checks fail (the facilitator's broken instance). */
    impaired: z.boolean().default(false),
    state: z.enum(['running', 'stopped']).default('running'),
    tags,
  })
  .strict();

/** The `ec2:` section of a scenario file; cross-references are checked with the path of the field at fault. */
export const ec2ScenarioSchema = z
  .object({
    networks: z.array(networkSchema).default([]),
    images: z.array(imageSchema).default([]),
    snapshots: z.array(snapshotSchema).default([]),
    instances: z.array(instanceSchema).default([]),
    volumes: z.array(volumeSchema).default([]),
  })
  .strict()
  .superRefine((section, ctx) => {
    const issue = (path: Array<string | number>, message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const zones = new Map<string, string>();
    const subnets = new Map<string, { region: string; az: string }>();
    section.networks.forEach((net, n) => {
      for (const zone of net.zones) zones.set(zone, net.region);
      net.subnets.forEach((sub, k) => {
        if (!net.zones.includes(sub.az)) {
          issue(
            ['networks', n, 'subnets', k, 'az'],
            `subnet ${sub.id} is in zone ${sub.az}, which is not listed in this network's zones (${net.zones.join(', ')})`,
          );
        }
        subnets.set(sub.id, { region: net.region, az: sub.az });
      });
    });
    const listedBefore = (
      kind: 'snapshots' | 'images',
      items: ReadonlyArray<{
        id: string;
        region: string;
        copiedFrom?: { id: string; region: string } | undefined;
      }>,
    ) => {
      const seen = new Map<string, string>();
      items.forEach((item, n) => {
        const from = item.copiedFrom;
        if (from && seen.get(from.id) !== from.region) {
          issue(
            [kind, n, 'copiedFrom', 'id'],
            `${item.id} is copied from ${from.id} in ${from.region}, which must be listed before it in ec2.${kind} with region ${from.region}`,
          );
        }
        seen.set(item.id, item.region);
      });
      return seen;
    };
    listedBefore('snapshots', section.snapshots);
    const images = listedBefore('images', section.images);
    const instanceZones = new Map<string, string>();
    section.instances.forEach((inst, n) => {
      if (images.get(inst.image) !== inst.region) {
        issue(
          ['instances', n, 'image'],
          `instance ${inst.id} names image ${inst.image}, which is not in ${inst.region}; add it to ec2.images in ${inst.region}`,
        );
      }
      const subnet = subnets.get(inst.subnet);
      if (subnet?.region !== inst.region) {
        issue(
          ['instances', n, 'subnet'],
          `instance ${inst.id} names subnet ${inst.subnet}, which is not in ${inst.region}; add it to the ${inst.region} network's subnets`,
        );
      }
      if (subnet) instanceZones.set(inst.id, subnet.az);
    });
    section.volumes.forEach((v, n) => {
      const zoneRegion = zones.get(v.az);
      if (zoneRegion !== v.region) {
        issue(
          ['volumes', n, 'az'],
          `volume ${v.id} is in zone ${v.az}, which is not a zone of ${v.region} in ec2.networks`,
        );
      }
      if (!v.attachedTo) return;
      const instanceZone = instanceZones.get(v.attachedTo.instance);
      if (instanceZone === undefined) {
        issue(
          ['volumes', n, 'attachedTo', 'instance'],
          `volume ${v.id} is attached to instance ${v.attachedTo.instance}, which is not listed in ec2.instances`,
        );
      } else if (instanceZone !== v.az) {
        issue(
          ['volumes', n, 'az'],
          `volume ${v.id} is in ${v.az} but instance ${v.attachedTo.instance} is in ${instanceZone}; a volume attaches only in its instance's zone`,
        );
      }
    });
  });

/** The validated `ec2:` section. */
export type Ec2Section = z.infer<typeof ec2ScenarioSchema>;

/** Every region the `ec2:` section names, with its field path (each must be one of the scenario's regions). */
export function ec2ScenarioRegions(section: Ec2Section): RegionReference[] {
  const out: RegionReference[] = [];
  section.networks.forEach((net, n) => out.push({ path: ['networks', n, 'region'], region: net.region }));
  for (const kind of ['images', 'snapshots', 'instances', 'volumes'] as const) {
    section[kind].forEach((item, n) => {
      out.push({ path: [kind, n, 'region'], region: item.region });
      if ('copiedFrom' in item && item.copiedFrom)
        out.push({ path: [kind, n, 'copiedFrom', 'region'], region: item.copiedFrom.region });
    });
  }
  return out;
}
/** The `ec2:` section as written (defaults optional), e.g. by the estate generator. */
export type Ec2SectionInput = z.input<typeof ec2ScenarioSchema>;

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
