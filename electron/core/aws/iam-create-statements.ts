import { DRILL_ID_PREFIX, DRILL_NAME_PREFIX } from '../drill/drill-id';
import { TAG_INCIDENT } from './tags';

/**
 * How each create (and clean-up) action of the registry is limited in the generated IAM policy:
 * by region (the procedure's secondary region, where every non-S3 target is created), by the
 * app's `dr-war-room:incident` tag in the request (tag on create), by the tag on the resource,
 * or by resource ARN. The generator ({@link buildIamPolicy}) takes from these templates only the
 * actions the registry needs, and refuses a create action no template covers.
 *
 * Facts from the AWS service authorization reference this is built on:
 * - EC2 `RunInstances`, `CreateVolume`, `CopySnapshot`, `CopyImage` accept `TagSpecifications`;
 *   `aws:RequestTag` applies to the resources they create (instance, volume, network interface,
 *   snapshot, image), not to what they read (image, subnet, security group, source snapshot), so
 *   those sit in statements of their own. `ec2:CreateTags` is checked for each tagged type with
 *   `ec2:CreateAction` naming the create call.
 * - `CopySnapshot` (EC2, through the SDK's presigned URL) and `CopyDBSnapshot` (RDS, presigned
 *   when the source ARN is in another region) are also authorised in the SOURCE region, on the
 *   source snapshot, and neither presigned request carries the tags: their source statements
 *   allow both regions and require no tag. `CopyImage` is authorised in the destination only.
 * - RDS restores and copies take `Tags` (checked as `aws:RequestTag`, and as
 *   `rds:AddTagsToResource` on the new resource).
 * - DynamoDB restores take no tags; AWS checks the restore action on the source (table or
 *   backup) and item-level actions on the new target table. Tables support `aws:ResourceTag`.
 * - S3 `PutObject` (also what `CopyObject` is authorised as) supports `s3:RequestObjectTag`
 *   from the `x-amz-tagging` header; `RestoreObject` has no tag condition.
 *
 * Where every resource ARN of a statement is in the secondary region, the ARN is the region
 * limit and no `aws:RequestedRegion` condition is added: the policy must stay under IAM's 6,144
 * characters for a managed policy. `aws:RequestedRegion` is used where ARNs do not pin it
 * (S3, the copies' primary-region sources, the DynamoDB restore of a primary table).
 */

/** The two regions of the DR procedure (`runbooks/dr-procedure.yaml`). */
export interface PolicyRegions {
  primary: string;
  secondary: string;
}

/** An IAM condition block: operator → key → value(s). */
export type IamCondition = Record<string, Record<string, string | string[]>>;

/** One statement template of the policy, resolved against the procedure's regions. */
export interface StatementTemplate {
  sid: string;
  /** Every action this statement may carry; the generator keeps those the registry needs. */
  actions: readonly string[];
  resources: (r: PolicyRegions) => string[];
  condition?: (r: PolicyRegions) => IamCondition;
}

const INCIDENT_TAG = `aws:RequestTag/${TAG_INCIDENT}`;
const OWN_RESOURCE = `aws:ResourceTag/${TAG_INCIDENT}`;

/** `aws:RequestedRegion` is one of the given regions. */
function inRegions(...regions: string[]): IamCondition {
  return { StringEquals: { 'aws:RequestedRegion': regions.length === 1 ? regions[0]! : regions } };
}

/** Merge condition blocks (operators are disjoint in every use here). */
function all(...blocks: IamCondition[]): IamCondition {
  const out: IamCondition = {};
  for (const block of blocks)
    for (const [op, keys] of Object.entries(block)) out[op] = { ...(out[op] ?? {}), ...keys };
  return out;
}

const ec2 = (region: string, type: string) => `arn:aws:ec2:${region}:*:${type}/*`;
const ec2Public = (region: string, type: 'image' | 'snapshot') => `arn:aws:ec2:${region}::${type}/*`;
const rds = (region: string, type: string, name = '*') => `arn:aws:rds:${region}:*:${type}:${name}`;
const ddbTable = (region: string, name = '*') => `arn:aws:dynamodb:${region}:*:table/${name}`;

/** What EC2 creates in the DR region: these carry the app's tags from the create call on. */
const ec2Created = (r: PolicyRegions) => [
  ec2(r.secondary, 'instance'),
  ec2(r.secondary, 'volume'),
  ec2(r.secondary, 'network-interface'),
  ec2Public(r.secondary, 'snapshot'),
  ec2Public(r.secondary, 'image'),
];

/** The statements that limit create actions, in the policy's order. */
export const CREATE_STATEMENTS: readonly StatementTemplate[] = [
  // EC2
  {
    sid: 'Ec2CreateTagged',
    actions: ['ec2:CopyImage', 'ec2:CopySnapshot', 'ec2:CreateVolume', 'ec2:RunInstances'],
    resources: ec2Created,
    condition: () => ({ StringLike: { [INCIDENT_TAG]: '*' } }),
  },
  {
    sid: 'Ec2UseExisting',
    actions: ['ec2:CreateVolume', 'ec2:RunInstances'],
    resources: (r) => [
      ec2Public(r.secondary, 'image'),
      ec2Public(r.secondary, 'snapshot'),
      ec2(r.secondary, 'subnet'),
      ec2(r.secondary, 'security-group'),
    ],
  },
  {
    sid: 'Ec2CopySnapshotSource',
    actions: ['ec2:CopySnapshot'],
    resources: (r) => [ec2Public(r.primary, 'snapshot')],
    condition: (r) => inRegions(r.primary, r.secondary),
  },
  {
    sid: 'Ec2CopyImageSource',
    actions: ['ec2:CopyImage'],
    resources: (r) => [ec2Public(r.primary, 'image')],
    condition: (r) => inRegions(r.secondary),
  },
  {
    sid: 'Ec2TagOnCreate',
    actions: ['ec2:CreateTags'],
    // ec2:CreateAction is the limit: tags only inside the four create calls, whatever they create.
    resources: (r) => [`arn:aws:ec2:${r.secondary}:*`],
    condition: () => ({
      StringEquals: { 'ec2:CreateAction': ['CopyImage', 'CopySnapshot', 'CreateVolume', 'RunInstances'] },
    }),
  },
  {
    sid: 'Ec2AttachOwn',
    actions: ['ec2:AttachVolume'],
    resources: (r) => [ec2(r.secondary, 'instance'), ec2(r.secondary, 'volume')],
    condition: () => ({ StringLike: { [OWN_RESOURCE]: '*' } }),
  },
  // RDS
  {
    sid: 'RdsCreateTagged',
    actions: [
      'rds:AddTagsToResource',
      'rds:CopyDBSnapshot',
      'rds:RestoreDBInstanceFromDBSnapshot',
      'rds:RestoreDBInstanceToPointInTime',
    ],
    resources: (r) => [rds(r.secondary, 'db'), rds(r.secondary, 'snapshot')],
    condition: () => ({ StringLike: { [INCIDENT_TAG]: '*' } }),
  },
  {
    sid: 'RdsUseExisting',
    actions: ['rds:RestoreDBInstanceFromDBSnapshot', 'rds:RestoreDBInstanceToPointInTime'],
    resources: (r) => [
      rds(r.secondary, 'snapshot'),
      rds(r.secondary, 'auto-backup'),
      rds(r.secondary, 'subgrp'),
      rds(r.secondary, 'og'),
      rds(r.secondary, 'pg'),
    ],
  },
  {
    sid: 'RdsCopySnapshotSource',
    actions: ['rds:CopyDBSnapshot'],
    resources: (r) => [rds(r.primary, 'snapshot')],
    condition: (r) => inRegions(r.primary, r.secondary),
  },
  {
    sid: 'RdsPromoteReplica',
    actions: ['rds:PromoteReadReplica'],
    resources: (r) => [rds(r.secondary, 'db')],
  },
  // DynamoDB
  {
    sid: 'DdbRestoreFromTable',
    actions: ['dynamodb:RestoreTableToPointInTime'],
    resources: (r) => [ddbTable(r.primary)],
    condition: (r) => inRegions(r.secondary),
  },
  {
    sid: 'DdbRestoreFromBackup',
    actions: ['dynamodb:RestoreTableFromBackup'],
    resources: (r) => [`${ddbTable(r.secondary)}/backup/*`],
  },
  {
    sid: 'DdbRestoreTarget',
    actions: [
      'dynamodb:BatchWriteItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:Scan',
      'dynamodb:UpdateItem',
    ],
    resources: (r) => [ddbTable(r.secondary)],
  },
  {
    sid: 'DdbTagNewTable',
    actions: ['dynamodb:TagResource'],
    resources: (r) => [ddbTable(r.secondary)],
    condition: () => ({ StringLike: { [INCIDENT_TAG]: '*' } }),
  },
  {
    sid: 'DdbReapplyOwn',
    actions: ['dynamodb:TagResource', 'dynamodb:UpdateContinuousBackups', 'dynamodb:UpdateTimeToLive'],
    resources: (r) => [ddbTable(r.secondary)],
    condition: () => ({ StringLike: { [OWN_RESOURCE]: '*' } }),
  },
  // S3 (buckets are recovered in their own region: primary or secondary)
  {
    sid: 'S3WriteTagged',
    actions: ['s3:PutObject', 's3:PutObjectTagging'],
    resources: () => ['arn:aws:s3:::*/*'],
    condition: (r) =>
      all(inRegions(r.primary, r.secondary), {
        StringLike: { [`s3:RequestObjectTag/${TAG_INCIDENT}`]: '*' },
      }),
  },
  {
    sid: 'S3RestoreArchived',
    actions: ['s3:RestoreObject'],
    resources: () => ['arn:aws:s3:::*/*'],
    condition: (r) => inRegions(r.primary, r.secondary),
  },
  // KMS: only keys in the DR region, only through the services that copy and restore into it
  {
    sid: 'KmsInDrRegion',
    actions: ['kms:CreateGrant', 'kms:DescribeKey'],
    resources: (r) => [`arn:aws:kms:${r.secondary}:*:key/*`],
    condition: (r) => ({
      StringEquals: {
        'kms:ViaService': ['dynamodb', 'ec2', 'rds'].map((s) => `${s}.${r.secondary}.amazonaws.com`),
      },
    }),
  },
];

/** A drill's incident tag value (`drill-…`): clean-up deletes only what a drill created. */
const DRILL_TAG = { StringLike: { [OWN_RESOURCE]: `${DRILL_ID_PREFIX}*` } };

/**
 * The `cleanup-own` statements: deletes in drills only, of resources whose incident tag is a
 * drill id. RDS instances and DynamoDB tables are also limited to the drill name prefix, so a
 * production resource someone tagged as a drill's still cannot be deleted; EC2 resources cannot
 * be tagged after creation under this policy (`Ec2TagOnCreate`). S3 object deletes have their
 * own statement, limited to the drill prefix ({@link buildIamPolicy}).
 */
export const CLEANUP_STATEMENTS: readonly StatementTemplate[] = [
  {
    sid: 'CleanupOwnDrill',
    actions: [
      'dynamodb:DeleteTable',
      'ec2:DeleteSnapshot',
      'ec2:DeleteVolume',
      'ec2:DeregisterImage',
      'ec2:TerminateInstances',
      'rds:DeleteDBInstance',
    ],
    // Each delete acts on its own resource type only. EC2: the drill tag is the limit (EC2
    // resources cannot be tagged after creation under this policy); RDS and DynamoDB: the drill
    // tag and the drill name prefix.
    resources: (r) => [
      `arn:aws:ec2:${r.secondary}:*`,
      rds(r.secondary, 'db', `${DRILL_NAME_PREFIX}*`),
      ddbTable(r.secondary, `${DRILL_NAME_PREFIX}*`),
    ],
    condition: () => DRILL_TAG,
  },
];
