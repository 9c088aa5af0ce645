import { describe, expect, it } from 'vitest';
import type { IamPolicy } from '../../../electron/core/aws/iam-policy';
import { authorizationsOf } from '../../support/iam-authorizations';
import { denied, evaluate, globMatch, type Authorization } from '../../support/iam-evaluator';

/** The small IAM evaluator and request model the policy proof relies on (test/support/iam-*.ts). */

const POLICY: IamPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Tagged',
      Effect: 'Allow',
      Action: ['ec2:RunInstances', 'ec2:Create*'],
      Resource: ['arn:aws:ec2:us-west-2:*:instance/*'],
      Condition: {
        StringEquals: { 'aws:RequestedRegion': ['us-west-2'] },
        StringLike: { 'aws:RequestTag/dr-war-room:incident': '*' },
      },
    },
    {
      Sid: 'Keys',
      Effect: 'Allow',
      Action: ['s3:PutObject'],
      Resource: 'arn:aws:s3:::bucket/*',
      Condition: {
        'ForAllValues:StringLike': { 'aws:TagKeys': ['dr-war-room:*'] },
        Null: { 'aws:TagKeys': 'false' },
      },
    },
  ],
};

function request(action: string, resource: string, context: Authorization['context']): Authorization {
  return { action, resource, context, why: 'test' };
}

describe('the test IAM evaluator', () => {
  it('matches IAM globs: * any run, ? one character, everything else literally', () => {
    expect(globMatch('arn:aws:ec2:us-west-2:*:instance/*', 'arn:aws:ec2:us-west-2:123:instance/i-1')).toBe(
      true,
    );
    expect(globMatch('arn:aws:ec2:us-west-2:*:instance/*', 'arn:aws:ec2:us-east-1:123:instance/i-1')).toBe(
      false,
    );
    expect(globMatch('ab?', 'abc')).toBe(true);
    expect(globMatch('ab?', 'abcd')).toBe(false);
    expect(globMatch('a.b', 'axb')).toBe(false);
  });

  it('allows when action, resource and every condition match, and says which statement did', () => {
    const ok = request('ec2:CreateVolume', 'arn:aws:ec2:us-west-2:1:instance/*', {
      'aws:RequestedRegion': 'us-west-2',
      'aws:RequestTag/dr-war-room:incident': 'DR-1',
    });
    expect(evaluate(POLICY, ok)).toEqual({ allowed: true, allowedBy: ['Tagged'] });
  });

  it('denies when a conditioned key is absent, a value differs, or the resource or action does not match', () => {
    const base = { 'aws:RequestedRegion': 'us-west-2', 'aws:RequestTag/dr-war-room:incident': 'DR-1' };
    const arn = 'arn:aws:ec2:us-west-2:1:instance/*';
    expect(
      evaluate(POLICY, request('ec2:RunInstances', arn, { 'aws:RequestedRegion': 'us-west-2' })).allowed,
    ).toBe(false);
    expect(
      evaluate(POLICY, request('ec2:RunInstances', arn, { ...base, 'aws:RequestedRegion': 'us-east-1' }))
        .allowed,
    ).toBe(false);
    expect(
      evaluate(POLICY, request('ec2:RunInstances', arn.replace('us-west-2', 'us-east-1'), base)).allowed,
    ).toBe(false);
    expect(evaluate(POLICY, request('ec2:TerminateInstances', arn, base)).allowed).toBe(false);
    expect(denied(POLICY, [request('ec2:TerminateInstances', arn, base)])).toEqual([
      `ec2:TerminateInstances on ${arn} (test) with ${JSON.stringify(base)}`,
    ]);
  });

  it('judges multi-valued keys with ForAllValues and presence with Null', () => {
    const arn = 'arn:aws:s3:::bucket/k';
    expect(
      evaluate(POLICY, request('s3:PutObject', arn, { 'aws:TagKeys': ['dr-war-room:incident'] })).allowed,
    ).toBe(true);
    expect(
      evaluate(POLICY, request('s3:PutObject', arn, { 'aws:TagKeys': ['dr-war-room:incident', 'owner'] }))
        .allowed,
    ).toBe(false);
    // ForAllValues holds for no values at all; the Null condition is what requires tags.
    expect(evaluate(POLICY, request('s3:PutObject', arn, {})).allowed).toBe(false);
  });

  it('refuses to judge a condition operator it does not know', () => {
    const policy: IamPolicy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'X',
          Effect: 'Allow',
          Action: ['s3:PutObject'],
          Resource: '*',
          Condition: { DateLessThan: { 'aws:CurrentTime': '2030' } },
        },
      ],
    };
    expect(() => evaluate(policy, request('s3:PutObject', 'a', {}))).toThrow(
      /does not know the condition operator DateLessThan/,
    );
  });
});

describe('the authorisation model', () => {
  const env = { accountId: '123456789012', resourceTags: () => ({ 'dr-war-room:incident': 'drill-1' }) };

  it('authorises RunInstances on each created resource with its own TagSpecification, and CreateTags with ec2:CreateAction', () => {
    const auths = authorizationsOf(
      {
        service: 'ec2',
        region: 'us-west-2',
        operation: 'RunInstances',
        params: {
          Action: 'RunInstances',
          ImageId: 'ami-1',
          SubnetId: 'subnet-1',
          'TagSpecification.1.ResourceType': 'instance',
          'TagSpecification.1.Tag.1.Key': 'dr-war-room:incident',
          'TagSpecification.1.Tag.1.Value': 'DR-1',
        },
      },
      env,
    );
    const byResource = Object.fromEntries(
      auths.filter((a) => a.action === 'ec2:RunInstances').map((a) => [a.resource, a.context]),
    );
    expect(
      byResource['arn:aws:ec2:us-west-2:123456789012:instance/*']?.['aws:RequestTag/dr-war-room:incident'],
    ).toBe('DR-1');
    expect(
      byResource['arn:aws:ec2:us-west-2:123456789012:volume/*']?.['aws:RequestTag/dr-war-room:incident'],
    ).toBeUndefined();
    expect(byResource['arn:aws:ec2:us-west-2::image/ami-1']).toEqual({ 'aws:RequestedRegion': 'us-west-2' });
    expect(auths.find((a) => a.action === 'ec2:CreateTags')?.context).toMatchObject({
      'ec2:CreateAction': 'RunInstances',
      'aws:TagKeys': ['dr-war-room:incident'],
    });
  });

  it('adds the presigned source-region half of a cross-region RDS snapshot copy, without tags', () => {
    const presigned =
      'https://rds.us-east-1.amazonaws.com/?Action=CopyDBSnapshot&Version=2014-10-31&SourceDBSnapshotIdentifier=arn%3Aaws%3Ards%3Aus-east-1%3A123456789012%3Asnapshot%3As1&X-Amz-Credential=AKID%2F20261126%2Fus-east-1%2Frds%2Faws4_request';
    const auths = authorizationsOf(
      {
        service: 'rds',
        region: 'us-west-2',
        operation: 'CopyDBSnapshot',
        params: {
          Action: 'CopyDBSnapshot',
          SourceDBSnapshotIdentifier: 'arn:aws:rds:us-east-1:123456789012:snapshot:s1',
          TargetDBSnapshotIdentifier: 's1-copy',
          'Tags.Tag.1.Key': 'dr-war-room:incident',
          'Tags.Tag.1.Value': 'DR-1',
          PreSignedUrl: presigned,
        },
      },
      env,
    );
    const source = auths.filter((a) => a.context['aws:RequestedRegion'] === 'us-east-1');
    expect(source).toEqual([
      expect.objectContaining({
        action: 'rds:CopyDBSnapshot',
        resource: 'arn:aws:rds:us-east-1:123456789012:snapshot:s1',
        context: { 'aws:RequestedRegion': 'us-east-1' },
      }),
    ]);
    expect(auths.map((a) => a.action)).toContain('rds:AddTagsToResource');
  });

  it('reads resource tags for deletes and refuses a create operation it has no model for', () => {
    const del = authorizationsOf(
      {
        service: 'dynamodb',
        region: 'us-west-2',
        operation: 'DeleteTable',
        params: {},
        json: { TableName: 't' },
      },
      env,
    );
    expect(del[0]?.context['aws:ResourceTag/dr-war-room:incident']).toBe('drill-1');
    expect(() =>
      authorizationsOf(
        { service: 'ec2', region: 'us-west-2', operation: 'RebootInstances', params: {} },
        env,
      ),
    ).toThrow(/not in the operations registry/);
  });
});
