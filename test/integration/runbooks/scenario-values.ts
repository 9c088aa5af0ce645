import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListBackupsCommand,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  DescribeDBSubnetGroupsCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import {
  GetBucketReplicationCommand,
  ListBucketsCommand,
  ListObjectVersionsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Simulator } from '../../../electron/simulator';

/** What the tests know of the scenario's estate: resource names and ids, found through the simulator. */
export interface ScenarioFacts {
  accountId: string;
  primary: string;
  secondary: string;
  /** A primary bucket that replicates to the secondary region, and its replica. */
  replicated?: { bucket: string; replica: string; replicaKey?: string };
  /** An object with an earlier version: bucket, key, and the earlier version's id. */
  rollback?: { bucket: string; key: string; versionId: string };
  /** An archived object (GLACIER or DEEP_ARCHIVE) in the secondary region. */
  archived?: { bucket: string; key: string; versionId: string };
  rds: {
    instance?: {
      id: string;
      cls: string;
      subnetGroup?: string;
      securityGroup?: string;
      latestRestorable?: Date;
    };
    replicatedBackupsOf?: string;
    replicatedLatest?: Date;
    snapshot?: string;
    automatedSnapshot?: string;
    replica?: string;
    secondarySubnetGroup?: string;
    secondaryKmsKey?: string;
  };
  ec2: {
    ami?: string;
    instanceType?: string;
    snapshot?: string;
    primarySubnet?: string;
    primarySecurityGroup?: string;
    secondarySubnet?: string;
    secondarySecurityGroup?: string;
    secondaryAmi?: string;
  };
  dynamodb: { table?: string; globalTable?: string; backupArn?: string; latestRestorable?: Date };
}

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

async function optional<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch {
    return undefined;
  }
}

/**
 * Find the resources the runbook commands act on, through the real SDK clients against the
 * simulator (faults must be off while this runs).
 */
export async function discoverFacts(
  sim: Simulator,
  primary: string,
  secondary: string,
): Promise<ScenarioFacts> {
  const client = <C>(Ctor: new (config: object) => C, region: string, extra: object = {}): C =>
    new Ctor({ region, credentials, requestHandler: sim.requestHandler, maxAttempts: 1, ...extra });
  const s3 = client(S3Client, primary, { forcePathStyle: true });
  const s3West = client(S3Client, secondary, { forcePathStyle: true });
  const facts: ScenarioFacts = {
    accountId: sim.accountId,
    primary,
    secondary,
    rds: {},
    ec2: {},
    dynamodb: {},
  };

  const buckets = (await optional(() => s3.send(new ListBucketsCommand({}))))?.Buckets ?? [];
  for (const bucket of buckets) {
    const name = bucket.Name!;
    const region = bucket.BucketRegion ?? primary;
    const c = region === secondary ? s3West : s3;
    const versions =
      (await optional(() => c.send(new ListObjectVersionsCommand({ Bucket: name }))))?.Versions ?? [];
    if (region === primary) {
      const replication = await optional(() => c.send(new GetBucketReplicationCommand({ Bucket: name })));
      const dest = replication?.ReplicationConfiguration?.Rules?.[0]?.Destination?.Bucket?.replace(
        /^arn:aws:s3:::/,
        '',
      );
      if (dest && !facts.replicated) {
        const replicaVersions =
          (await optional(() => s3West.send(new ListObjectVersionsCommand({ Bucket: dest }))))?.Versions ??
          [];
        const replicaKey = replicaVersions.find((v) => v.IsLatest)?.Key;
        facts.replicated = { bucket: name, replica: dest, ...(replicaKey ? { replicaKey } : {}) };
      }
      const older = versions.find((v) => v.IsLatest === false && v.StorageClass === 'STANDARD');
      if (older && !facts.rollback)
        facts.rollback = { bucket: name, key: older.Key!, versionId: older.VersionId! };
    } else {
      const archived = versions.find((v) => ['GLACIER', 'DEEP_ARCHIVE'].includes(String(v.StorageClass)));
      if (archived && !facts.archived)
        facts.archived = { bucket: name, key: archived.Key!, versionId: archived.VersionId! };
    }
  }

  const rds = client(RDSClient, primary);
  const rdsWest = client(RDSClient, secondary);
  const instances = (await optional(() => rds.send(new DescribeDBInstancesCommand({}))))?.DBInstances ?? [];
  const westInstances =
    (await optional(() => rdsWest.send(new DescribeDBInstancesCommand({}))))?.DBInstances ?? [];
  const westBackups =
    (await optional(() => rdsWest.send(new DescribeDBInstanceAutomatedBackupsCommand({}))))
      ?.DBInstanceAutomatedBackups ?? [];
  const replicatedBackup = westBackups.find(
    (b) => b.Region === primary || b.DBInstanceArn?.includes(`:${primary}:`),
  );
  const withBackups = instances.filter((i) => (i.BackupRetentionPeriod ?? 0) > 0);
  const source =
    withBackups.find((i) => i.DBInstanceIdentifier === replicatedBackup?.DBInstanceIdentifier) ??
    withBackups[0] ??
    instances[0];
  if (source) {
    facts.rds.instance = {
      id: source.DBInstanceIdentifier!,
      cls: source.DBInstanceClass!,
      ...(source.DBSubnetGroup?.DBSubnetGroupName
        ? { subnetGroup: source.DBSubnetGroup.DBSubnetGroupName }
        : {}),
      ...(source.VpcSecurityGroups?.[0]?.VpcSecurityGroupId
        ? { securityGroup: source.VpcSecurityGroups[0].VpcSecurityGroupId }
        : {}),
      ...(source.LatestRestorableTime ? { latestRestorable: source.LatestRestorableTime } : {}),
    };
    const snapshots =
      (
        await optional(() =>
          rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: source.DBInstanceIdentifier })),
        )
      )?.DBSnapshots ?? [];
    const available = snapshots.filter((s) => s.Status === 'available');
    facts.rds.snapshot =
      available.find((s) => s.SnapshotType === 'manual')?.DBSnapshotIdentifier ??
      available[0]?.DBSnapshotIdentifier;
    facts.rds.automatedSnapshot = available.find((s) => s.SnapshotType === 'automated')?.DBSnapshotIdentifier;
  }
  if (replicatedBackup) {
    facts.rds.replicatedBackupsOf = replicatedBackup.DBInstanceIdentifier!;
    if (replicatedBackup.RestoreWindow?.LatestTime)
      facts.rds.replicatedLatest = replicatedBackup.RestoreWindow.LatestTime;
    if (replicatedBackup.KmsKeyId) facts.rds.secondaryKmsKey = replicatedBackup.KmsKeyId;
  }
  facts.rds.secondaryKmsKey ??= `arn:aws:kms:${secondary}:${sim.accountId}:key/11111111-2222-3333-4444-555555555555`;
  facts.rds.replica = westInstances.find(
    (i) => i.ReadReplicaSourceDBInstanceIdentifier,
  )?.DBInstanceIdentifier;
  facts.rds.secondarySubnetGroup = (await optional(() => rdsWest.send(new DescribeDBSubnetGroupsCommand({}))))
    ?.DBSubnetGroups?.[0]?.DBSubnetGroupName;

  const ec2 = client(EC2Client, primary);
  const ec2West = client(EC2Client, secondary);
  const images =
    (await optional(() => ec2.send(new DescribeImagesCommand({ Owners: ['self'] }))))?.Images ?? [];
  const westImages =
    (await optional(() => ec2West.send(new DescribeImagesCommand({ Owners: ['self'] }))))?.Images ?? [];
  const newest = (list: typeof images) =>
    [...list]
      .filter((i) => i.State === 'available')
      .sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0];
  facts.ec2.ami = newest(images)?.ImageId;
  facts.ec2.secondaryAmi = newest(westImages)?.ImageId;
  const reservations = (await optional(() => ec2.send(new DescribeInstancesCommand({}))))?.Reservations ?? [];
  facts.ec2.instanceType = reservations[0]?.Instances?.[0]?.InstanceType ?? 't3.micro';
  const snapshots =
    (await optional(() => ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }))))?.Snapshots ?? [];
  facts.ec2.snapshot = snapshots.find((s) => s.State === 'completed')?.SnapshotId;
  facts.ec2.primarySubnet = (await optional(() => ec2.send(new DescribeSubnetsCommand({}))))?.Subnets?.[0]
    ?.SubnetId;
  facts.ec2.secondarySubnet = (await optional(() => ec2West.send(new DescribeSubnetsCommand({}))))
    ?.Subnets?.[0]?.SubnetId;
  facts.ec2.primarySecurityGroup = (await optional(() => ec2.send(new DescribeSecurityGroupsCommand({}))))
    ?.SecurityGroups?.[0]?.GroupId;
  facts.ec2.secondarySecurityGroup = (
    await optional(() => ec2West.send(new DescribeSecurityGroupsCommand({})))
  )?.SecurityGroups?.[0]?.GroupId;

  const ddb = client(DynamoDBClient, primary);
  const tables = (await optional(() => ddb.send(new ListTablesCommand({}))))?.TableNames ?? [];
  for (const table of tables) {
    const pitr = await optional(() => ddb.send(new DescribeContinuousBackupsCommand({ TableName: table })));
    const description = pitr?.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
    if (description?.PointInTimeRecoveryStatus === 'ENABLED' && !facts.dynamodb.table) {
      facts.dynamodb.table = table;
      if (description.LatestRestorableDateTime)
        facts.dynamodb.latestRestorable = description.LatestRestorableDateTime;
    }
  }
  facts.dynamodb.table ??= tables[0];
  for (const table of tables) {
    const described = await optional(() => ddb.send(new DescribeTableCommand({ TableName: table })));
    if (described?.Table?.Replicas?.some((r) => r.RegionName === secondary)) {
      facts.dynamodb.globalTable = table;
      break;
    }
  }
  const backups = (await optional(() => ddb.send(new ListBackupsCommand({}))))?.BackupSummaries ?? [];
  facts.dynamodb.backupArn = backups.find((b) => b.BackupStatus === 'AVAILABLE')?.BackupArn;
  return facts;
}

function minutesBefore(date: Date | undefined, minutes: number): string | undefined {
  if (!date) return undefined;
  return new Date(date.getTime() - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The placeholder values of one runbook, from the scenario's facts. Values a command produces
 * (a copied AMI's id, a new volume's id …) are captured while the commands run; see `captureFrom`.
 */
export function valuesFor(
  runbookId: string,
  facts: ScenarioFacts,
  files: { local: string; corrupt: string },
): Record<string, string> {
  const v: Record<string, string | undefined> = {
    'primary-region': facts.primary,
    'secondary-region': facts.secondary,
    'account-id': facts.accountId,
    'incident-id': 'DR-20261126-01',
    'client-token': `drwr-${runbookId}`,
    'device-name': '/dev/sdf',
    'restore-days': '1',
    'ttl-attribute': 'expiresAt',
    'image-name': `${runbookId}-copy`,
    'local-file': files.local,
    'corrupt-file': files.corrupt,
    'test-object-key': 'dr-drill/quarterly-test.txt',
    'target-db-instance-id': 'restored-db',
    'test-db-instance-id': 'drill-db',
    'target-db-snapshot-id': 'dr-copy-snapshot',
    'target-table-name': 'restored-table',
    'test-table-name': 'drill-table',
    'bucket-name': facts.replicated?.bucket,
    'replica-bucket-name': facts.replicated?.replica,
    'object-key': facts.replicated?.replicaKey,
    'db-instance-id': facts.rds.instance?.id,
    'db-instance-class': facts.rds.instance?.cls,
    'db-snapshot-id': facts.rds.snapshot,
    'replica-db-instance-id': facts.rds.replica,
    'secondary-kms-key-id': facts.rds.secondaryKmsKey,
    'table-name': facts.dynamodb.table,
    'backup-arn': facts.dynamodb.backupArn,
    'ami-id': facts.ec2.ami,
    'instance-type': facts.ec2.instanceType,
    'snapshot-id': facts.ec2.snapshot,
    'copied-ami-id': facts.ec2.secondaryAmi,
  };
  const secondaryNetwork = {
    'subnet-id': facts.ec2.secondarySubnet,
    'security-group-id': facts.ec2.secondarySecurityGroup,
  };
  const primaryNetwork = {
    'subnet-id': facts.ec2.primarySubnet,
    'security-group-id': facts.ec2.primarySecurityGroup,
  };
  switch (runbookId) {
    case 's3-version-rollback':
      Object.assign(v, {
        'bucket-name': facts.rollback?.bucket,
        'object-key': facts.rollback?.key,
        'version-id': facts.rollback?.versionId,
      });
      break;
    case 's3-archive-restore':
      Object.assign(v, {
        'bucket-name': facts.archived?.bucket,
        'object-key': facts.archived?.key,
        'version-id': facts.archived?.versionId,
      });
      break;
    case 'rds-pitr-in-region':
      Object.assign(v, {
        'db-subnet-group': facts.rds.instance?.subnetGroup,
        'security-group-id': facts.rds.instance?.securityGroup ?? facts.ec2.primarySecurityGroup,
        'restore-time': minutesBefore(facts.rds.instance?.latestRestorable, 30),
      });
      break;
    case 'rds-pitr-cross-region':
      Object.assign(v, {
        'db-instance-id': facts.rds.replicatedBackupsOf ?? facts.rds.instance?.id,
        'db-subnet-group': facts.rds.secondarySubnetGroup,
        'security-group-id': facts.ec2.secondarySecurityGroup,
        'restore-time': minutesBefore(facts.rds.replicatedLatest, 30),
      });
      break;
    case 'rds-snapshot-copy-restore':
      Object.assign(v, {
        'db-subnet-group': facts.rds.secondarySubnetGroup,
        'security-group-id': facts.ec2.secondarySecurityGroup,
      });
      break;
    case 'rds-backup-test':
      Object.assign(v, { 'db-snapshot-id': facts.rds.automatedSnapshot ?? facts.rds.snapshot });
      break;
    case 'ec2-ami-recovery':
    case 'ec2-ebs-volume-recovery':
      Object.assign(v, secondaryNetwork);
      break;
    case 'ec2-backup-test':
      Object.assign(v, primaryNetwork);
      break;
    case 'dynamodb-global-table-failover':
      Object.assign(v, { 'table-name': facts.dynamodb.globalTable });
      break;
    case 'dynamodb-pitr-restore':
      Object.assign(v, { 'restore-time': minutesBefore(facts.dynamodb.latestRestorable, 30) });
      break;
    default:
      break;
  }
  return Object.fromEntries(
    Object.entries(v).flatMap(([name, value]) => (value === undefined ? [] : [[name, value]])),
  );
}

/**
 * Values a command's answer provides for later commands (the runbook says "note the ImageId …").
 * `declared` is the runbook's placeholder names, so a capture lands on the name that runbook uses.
 */
export function captureFrom(
  operation: string,
  answer: unknown,
  declared: ReadonlySet<string>,
  values: Record<string, string>,
): void {
  const a = (answer ?? {}) as Record<string, unknown>;
  const set = (names: string[], value: unknown) => {
    if (typeof value !== 'string') return;
    for (const name of names) if (declared.has(name)) values[name] = value;
  };
  switch (operation) {
    case 'ec2 copy-image':
      set(['copied-ami-id'], a.ImageId);
      break;
    case 'ec2 run-instances': {
      const instance = (a.Instances as Array<Record<string, unknown>> | undefined)?.[0];
      set(['instance-id', 'test-instance-id'], instance?.InstanceId);
      set(
        ['availability-zone'],
        (instance?.Placement as Record<string, unknown> | undefined)?.AvailabilityZone,
      );
      break;
    }
    case 'ec2 copy-snapshot':
      set(['copied-snapshot-id'], a.SnapshotId);
      break;
    case 'ec2 create-volume':
      set(['new-volume-id', 'test-volume-id'], a.VolumeId);
      break;
    case 's3api put-object':
      if (!('version-id-captured' in values)) {
        set(['version-id'], a.VersionId);
        values['version-id-captured'] = 'yes';
      }
      break;
    case 'rds describe-db-instance-automated-backups': {
      const backups = (Array.isArray(answer) ? answer : a.DBInstanceAutomatedBackups) as
        Array<Record<string, unknown>> | undefined;
      set(['automated-backups-arn'], backups?.[0]?.DBInstanceAutomatedBackupsArn);
      break;
    }
    case 'dynamodb list-backups': {
      const summaries = a.BackupSummaries as Array<Record<string, unknown>> | undefined;
      set(['backup-arn'], summaries?.find((s) => s.BackupStatus === 'AVAILABLE')?.BackupArn);
      break;
    }
    default:
      break;
  }
}
