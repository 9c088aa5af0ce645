import type { Rng } from '../../core/types';
import type { RdsSectionInput } from './scenario';

const APPS = [
  'orders',
  'payments',
  'catalog',
  'search',
  'analytics',
  'identity',
  'billing',
  'reports',
  'inventory',
  'ledger',
];
const ENGINES = [
  { engine: 'postgres', version: '16.4' },
  { engine: 'mysql', version: '8.0.39' },
  { engine: 'mariadb', version: '10.11.9' },
] as const;

/**
 * A seeded RDS section of about `count` resources for large-estate benchmarks: three subnet
 * groups, instances (production in us-east-1, most with backups replicated to us-west-2;
 * development in either region) and manual snapshots, some copied to us-west-2.
 */
export function generateRdsSection(rng: Rng, count: number): RdsSectionInput {
  const subnetGroups: NonNullable<RdsSectionInput['subnetGroups']> = [
    {
      name: 'gen-prod',
      region: 'us-east-1',
      vpcId: 'vpc-0ee0000000000001',
      subnets: [
        { id: 'subnet-0ee0000000000011', az: 'us-east-1a' },
        { id: 'subnet-0ee0000000000012', az: 'us-east-1b' },
      ],
    },
    {
      name: 'gen-dev',
      region: 'us-west-2',
      vpcId: 'vpc-0ff0000000000002',
      subnets: [{ id: 'subnet-0ff0000000000021', az: 'us-west-2a' }],
    },
    {
      name: 'gen-dr',
      region: 'us-west-2',
      vpcId: 'vpc-0ff0000000000001',
      subnets: [
        { id: 'subnet-0ff0000000000011', az: 'us-west-2a' },
        { id: 'subnet-0ff0000000000012', az: 'us-west-2b' },
      ],
    },
  ];
  const instances: NonNullable<RdsSectionInput['instances']> = [];
  const snapshots: NonNullable<RdsSectionInput['snapshots']> = [];
  const budget = Math.max(0, count - subnetGroups.length);
  const instanceCount = Math.ceil(budget * 0.6);
  for (let n = 0; n < instanceCount; n += 1) {
    const app = rng.pick(APPS);
    const production = rng.next() < 0.6;
    const { engine, version } = rng.pick(ENGINES);
    const id = `gen-${production ? 'prod' : 'dev'}-${app}-${String(n).padStart(5, '0')}`;
    const region = production ? 'us-east-1' : rng.pick(['us-east-1', 'us-west-2']);
    instances.push({
      id,
      region,
      engine,
      engineVersion: version,
      class: production ? 'db.r6g.large' : 'db.t4g.medium',
      storage: production ? rng.int(100, 2000) : 20,
      multiAZ: production,
      backupRetention: production ? rng.pick([7, 14, 35]) : rng.int(1, 3),
      subnetGroup: region === 'us-east-1' ? 'gen-prod' : 'gen-dev',
      age: `${rng.int(30, 900)}d`,
      tags: {
        environment: production ? 'production' : 'development',
        tier: production ? 'production' : 'development',
        application: app,
      },
      ...(production && rng.next() < 0.85
        ? { replicateBackupsTo: { region: 'us-west-2', retention: 7 } }
        : {}),
    });
  }
  let s = 0;
  while (instances.length + snapshots.length + subnetGroups.length < count && instances.length > 0) {
    const source = instances[s % instances.length];
    if (!source) break;
    const id = `${source.id}-snap-${String(s).padStart(5, '0')}`;
    snapshots.push({ id, region: source.region, instance: source.id, age: `${rng.int(1, 30)}d` });
    if (
      source.region === 'us-east-1' &&
      rng.next() < 0.5 &&
      instances.length + snapshots.length + subnetGroups.length < count
    ) {
      snapshots.push({
        id: `${id}-usw2`,
        region: 'us-west-2',
        instance: source.id,
        age: `${rng.int(0, 1)}d`,
        copiedFrom: { region: 'us-east-1', id },
      });
    }
    s += 1;
  }
  return { subnetGroups, instances, snapshots };
}
