import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { simulatorServices } from '../../../../electron/simulator/core/services';
import { generateEstate } from '../../../../electron/simulator/scenario/generate-estate';
import {
  listScenarios,
  loadScenarioFile,
  parseScenario,
  ScenarioError,
} from '../../../../electron/simulator/scenario/load-scenario';
import { defaultScenariosDir } from '../../../../electron/simulator/scenario/package-root';

const TOP = {
  name: 'x',
  title: 'X',
  accountId: '111122223333',
  regions: ['us-east-1', 'us-west-2'],
};

const DB = {
  id: 'orders-db',
  region: 'us-east-1',
  engine: 'postgres',
  engineVersion: '16.4',
  class: 'db.r6g.large',
  storage: 100,
  backupRetention: 7,
};

const NETWORK_EAST = {
  region: 'us-east-1',
  zones: ['us-east-1a', 'us-east-1b'],
  subnets: [{ id: 'subnet-0e1a0000', vpcId: 'vpc-0e100000', az: 'us-east-1a', cidr: '10.1.1.0/24' }],
};
const NETWORK_WEST = {
  region: 'us-west-2',
  zones: ['us-west-2a'],
  subnets: [{ id: 'subnet-0f2a0000', vpcId: 'vpc-0f200000', az: 'us-west-2a', cidr: '10.2.1.0/24' }],
};
const AMI = { id: 'ami-0aaaaaaaaaaaaaaa1', region: 'us-east-1', name: 'web', age: '3d' };
const INSTANCE = {
  id: 'i-0ccccccccccccccc1',
  region: 'us-east-1',
  image: AMI.id,
  type: 'm6i.large',
  subnet: 'subnet-0e1a0000',
};

const TABLE = { name: 'orders', region: 'us-east-1', partitionKey: { name: 'id' } };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'drwr-scenario-refs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Write scenario data as a YAML file and load it; answers the ScenarioError's message. */
async function loadError(file: string, data: Record<string, unknown>): Promise<string> {
  const full = path.join(dir, file);
  await writeFile(full, stringify({ ...TOP, ...data }));
  const error = await loadScenarioFile(full, simulatorServices).then(
    () => new Error('loaded without an error'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ScenarioError);
  return (error as Error).message.replaceAll(full, '<file>');
}

/** Parse inline scenario data; answers the ScenarioError's message. */
function parseError(data: Record<string, unknown>): string {
  try {
    parseScenario({ ...TOP, ...data }, 'inline', simulatorServices);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as Error).message;
  }
  throw new Error('parsed without an error');
}

describe('scenario cross-references name the file and the field', () => {
  it('rds: a snapshot of an instance that is not in its region', async () => {
    expect(
      await loadError('rds-snapshot.yaml', {
        rds: {
          instances: [DB],
          snapshots: [{ id: 'snap-a', region: 'us-east-1', instance: 'no-such-db', age: '1d' }],
        },
      }),
    ).toBe(
      '<file>: rds.snapshots[0].instance: snapshot snap-a names instance no-such-db, which is not in us-east-1; add it to rds.instances (or as a read replica) in us-east-1, or set instanceRegion',
    );
    // A copy's instance is looked up in the copy source's region.
    expect(
      parseError({
        rds: {
          instances: [DB],
          snapshots: [
            {
              id: 'orders-copy',
              region: 'us-west-2',
              instance: 'orders-db',
              age: '1d',
              copiedFrom: { region: 'us-east-1', id: 'orders-manual' },
            },
          ],
        },
      }),
    ).toBe(
      'inline: rds.snapshots[0].copiedFrom.id: snapshot orders-copy is copied from orders-manual in us-east-1, which must be listed before it in rds.snapshots',
    );
  });

  it('rds: duplicate instances, read replicas included', () => {
    expect(
      parseError({
        rds: {
          instances: [
            { ...DB, readReplicas: [{ id: 'orders-db-usw2', region: 'us-west-2' }] },
            { ...DB, id: 'orders-db-usw2', region: 'us-west-2' },
          ],
        },
      }),
    ).toBe(
      'inline: rds.instances[1].id: duplicate instance orders-db-usw2 in us-west-2; instance ids are unique per region',
    );
  });

  it('ec2: an instance whose image or subnet is in another region, a volume in the wrong zone', async () => {
    const message = await loadError('ec2-refs.yaml', {
      ec2: {
        networks: [NETWORK_EAST, NETWORK_WEST],
        images: [AMI],
        instances: [{ ...INSTANCE, region: 'us-west-2', subnet: 'subnet-0e1a0000' }],
        volumes: [
          { id: 'vol-0ddddddddddddddd1', region: 'us-east-1', az: 'us-west-2a', size: 10 },
          {
            id: 'vol-0ddddddddddddddd2',
            region: 'us-east-1',
            az: 'us-east-1a',
            size: 10,
            attachedTo: { instance: 'i-0eeeeeeeeeeeeee1', device: '/dev/sdf' },
          },
        ],
      },
    });
    expect(message.split('\n')).toEqual([
      '<file>: ec2.instances[0].image: instance i-0ccccccccccccccc1 names image ami-0aaaaaaaaaaaaaaa1, which is not in us-west-2; add it to ec2.images in us-west-2',
      "<file>: ec2.instances[0].subnet: instance i-0ccccccccccccccc1 names subnet subnet-0e1a0000, which is not in us-west-2; add it to the us-west-2 network's subnets",
      '<file>: ec2.volumes[0].az: volume vol-0ddddddddddddddd1 is in zone us-west-2a, which is not a zone of us-east-1 in ec2.networks',
      '<file>: ec2.volumes[1].attachedTo.instance: volume vol-0ddddddddddddddd2 is attached to instance i-0eeeeeeeeeeeeee1, which is not listed in ec2.instances',
    ]);
  });

  it("ec2: a subnet outside its network's zones, a copy listed before its source, a volume in another zone than its instance", () => {
    const message = parseError({
      ec2: {
        networks: [{ ...NETWORK_EAST, subnets: [{ ...NETWORK_EAST.subnets[0], az: 'us-east-1c' }] }],
        snapshots: [
          {
            id: 'snap-0bbbbbbbbbbbbbbb2',
            region: 'us-west-2',
            volume: 'vol-0ddddddddddddddd1',
            size: 10,
            age: '1d',
            copiedFrom: { region: 'us-east-1', id: 'snap-0bbbbbbbbbbbbbbb1' },
          },
          {
            id: 'snap-0bbbbbbbbbbbbbbb1',
            region: 'us-east-1',
            volume: 'vol-0ddddddddddddddd1',
            size: 10,
            age: '2d',
          },
        ],
      },
    });
    expect(message.split('\n')).toEqual([
      "inline: ec2.networks[0].subnets[0].az: subnet subnet-0e1a0000 is in zone us-east-1c, which is not listed in this network's zones (us-east-1a, us-east-1b)",
      'inline: ec2.snapshots[0].copiedFrom.id: snap-0bbbbbbbbbbbbbbb2 is copied from snap-0bbbbbbbbbbbbbbb1 in us-east-1, which must be listed before it in ec2.snapshots with region us-east-1',
    ]);
    expect(
      parseError({
        ec2: {
          networks: [NETWORK_EAST],
          images: [AMI],
          instances: [INSTANCE],
          volumes: [
            {
              id: 'vol-0ddddddddddddddd1',
              region: 'us-east-1',
              az: 'us-east-1b',
              size: 10,
              attachedTo: { instance: INSTANCE.id, device: '/dev/sdf' },
            },
          ],
        },
      }),
    ).toBe(
      "inline: ec2.volumes[0].az: volume vol-0ddddddddddddddd1 is in us-east-1b but instance i-0ccccccccccccccc1 is in us-east-1a; a volume attaches only in its instance's zone",
    );
  });

  it('dynamodb: a duplicate table (replicas included) and an item without its key', async () => {
    expect(
      await loadError('dynamodb.yaml', {
        dynamodb: {
          tables: [
            { ...TABLE, replicas: ['us-west-2'] },
            { ...TABLE, region: 'us-west-2' },
            {
              ...TABLE,
              name: 'carts',
              sortKey: { name: 'at', type: 'N' },
              items: [
                { id: 'a', at: 1 },
                { id: 'b', at: 'noon' },
              ],
            },
          ],
        },
      }),
    ).toBe(
      [
        '<file>: dynamodb.tables[1].name: duplicate table orders in us-west-2; a table name is unique per region (replicas included)',
        '<file>: dynamodb.tables[2].items[1]: the item needs its key attributes: id (a string) and at (a number)',
      ].join('\n'),
    );
    expect(
      parseError({
        dynamodb: { tables: [TABLE, { ...TABLE, region: 'us-west-2', replicas: ['us-east-1'] }] },
      }),
    ).toBe(
      'inline: dynamodb.tables[1].replicas[0]: duplicate table orders in us-east-1; a table name is unique per region (replicas included)',
    );
  });
});

describe("resources sit in the scenario's regions", () => {
  const outside = (field: string, region = 'eu-west-1') =>
    `${field}: region ${region} is not one of the scenario's regions (us-east-1, us-west-2); add it to regions, or move the resource into one of them`;

  it('names each field that names an undeclared region, per service', async () => {
    expect(
      await loadError('regions-s3.yaml', { s3: { buckets: [{ name: 'logs-eu', region: 'eu-west-1' }] } }),
    ).toBe(`<file>: ${outside('s3.buckets[0].region')}`);
    expect(
      parseError({
        rds: {
          instances: [
            {
              ...DB,
              replicateBackupsTo: { region: 'eu-west-1' },
              readReplicas: [{ id: 'orders-db-euc1', region: 'eu-central-1' }],
            },
          ],
        },
      }).split('\n'),
    ).toEqual([
      `inline: ${outside('rds.instances[0].replicateBackupsTo.region')}`,
      `inline: ${outside('rds.instances[0].readReplicas[0].region', 'eu-central-1')}`,
    ]);
    expect(
      parseError({
        ec2: {
          networks: [NETWORK_EAST, { region: 'eu-west-1', zones: ['eu-west-1a'] }],
          images: [{ ...AMI, region: 'eu-west-1' }],
        },
      }).split('\n'),
    ).toEqual([`inline: ${outside('ec2.networks[1].region')}`, `inline: ${outside('ec2.images[0].region')}`]);
    expect(parseError({ dynamodb: { tables: [{ ...TABLE, replicas: ['us-west-2', 'eu-west-1'] }] } })).toBe(
      `inline: ${outside('dynamodb.tables[0].replicas[1]')}`,
    );
  });

  it('accepts the same resources once the region is declared', () => {
    const scenario = parseScenario(
      {
        ...TOP,
        regions: [...TOP.regions, 'eu-west-1'],
        s3: { buckets: [{ name: 'logs-eu', region: 'eu-west-1' }] },
        dynamodb: { tables: [{ ...TABLE, replicas: ['us-west-2', 'eu-west-1'] }] },
      },
      'inline',
      simulatorServices,
    );
    expect(scenario.regions).toEqual(['us-east-1', 'us-west-2', 'eu-west-1']);
  });
});

describe('shipped and generated scenarios pass the checks', () => {
  it('loads every scenario in runbooks/scenarios and a generated estate', async () => {
    const list = await listScenarios(await defaultScenariosDir());
    expect(list.map((s) => s.name)).toEqual(expect.arrayContaining(['healthy', 'us-east-1-outage']));
    const estate = parseScenario(
      generateEstate({ resources: 2000, seed: 9 }),
      'generated',
      simulatorServices,
    );
    expect(Object.keys(estate.sections)).toEqual(expect.arrayContaining(['s3', 'rds', 'ec2', 'dynamodb']));
  });
});
