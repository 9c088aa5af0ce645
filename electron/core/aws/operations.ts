/**
 * THE operations registry: every AWS operation DR War Room may send, with its IAM action and
 * its kind. The guard middleware of every client ({@link createAwsClients}) refuses anything
 * that is not listed here, and `build/iam-policy.json` is generated from this list.
 *
 * Kinds: `read` (describe, list, get; also the bearer-token SSO calls of a login, which change
 * nothing in the account), `create` (recovery targets, tags on them, drill test objects), and
 * `cleanup-own` (deletes of what this app created and tagged, in drills). Source resources are
 * never modified or deleted.
 */

/** The AWS services the app talks to (SDK client names in kebab case). */
export type AwsService = 's3' | 'rds' | 'ec2' | 'dynamodb' | 'sts' | 'sso' | 'sso-oidc';

/** What an operation may do to the account. */
export type OperationKind = 'read' | 'create' | 'cleanup-own';

/** Every service, in a stable order. */
export const AWS_SERVICES: readonly AwsService[] = ['s3', 'rds', 'ec2', 'dynamodb', 'sts', 'sso', 'sso-oidc'];

/** One registered AWS operation. */
export interface AwsOperation {
  service: AwsService;
  /** The SDK v3 command class name, e.g. `DescribeDBInstancesCommand` (what the guard sees). */
  command: string;
  /** The API operation name, e.g. `DescribeDBInstances`. */
  operation: string;
  /** The IAM action it needs, or null when AWS authorises it without IAM (STS identity, SSO bearer calls). */
  iamAction: string | null;
  /** Further IAM actions AWS checks for this call (e.g. data-plane actions a table restore performs). */
  alsoRequires: readonly string[];
  kind: OperationKind;
  /** Why the app sends it, and its limits. */
  note: string;
}

interface Extra {
  iamAction?: string | null;
  alsoRequires?: readonly string[];
}

const IAM_PREFIX: Record<AwsService, string> = {
  s3: 's3',
  rds: 'rds',
  ec2: 'ec2',
  dynamodb: 'dynamodb',
  sts: 'sts',
  sso: 'sso',
  'sso-oidc': 'sso-oauth',
};

function op(
  service: AwsService,
  operation: string,
  kind: OperationKind,
  note: string,
  extra: Extra = {},
): AwsOperation {
  return {
    service,
    command: `${operation}Command`,
    operation,
    iamAction: extra.iamAction === undefined ? `${IAM_PREFIX[service]}:${operation}` : extra.iamAction,
    alsoRequires: extra.alsoRequires ?? [],
    kind,
    note,
  };
}

/** KMS actions AWS checks when a copy or restore uses a customer-managed key in the target region. */
const KMS_FOR_ENCRYPTED = ['kms:DescribeKey', 'kms:CreateGrant'] as const;

/** The data-plane actions DynamoDB checks on the target table of a restore. */
const DYNAMODB_RESTORE_TARGET = [
  'dynamodb:Scan',
  'dynamodb:Query',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;

/** The registry. Adding an operation here is the one way to let the app send it. */
export const operations: readonly AwsOperation[] = [
  // STS
  op('sts', 'GetCallerIdentity', 'read', 'Who the app acts as, in both regions; needs no IAM permission.', {
    iamAction: null,
  }),
  // SSO portal and SSO OIDC: bearer-token calls of the in-app login; no IAM permission applies.
  op('sso', 'GetRoleCredentials', 'read', 'Role credentials for the SSO profile (bearer token).', {
    iamAction: null,
  }),
  op('sso', 'ListAccounts', 'read', 'The account name (alias) shown in the header (bearer token).', {
    iamAction: null,
  }),
  op('sso', 'ListAccountRoles', 'read', 'The roles of the signed-in user in the account (bearer token).', {
    iamAction: null,
  }),
  op('sso-oidc', 'RegisterClient', 'read', 'In-app login: register the app as a public OIDC client.', {
    iamAction: null,
  }),
  op(
    'sso-oidc',
    'StartDeviceAuthorization',
    'read',
    'In-app login: get the user code and verification URL.',
    {
      iamAction: null,
    },
  ),
  op('sso-oidc', 'CreateToken', 'read', 'In-app login: poll for the SSO token once the user approves.', {
    iamAction: null,
  }),

  // S3 reads
  op('s3', 'ListBuckets', 'read', 'Inventory of buckets.', { iamAction: 's3:ListAllMyBuckets' }),
  op('s3', 'GetBucketLocation', 'read', 'Which region a bucket lives in.'),
  op('s3', 'GetBucketVersioning', 'read', 'Readiness: versioning must be on for rollback and replication.'),
  op('s3', 'GetBucketReplication', 'read', 'The replica bucket (Rules[].Destination.Bucket).', {
    iamAction: 's3:GetReplicationConfiguration',
  }),
  op('s3', 'GetBucketLifecycleConfiguration', 'read', 'Lifecycle rules (archival tiers).', {
    iamAction: 's3:GetLifecycleConfiguration',
  }),
  op('s3', 'GetBucketTagging', 'read', 'Tier and ownership tags of a bucket.'),
  op('s3', 'ListObjectsV2', 'read', 'Objects of a bucket.', { iamAction: 's3:ListBucket' }),
  op('s3', 'ListObjectVersions', 'read', 'Version history for rollback.', {
    iamAction: 's3:ListBucketVersions',
  }),
  op('s3', 'HeadObject', 'read', 'ReplicationStatus, size and checksums of an object (version).', {
    iamAction: 's3:GetObject',
    alsoRequires: ['s3:GetObjectVersion'],
  }),
  op(
    's3',
    'GetObjectTagging',
    'read',
    'Drill clean-up: read a test object version’s tags before deleting it.',
    {
      alsoRequires: ['s3:GetObjectVersionTagging'],
    },
  ),
  op('s3', 'GetObject', 'read', 'Validation: read an object (version) back.', {
    alsoRequires: ['s3:GetObjectVersion'],
  }),
  // S3 creates
  op(
    's3',
    'CopyObject',
    'create',
    'Roll an object back to a version (writes a new current version into the target).',
    {
      iamAction: 's3:PutObject',
      alsoRequires: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObjectTagging'],
    },
  ),
  op(
    's3',
    'RestoreObject',
    'create',
    'Thaw a temporary copy of an archived object (never a version rollback).',
  ),
  op('s3', 'PutObject', 'create', 'Drills only: write a test object under the drill prefix.', {
    alsoRequires: ['s3:PutObjectTagging'],
  }),
  // S3 cleanup
  op(
    's3',
    'DeleteObject',
    'cleanup-own',
    'Drills only: delete the test objects this app wrote under the drill prefix.',
    {
      alsoRequires: ['s3:DeleteObjectVersion'],
    },
  ),

  // RDS reads
  op('rds', 'DescribeDBInstances', 'read', 'Inventory and status of DB instances (polling by id).'),
  op('rds', 'DescribeDBSnapshots', 'read', 'Snapshots available in each region.'),
  op(
    'rds',
    'DescribeDBInstanceAutomatedBackups',
    'read',
    'Replicated automated backups and their restore window.',
  ),
  op('rds', 'DescribeDBSubnetGroups', 'read', 'Target subnet groups in the secondary region.'),
  op('rds', 'ListTagsForResource', 'read', 'Tags of instances and snapshots (tier, ownership, incident).'),
  // RDS creates
  op('rds', 'CopyDBSnapshot', 'create', 'Copy a snapshot into the secondary region (source by full ARN).', {
    alsoRequires: ['rds:AddTagsToResource', ...KMS_FOR_ENCRYPTED],
  }),
  op(
    'rds',
    'RestoreDBInstanceToPointInTime',
    'create',
    'Point-in-time restore into the secondary region from replicated automated backups.',
    { alsoRequires: ['rds:AddTagsToResource', ...KMS_FOR_ENCRYPTED] },
  ),
  op(
    'rds',
    'RestoreDBInstanceFromDBSnapshot',
    'create',
    'Restore a new instance from a snapshot in the secondary region.',
    {
      alsoRequires: ['rds:AddTagsToResource', ...KMS_FOR_ENCRYPTED],
    },
  ),
  op(
    'rds',
    'PromoteReadReplica',
    'create',
    'Promote the cross-region read replica in the secondary region (acts on the replica, never on the source).',
  ),
  op('rds', 'AddTagsToResource', 'create', 'Tag what the app created with the incident and the source.'),
  // RDS cleanup
  op('rds', 'DeleteDBInstance', 'cleanup-own', 'Drills: delete a DB instance this app restored and tagged.'),

  // EC2 reads
  op('ec2', 'DescribeInstances', 'read', 'Inventory and state of instances (polling by id).'),
  op('ec2', 'DescribeImages', 'read', 'AMIs in each region (copy progress).'),
  op('ec2', 'DescribeSnapshots', 'read', 'EBS snapshots and their age (copy progress).'),
  op('ec2', 'DescribeVolumes', 'read', 'EBS volumes (creation and attachment state).'),
  op('ec2', 'DescribeInstanceStatus', 'read', 'Status checks of launched instances.'),
  op('ec2', 'DescribeAvailabilityZones', 'read', 'Availability zones of the secondary region.'),
  op('ec2', 'DescribeSubnets', 'read', 'Target subnets in the secondary region.'),
  op('ec2', 'DescribeSecurityGroups', 'read', 'Target security groups in the secondary region.'),
  // EC2 creates
  op('ec2', 'CopyImage', 'create', 'Copy an AMI into the secondary region (ClientToken for idempotency).', {
    alsoRequires: ['ec2:CreateTags', ...KMS_FOR_ENCRYPTED],
  }),
  op('ec2', 'CopySnapshot', 'create', 'Copy an EBS snapshot into the secondary region.', {
    alsoRequires: ['ec2:CreateTags', ...KMS_FOR_ENCRYPTED],
  }),
  op('ec2', 'RunInstances', 'create', 'Launch a recovery instance from an AMI in the secondary region.', {
    alsoRequires: ['ec2:CreateTags'],
  }),
  op('ec2', 'CreateVolume', 'create', 'Create a volume from a copied snapshot, in the instance’s AZ.', {
    alsoRequires: ['ec2:CreateTags', ...KMS_FOR_ENCRYPTED],
  }),
  op('ec2', 'AttachVolume', 'create', 'Attach a created volume to a recovery instance.'),
  op('ec2', 'CreateTags', 'create', 'Tag what the app created with the incident and the source.'),
  // EC2 cleanup
  op('ec2', 'TerminateInstances', 'cleanup-own', 'Drills: terminate instances this app launched and tagged.'),
  op('ec2', 'DeleteVolume', 'cleanup-own', 'Drills: delete volumes this app created and tagged.'),
  op('ec2', 'DeregisterImage', 'cleanup-own', 'Drills: deregister AMIs this app copied and tagged.'),
  op('ec2', 'DeleteSnapshot', 'cleanup-own', 'Drills: delete snapshots this app copied and tagged.'),

  // DynamoDB reads
  op('dynamodb', 'ListTables', 'read', 'Inventory of tables.'),
  op(
    'dynamodb',
    'DescribeTable',
    'read',
    'Table status, keys, indexes and global replicas (polling by name).',
  ),
  op('dynamodb', 'DescribeContinuousBackups', 'read', 'PITR status and the restorable window.'),
  op('dynamodb', 'ListBackups', 'read', 'On-demand backups.'),
  op('dynamodb', 'DescribeBackup', 'read', 'One on-demand backup.'),
  op('dynamodb', 'DescribeTimeToLive', 'read', 'TTL settings (not carried over by a restore).'),
  op('dynamodb', 'ListTagsOfResource', 'read', 'Tags of a table (not carried over by a restore).'),
  op('dynamodb', 'GetItem', 'read', 'Validation: read sample items back.'),
  op('dynamodb', 'Scan', 'read', 'Validation: count and sample items of a restored table.'),
  // DynamoDB creates
  op(
    'dynamodb',
    'RestoreTableToPointInTime',
    'create',
    'Point-in-time restore into the secondary region (cross-region by SourceTableArn).',
    { alsoRequires: [...DYNAMODB_RESTORE_TARGET] },
  ),
  op('dynamodb', 'RestoreTableFromBackup', 'create', 'Restore a table from an on-demand backup.', {
    alsoRequires: [...DYNAMODB_RESTORE_TARGET],
  }),
  op('dynamodb', 'UpdateContinuousBackups', 'create', 'Turn PITR on for a restored target table only.'),
  op(
    'dynamodb',
    'UpdateTimeToLive',
    'create',
    'Re-apply the source TTL setting on a restored target table only.',
  ),
  op('dynamodb', 'TagResource', 'create', 'Tag a restored table with the incident and the source.'),
  // DynamoDB cleanup
  op('dynamodb', 'DeleteTable', 'cleanup-own', 'Drills: delete a table this app restored and tagged.'),
];

const byKey = new Map<string, AwsOperation>(operations.map((o) => [`${o.service}/${o.command}`, o]));

/** The registered operation for a service's SDK command name (`DescribeDBInstancesCommand`), if any. */
export function findOperation(service: AwsService, commandName: string): AwsOperation | undefined {
  return byKey.get(`${service}/${commandName}`);
}

/** The registered operations of one service. */
export function operationsOf(service: AwsService): AwsOperation[] {
  return operations.filter((o) => o.service === service);
}
