import type { Rng } from '../../core/types';
import type { Ec2SectionInput } from './scenario-schema';

const APPS = [
  'web',
  'api',
  'worker',
  'search',
  'analytics',
  'identity',
  'billing',
  'reports',
  'queue',
  'cache',
];

function hexId(prefix: string, kind: number, n: number): string {
  return `${prefix}-0${kind.toString(16)}${n.toString(16).padStart(15, '0')}`;
}

/**
 * A seeded EC2 section of about `count` resources for large-estate benchmarks: a network per
 * region, AMIs (some copied to us-west-2), instances, data volumes and their snapshots.
 */
export function generateEc2Section(rng: Rng, count: number): Ec2SectionInput {
  const networks: NonNullable<Ec2SectionInput['networks']> = [
    {
      region: 'us-east-1',
      zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      subnets: ['a', 'b', 'c'].map((z, i) => ({
        id: hexId('subnet', 1, i),
        vpcId: 'vpc-0ee0000000000001',
        az: `us-east-1${z}`,
        cidr: `10.50.${i}.0/22`,
      })),
      securityGroups: [{ id: hexId('sg', 1, 0), vpcId: 'vpc-0ee0000000000001', name: 'gen-app' }],
    },
    {
      region: 'us-west-2',
      zones: ['us-west-2a', 'us-west-2b', 'us-west-2c'],
      subnets: ['a', 'b', 'c'].map((z, i) => ({
        id: hexId('subnet', 2, i),
        vpcId: 'vpc-0ff0000000000001',
        az: `us-west-2${z}`,
        cidr: `10.150.${i}.0/22`,
      })),
      securityGroups: [{ id: hexId('sg', 2, 0), vpcId: 'vpc-0ff0000000000001', name: 'gen-app-dr' }],
    },
  ];
  const images: NonNullable<Ec2SectionInput['images']> = [];
  const instances: NonNullable<Ec2SectionInput['instances']> = [];
  const volumes: NonNullable<Ec2SectionInput['volumes']> = [];
  const snapshots: NonNullable<Ec2SectionInput['snapshots']> = [];
  const fixed = 2 * 3 + 2 + 6;
  const budget = Math.max(1, count - fixed);
  const imageCount = Math.max(1, Math.floor(budget * 0.05));
  for (let n = 0; n < imageCount; n += 1) {
    const app = APPS[n % APPS.length] ?? 'web';
    const id = hexId('ami', 1, n);
    images.push({
      id,
      region: 'us-east-1',
      name: `gen-${app}-${n}`,
      age: `${rng.int(0, 10)}d`,
      snapshotId: hexId('snap', 3, n),
      tags: { application: app },
    });
    if (rng.next() < 0.5) {
      images.push({
        id: hexId('ami', 2, n),
        region: 'us-west-2',
        name: `gen-${app}-${n}-dr`,
        age: `${rng.int(0, 2)}d`,
        snapshotId: hexId('snap', 4, n),
        copiedFrom: { region: 'us-east-1', id },
        tags: { application: app },
      });
    }
  }
  const eastImages = images.filter((i) => i.region === 'us-east-1');
  let n = 0;
  const used = () => fixed + images.length * 2 + instances.length * 2 + volumes.length + snapshots.length;
  while (used() < count) {
    const image = eastImages[n % eastImages.length];
    if (!image) break;
    const subnetIndex = n % 3;
    const production = rng.next() < 0.6;
    const id = hexId('i', 1, n);
    instances.push({
      id,
      region: 'us-east-1',
      image: image.id,
      type: production ? 'm6i.large' : 't3.medium',
      subnet: hexId('subnet', 1, subnetIndex),
      securityGroups: [hexId('sg', 1, 0)],
      rootVolume: hexId('vol', 1, n),
      tags: {
        Name: `gen-${image.tags?.application ?? 'app'}-${n}`,
        environment: production ? 'production' : 'development',
      },
    });
    if (production && used() + 2 <= count) {
      const volume = hexId('vol', 2, n);
      volumes.push({
        id: volume,
        region: 'us-east-1',
        az: `us-east-1${'abc'[subnetIndex]}`,
        size: rng.int(50, 500),
        attachedTo: { instance: id, device: '/dev/sdf' },
        tags: { environment: 'production' },
      });
      snapshots.push({
        id: hexId('snap', 5, n),
        region: 'us-east-1',
        volume,
        size: 500,
        age: `${rng.int(1, 72)}h`,
      });
    }
    n += 1;
  }
  return { networks, images, instances, volumes, snapshots };
}
