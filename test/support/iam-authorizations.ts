import { findOperation, type AwsService } from '../../electron/core/aws/operations';
import type { Authorization, ContextValue } from './iam-evaluator';
import { parseForm, presignedRequestOf, type SentRequest } from './iam-capture';

/** The tags a resource (by ARN) has when the request reaches AWS, or undefined when unknown. */
export type ResourceTags = (arn: string) => Readonly<Record<string, string>> | undefined;

/** What the model needs besides the request: the account and the resources' current tags. */
export interface AuthorizationEnv {
  accountId: string;
  resourceTags: ResourceTags;
}

type Tags = Record<string, string>;

// Written from the AWS service authorization reference on purpose, not imported from
// electron/core/aws/iam-create-statements.ts: this model is the oracle the generated policy is proved against.
const DDB_TARGET = [
  'dynamodb:BatchWriteItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:UpdateItem',
];

function requestTagKeys(tags: Tags, prefix: string): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  for (const [k, v] of Object.entries(tags)) out[`${prefix}/${k}`] = v;
  if (prefix === 'aws:RequestTag' && Object.keys(tags).length > 0) out['aws:TagKeys'] = Object.keys(tags);
  return out;
}

function resourceTagKeys(tags: Readonly<Tags> | undefined): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  for (const [k, v] of Object.entries(tags ?? {})) out[`aws:ResourceTag/${k}`] = v;
  return out;
}

/** `TagSpecification.N.ResourceType` and `.Tag.M.Key/Value` (EC2 Query) by resource type. */
export function ec2TagSpecs(params: Record<string, string>): Map<string, Tags> {
  const out = new Map<string, Tags>();
  for (const [k, type] of Object.entries(params)) {
    const m = /^TagSpecification\.(\d+)\.ResourceType$/.exec(k);
    if (!m) continue;
    const tags: Tags = {};
    for (let i = 1; params[`TagSpecification.${m[1]}.Tag.${i}.Key`] !== undefined; i += 1)
      tags[params[`TagSpecification.${m[1]}.Tag.${i}.Key`]!] =
        params[`TagSpecification.${m[1]}.Tag.${i}.Value`] ?? '';
    out.set(type, { ...(out.get(type) ?? {}), ...tags });
  }
  return out;
}

/** RDS Query `Tags.Tag.N.Key/Value` (or `Tags.member.N`). */
export function rdsTags(params: Record<string, string>): Tags {
  const tags: Tags = {};
  for (const [k, v] of Object.entries(params)) {
    const m = /^Tags\.(?:Tag|member)\.(\d+)\.Key$/.exec(k);
    if (m) tags[v] = params[`Tags.${k.split('.')[1]}.${m[1]}.Value`] ?? '';
  }
  return tags;
}

function ddbTags(json: Record<string, unknown>): Tags {
  const list = (json['Tags'] as Array<{ Key: string; Value: string }> | undefined) ?? [];
  return Object.fromEntries(list.map((t) => [t.Key, t.Value]));
}

function listParam(params: Record<string, string>, base: string): string[] {
  const out: string[] = [];
  for (let i = 1; params[`${base}.${i}`] !== undefined; i += 1) out.push(params[`${base}.${i}`]!);
  return out;
}

/**
 * The authorisations AWS makes for one request the app sent, as this project understands the
 * AWS service authorization reference (pure given `env`): the action on each resource the call
 * creates or uses, with `aws:RequestedRegion`, the request's tags (`aws:RequestTag/*`,
 * `aws:TagKeys`; S3 `s3:RequestObjectTag/*`), the resources' tags (`aws:ResourceTag/*`),
 * `ec2:CreateAction` for tags applied on create, `kms:ViaService` for keys used by a copy or
 * restore, and the source-region half of a presigned cross-region copy.
 *
 * Limits: reads are modelled as their registered actions on `*` (the policy grants reads on
 * `*`); RunInstances' implicit uses (the AMI's backing snapshot, the default security group
 * when none is named) and KMS key-policy checks are not modelled; KMS aliases are treated as
 * key ids. A create or clean-up operation without a model here throws, so the proof cannot
 * silently skip one.
 */
export function authorizationsOf(request: SentRequest, env: AuthorizationEnv): Authorization[] {
  const { region, params } = request;
  const acct = env.accountId;
  const base = { 'aws:RequestedRegion': region };
  const why = `${request.service} ${request.operation} in ${region}`;
  const out: Authorization[] = [];
  const add = (action: string, resource: string, context: Record<string, ContextValue> = {}) =>
    out.push({ action, resource, context: { ...base, ...context }, why });
  const owned = (action: string, arn: string) => add(action, arn, resourceTagKeys(env.resourceTags(arn)));
  const kms = (keyId: string | undefined, service: string) => {
    if (!keyId) return;
    const arn = keyId.startsWith('arn:') ? keyId : `arn:aws:kms:${region}:${acct}:key/${keyId}`;
    for (const action of ['kms:CreateGrant', 'kms:DescribeKey'])
      add(action, arn, { 'kms:ViaService': `${service}.${region}.amazonaws.com` });
  };
  const ec2Arn = (type: string, id: string, r = region) =>
    type === 'image' || type === 'snapshot'
      ? `arn:aws:ec2:${r}::${type}/${id}`
      : `arn:aws:ec2:${r}:${acct}:${type}/${id}`;
  const ec2Create = (created: Record<string, string>) => {
    const specs = ec2TagSpecs(params);
    for (const [type, id] of Object.entries(created))
      add(
        `ec2:${request.operation}`,
        ec2Arn(type, id),
        requestTagKeys(specs.get(type) ?? {}, 'aws:RequestTag'),
      );
    for (const [type, tags] of specs)
      add('ec2:CreateTags', ec2Arn(type, '*'), {
        ...requestTagKeys(tags, 'aws:RequestTag'),
        'ec2:CreateAction': request.operation,
      });
  };
  const rdsArn = (type: string, idOrArn: string) =>
    idOrArn.startsWith('arn:') ? idOrArn : `arn:aws:rds:${region}:${acct}:${type}:${idOrArn}`;
  const rdsCreate = (type: string, id: string) => {
    const tags = requestTagKeys(rdsTags(params), 'aws:RequestTag');
    add(`rds:${request.operation}`, rdsArn(type, id), tags);
    if (Object.keys(rdsTags(params)).length > 0) add('rds:AddTagsToResource', rdsArn(type, id), tags);
  };
  const table = (name: string) => `arn:aws:dynamodb:${region}:${acct}:table/${name}`;
  const json = request.json ?? {};
  const str = (k: string) => (typeof json[k] === 'string' ? (json[k] as string) : '');
  const s3Object = (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`;
  const s3Tags = () =>
    params['Tagging'] !== undefined
      ? requestTagKeys(parseForm(params['Tagging']), 's3:RequestObjectTag')
      : {};

  switch (`${request.service}:${request.operation}`) {
    // EC2
    case 'ec2:RunInstances': {
      // Launching into a subnet creates the instance, its root volume and its network interface;
      // each is authorised with the tags its own TagSpecification gives it (none if it has none).
      ec2Create({ instance: '*', volume: '*', 'network-interface': '*' });
      add('ec2:RunInstances', ec2Arn('image', params['ImageId'] ?? ''));
      if (params['SubnetId']) add('ec2:RunInstances', ec2Arn('subnet', params['SubnetId']));
      for (const sg of listParam(params, 'SecurityGroupId'))
        add('ec2:RunInstances', ec2Arn('security-group', sg));
      break;
    }
    case 'ec2:CreateVolume':
      ec2Create({ volume: '*' });
      if (params['SnapshotId']) add('ec2:CreateVolume', ec2Arn('snapshot', params['SnapshotId']));
      kms(params['KmsKeyId'], 'ec2');
      break;
    case 'ec2:CopySnapshot': {
      const sourceRegion = params['SourceRegion'] ?? region;
      ec2Create({ snapshot: '*' });
      add('ec2:CopySnapshot', ec2Arn('snapshot', params['SourceSnapshotId'] ?? '', sourceRegion));
      kms(params['KmsKeyId'], 'ec2');
      if (params['PresignedUrl']) {
        const half = presignedRequestOf(params['PresignedUrl'], 'ec2');
        out.push(
          ...authorizationsOf({ ...half, operation: 'CopySnapshot.source', params: half.params }, env).map(
            (a) => ({
              ...a,
              why: `the presigned source-region half of ${why}`,
            }),
          ),
        );
      }
      break;
    }
    case 'ec2:CopySnapshot.source':
      add(
        'ec2:CopySnapshot',
        ec2Arn('snapshot', params['SourceSnapshotId'] ?? ''),
        requestTagKeys(ec2TagSpecs(params).get('snapshot') ?? {}, 'aws:RequestTag'),
      );
      break;
    case 'ec2:CopyImage':
      ec2Create({ image: '*' });
      add('ec2:CopyImage', ec2Arn('image', params['SourceImageId'] ?? '', params['SourceRegion'] ?? region));
      kms(params['KmsKeyId'], 'ec2');
      break;
    case 'ec2:AttachVolume':
      owned('ec2:AttachVolume', ec2Arn('instance', params['InstanceId'] ?? ''));
      owned('ec2:AttachVolume', ec2Arn('volume', params['VolumeId'] ?? ''));
      break;
    case 'ec2:CreateTags': {
      const tags: Tags = {};
      for (let i = 1; params[`Tag.${i}.Key`] !== undefined; i += 1)
        tags[params[`Tag.${i}.Key`]!] = params[`Tag.${i}.Value`] ?? '';
      for (const id of listParam(params, 'ResourceId')) {
        const type = id.startsWith('i-')
          ? 'instance'
          : id.startsWith('vol-')
            ? 'volume'
            : id.startsWith('snap-')
              ? 'snapshot'
              : 'image';
        add('ec2:CreateTags', ec2Arn(type, id), {
          ...requestTagKeys(tags, 'aws:RequestTag'),
          ...resourceTagKeys(env.resourceTags(ec2Arn(type, id))),
        });
      }
      break;
    }
    case 'ec2:TerminateInstances':
      for (const id of listParam(params, 'InstanceId'))
        owned('ec2:TerminateInstances', ec2Arn('instance', id));
      break;
    case 'ec2:DeleteVolume':
      owned('ec2:DeleteVolume', ec2Arn('volume', params['VolumeId'] ?? ''));
      break;
    case 'ec2:DeleteSnapshot':
      owned('ec2:DeleteSnapshot', ec2Arn('snapshot', params['SnapshotId'] ?? ''));
      break;
    case 'ec2:DeregisterImage':
      owned('ec2:DeregisterImage', ec2Arn('image', params['ImageId'] ?? ''));
      break;
    // RDS
    case 'rds:RestoreDBInstanceFromDBSnapshot':
      rdsCreate('db', params['DBInstanceIdentifier'] ?? '');
      add('rds:RestoreDBInstanceFromDBSnapshot', rdsArn('snapshot', params['DBSnapshotIdentifier'] ?? ''));
      if (params['DBSubnetGroupName'])
        add('rds:RestoreDBInstanceFromDBSnapshot', rdsArn('subgrp', params['DBSubnetGroupName']));
      kms(params['KmsKeyId'], 'rds');
      break;
    case 'rds:RestoreDBInstanceToPointInTime':
      rdsCreate('db', params['TargetDBInstanceIdentifier'] ?? '');
      if (params['SourceDBInstanceAutomatedBackupsArn'])
        add('rds:RestoreDBInstanceToPointInTime', params['SourceDBInstanceAutomatedBackupsArn']);
      if (params['SourceDBInstanceIdentifier'])
        add('rds:RestoreDBInstanceToPointInTime', rdsArn('db', params['SourceDBInstanceIdentifier']));
      if (params['DBSubnetGroupName'])
        add('rds:RestoreDBInstanceToPointInTime', rdsArn('subgrp', params['DBSubnetGroupName']));
      kms(params['KmsKeyId'], 'rds');
      break;
    case 'rds:CopyDBSnapshot':
      rdsCreate('snapshot', params['TargetDBSnapshotIdentifier'] ?? '');
      add('rds:CopyDBSnapshot', rdsArn('snapshot', params['SourceDBSnapshotIdentifier'] ?? ''));
      kms(params['KmsKeyId'], 'rds');
      if (params['PreSignedUrl']) {
        const half = presignedRequestOf(params['PreSignedUrl'], 'rds');
        for (const a of authorizationsOf({ ...half, operation: 'CopyDBSnapshot.source' }, env))
          out.push({ ...a, why: `the presigned source-region half of ${why}` });
      }
      break;
    case 'rds:CopyDBSnapshot.source':
      add(
        'rds:CopyDBSnapshot',
        rdsArn('snapshot', params['SourceDBSnapshotIdentifier'] ?? ''),
        requestTagKeys(rdsTags(params), 'aws:RequestTag'),
      );
      break;
    case 'rds:PromoteReadReplica':
      owned('rds:PromoteReadReplica', rdsArn('db', params['DBInstanceIdentifier'] ?? ''));
      break;
    case 'rds:AddTagsToResource': {
      const arn = params['ResourceName'] ?? '';
      add('rds:AddTagsToResource', arn, {
        ...requestTagKeys(rdsTags(params), 'aws:RequestTag'),
        ...resourceTagKeys(env.resourceTags(arn)),
      });
      break;
    }
    case 'rds:DeleteDBInstance':
      owned('rds:DeleteDBInstance', rdsArn('db', params['DBInstanceIdentifier'] ?? ''));
      break;
    // DynamoDB
    case 'dynamodb:RestoreTableToPointInTime':
    case 'dynamodb:RestoreTableFromBackup':
      add(
        `dynamodb:${request.operation}`,
        request.operation === 'RestoreTableFromBackup'
          ? str('BackupArn')
          : str('SourceTableArn') || table(str('SourceTableName')),
      );
      for (const action of DDB_TARGET) add(action, table(str('TargetTableName')));
      kms(
        (json['SSESpecificationOverride'] as { KMSMasterKeyId?: string } | undefined)?.KMSMasterKeyId,
        'dynamodb',
      );
      break;
    case 'dynamodb:TagResource':
      add('dynamodb:TagResource', str('ResourceArn'), {
        ...requestTagKeys(ddbTags(json), 'aws:RequestTag'),
        ...resourceTagKeys(env.resourceTags(str('ResourceArn'))),
      });
      break;
    case 'dynamodb:UpdateContinuousBackups':
    case 'dynamodb:UpdateTimeToLive':
    case 'dynamodb:DeleteTable':
      owned(`dynamodb:${request.operation}`, table(str('TableName')));
      break;
    // S3 (CopyObject is authorised as s3:PutObject on the target and s3:GetObject on the source)
    case 's3:PutObject':
    case 's3:CopyObject': {
      const target = s3Object(params['Bucket'] ?? '', params['Key'] ?? '');
      add('s3:PutObject', target, s3Tags());
      if (params['Tagging'] !== undefined) add('s3:PutObjectTagging', target, s3Tags());
      if (request.operation === 'CopyObject') {
        const [source = '', version] = (params['CopySource'] ?? '').replace(/^\//, '').split('?versionId=');
        add('s3:GetObject', `arn:aws:s3:::${source}`);
        if (version) add('s3:GetObjectVersion', `arn:aws:s3:::${source}`);
      }
      break;
    }
    case 's3:RestoreObject':
      add('s3:RestoreObject', s3Object(params['Bucket'] ?? '', params['Key'] ?? ''));
      break;
    case 's3:DeleteObject':
      add(
        params['VersionId'] ? 's3:DeleteObjectVersion' : 's3:DeleteObject',
        s3Object(params['Bucket'] ?? '', params['Key'] ?? ''),
      );
      break;
    default: {
      const op = findOperation(request.service as AwsService, `${request.operation}Command`);
      if (!op) throw new Error(`iam-authorizations: ${why} is not in the operations registry.`);
      if (op.kind !== 'read')
        throw new Error(
          `iam-authorizations: no authorisation model for the ${op.kind} operation ${why}: add one.`,
        );
      for (const action of [op.iamAction, ...op.alsoRequires])
        if (action) add(action, `arn:aws:${request.service}:${region}:${acct}:(read)`);
    }
  }
  return out;
}
