import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand, DescribeDBSubnetGroupsCommand } from '@aws-sdk/client-rds';
import {
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  ListBucketsCommand,
} from '@aws-sdk/client-s3';
import type { DrillServiceName, DrillTargetOption, DrillTargets } from '../api/calls/drill';
import type { AwsClients } from '../aws/clients';
import { ISOLATED_GROUP } from './rds-drill';
import { bucketRegion } from './s3-drill';
import { DRILL_NAME_PREFIX } from './drill-id';

type Tags = { Key?: string | undefined; Value?: string | undefined }[] | undefined;

/** True when tags say production (`tier` or `environment` = production). */
export function isProduction(tags: Tags): boolean {
  return !!tags?.some(
    (t) => (t.Key === 'tier' || t.Key === 'environment') && t.Value?.toLowerCase() === 'production',
  );
}

/** Mark the first good candidate as suggested (PURE): production and without a note first. */
export function suggest(
  options: Omit<DrillTargetOption, 'suggested'>[],
  production: ReadonlySet<string>,
): DrillTargetOption[] {
  const best =
    options.find((o) => production.has(o.id) && o.note === null) ??
    options.find((o) => o.note === null) ??
    options[0];
  return options.map((o) => ({ ...o, suggested: o === best }));
}

async function s3Targets(clients: AwsClients, primary: string): Promise<DrillTargetOption[]> {
  const s3 = clients.s3(primary);
  const list = await s3.send(new ListBucketsCommand({}));
  const options: Omit<DrillTargetOption, 'suggested'>[] = [];
  const production = new Set<string>();
  for (const b of list.Buckets ?? []) {
    if (!b.Name) continue;
    const region = bucketRegion(
      (await s3.send(new GetBucketLocationCommand({ Bucket: b.Name }))).LocationConstraint,
    );
    const regional = clients.s3(region);
    const versioning = (await regional.send(new GetBucketVersioningCommand({ Bucket: b.Name }))).Status;
    const tags = await regional.send(new GetBucketTaggingCommand({ Bucket: b.Name })).then(
      (t) => t.TagSet,
      () => undefined,
    );
    if (isProduction(tags) && region === primary) production.add(b.Name);
    options.push({
      id: b.Name,
      label: b.Name,
      region,
      note: versioning === 'Enabled' ? null : 'versioning off: the drill will fail',
    });
  }
  return suggest(options, production);
}

async function rdsTargets(clients: AwsClients, primary: string): Promise<DrillTargetOption[]> {
  const page = await clients.rds(primary).send(new DescribeDBInstancesCommand({}));
  const production = new Set<string>();
  const options = (page.DBInstances ?? [])
    .filter(
      (i) =>
        i.DBInstanceIdentifier &&
        !i.ReadReplicaSourceDBInstanceIdentifier &&
        !i.DBInstanceIdentifier.startsWith(DRILL_NAME_PREFIX),
    )
    .map((i) => {
      if (isProduction(i.TagList)) production.add(i.DBInstanceIdentifier!);
      return {
        id: i.DBInstanceIdentifier!,
        label: `${i.DBInstanceIdentifier!} (${i.Engine ?? '?'} ${i.DBInstanceClass ?? ''})`,
        region: primary,
        note: null,
      };
    });
  return suggest(options, production);
}

async function ec2Targets(clients: AwsClients, primary: string): Promise<DrillTargetOption[]> {
  const page = await clients.ec2(primary).send(new DescribeInstancesCommand({}));
  const production = new Set<string>();
  const options: Omit<DrillTargetOption, 'suggested'>[] = [];
  for (const r of page.Reservations ?? [])
    for (const i of r.Instances ?? []) {
      if (!i.InstanceId || i.State?.Name === 'terminated') continue;
      const name = i.Tags?.find((t) => t.Key === 'Name')?.Value;
      if (name?.startsWith(DRILL_NAME_PREFIX)) continue;
      const hasData = (i.BlockDeviceMappings ?? []).some((m) => m.DeviceName !== i.RootDeviceName);
      if (isProduction(i.Tags) && hasData) production.add(i.InstanceId);
      options.push({
        id: i.InstanceId,
        label: name ? `${name} (${i.InstanceId})` : i.InstanceId,
        region: primary,
        note: hasData ? null : 'no data volume: only the AMI is tested',
      });
    }
  return suggest(options, production);
}

async function dynamodbTargets(clients: AwsClients, primary: string): Promise<DrillTargetOption[]> {
  const ddb = clients.dynamodb(primary);
  const names = (await ddb.send(new ListTablesCommand({}))).TableNames ?? [];
  const production = new Set<string>();
  const options: Omit<DrillTargetOption, 'suggested'>[] = [];
  for (const name of names.filter((n) => !n.startsWith(DRILL_NAME_PREFIX))) {
    const t = (await ddb.send(new DescribeTableCommand({ TableName: name }))).Table;
    const tags = t?.TableArn
      ? (await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: t.TableArn }))).Tags
      : undefined;
    const pitr = (await ddb.send(new DescribeContinuousBackupsCommand({ TableName: name })))
      .ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus;
    if (isProduction(tags)) production.add(name);
    options.push({
      id: name,
      label: name,
      region: primary,
      note: pitr === 'ENABLED' ? null : 'PITR off: the drill will fail',
    });
  }
  return suggest(options, production);
}

const FINDERS: Record<
  DrillServiceName,
  (clients: AwsClients, primary: string) => Promise<DrillTargetOption[]>
> = {
  s3: s3Targets,
  rds: rdsTargets,
  ec2: ec2Targets,
  dynamodb: dynamodbTargets,
};

/** The candidates of one service (production first), read from the primary region. */
export function targetsOf(
  service: DrillServiceName,
  clients: AwsClients,
  primary: string,
): Promise<DrillTargetOption[]> {
  return FINDERS[service](clients, primary);
}

/** Every service's candidates and the restore region's subnet groups; a service that cannot be read lists none. */
export async function discoverTargets(
  clients: AwsClients,
  regions: { primary: string; secondary: string },
): Promise<DrillTargets> {
  const [s3, rds, ec2, dynamodb] = await Promise.all(
    (['s3', 'rds', 'ec2', 'dynamodb'] as const).map((s) =>
      targetsOf(s, clients, regions.primary).catch(() => []),
    ),
  );
  const groups = await clients
    .rds(regions.secondary)
    .send(new DescribeDBSubnetGroupsCommand({}))
    .then(
      (g) => g.DBSubnetGroups ?? [],
      () => [],
    );
  const names = groups.map((g) => g.DBSubnetGroupName ?? '').filter((n) => n !== '');
  const isolated = names.find((n) => ISOLATED_GROUP.test(n)) ?? names[0];
  return {
    s3: s3 ?? [],
    rds: rds ?? [],
    ec2: ec2 ?? [],
    dynamodb: dynamodb ?? [],
    subnetGroups: names.map((name) => ({ name, region: regions.secondary, suggested: name === isolated })),
  };
}
