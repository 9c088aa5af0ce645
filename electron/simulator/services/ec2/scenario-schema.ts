import { z } from 'zod';
import { AGE_PATTERN } from '../../protocol/lifecycle';
import type { RegionReference } from '../../scenario/region-reference';

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
