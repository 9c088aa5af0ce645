import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildIamPolicy,
  iamPolicyText,
  IAM_POLICY_PATH,
  type IamStatement,
  type PolicyRegions,
} from '../../../../electron/core/aws/iam-policy';
import { operations, type AwsOperation } from '../../../../electron/core/aws/operations';
import { loadProcedure } from '../../../../electron/core/runbooks/load-procedure';
import { BUNDLED_RUNBOOKS_DIR } from '../../../support/test-core';

const root = path.resolve(import.meta.dirname, '../../../..');
let regions: PolicyRegions;

beforeAll(async () => {
  regions = (await loadProcedure(BUNDLED_RUNBOOKS_DIR)).regions;
});

function statement(sid: string, regionsFor: PolicyRegions = regions): IamStatement {
  const found = buildIamPolicy(regionsFor).Statement.find((s) => s.Sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return found;
}

function resources(s: IamStatement): string[] {
  return Array.isArray(s.Resource) ? s.Resource : [s.Resource];
}

describe('the least-privilege IAM policy', () => {
  it('build/iam-policy.json equals the policy generated from the registry for the procedure’s regions (regenerate: npm run iam-policy)', async () => {
    const committed = JSON.parse(await readFile(path.join(root, IAM_POLICY_PATH), 'utf8')) as unknown;
    expect(committed, 'build/iam-policy.json is out of date: run `npm run iam-policy` and commit it').toEqual(
      JSON.parse(iamPolicyText(regions)),
    );
  });

  it('grants every registered IAM action, and nothing else', () => {
    const policy = buildIamPolicy(regions);
    const granted = new Set(policy.Statement.flatMap((s) => s.Action));
    const expected = new Set(
      operations.flatMap((o) => [...(o.iamAction ? [o.iamAction] : []), ...o.alsoRequires]),
    );
    expect([...granted].sort()).toEqual([...expected].sort());
    expect([...granted].some((a) => a.includes('*'))).toBe(false);
  });

  it('limits every create and delete to the procedure’s regions: by resource ARN, or aws:RequestedRegion where ARNs do not pin it', () => {
    const policy = buildIamPolicy(regions);
    const allowed = [regions.primary, regions.secondary];
    for (const s of policy.Statement.filter((x) => x.Sid !== 'DrWarRoomRead')) {
      expect(resources(s), s.Sid).not.toContain('*');
      const region = s.Condition?.['StringEquals']?.['aws:RequestedRegion'];
      if (region !== undefined) for (const r of [region].flat()) expect(allowed, s.Sid).toContain(r);
      const arnRegions = resources(s).map((r) => r.split(':')[3]);
      // S3 ARNs name no region: those statements carry aws:RequestedRegion.
      if (arnRegions.some((r) => r === '')) expect(region, s.Sid).toBeDefined();
      for (const r of arnRegions.filter((x) => x !== '')) expect(allowed, s.Sid).toContain(r);
    }
    // Only the cross-region copies' sources and S3 (buckets recover in their own region) reach the primary region.
    const primary = policy.Statement.filter(
      (s) =>
        [s.Condition?.['StringEquals']?.['aws:RequestedRegion']].flat().includes(regions.primary) ||
        resources(s).some((r) => r.split(':')[3] === regions.primary),
    ).map((s) => s.Sid);
    expect(primary.sort()).toEqual([
      'CleanupOwnS3',
      'DdbRestoreFromTable',
      'Ec2CopyImageSource',
      'Ec2CopySnapshotSource',
      'RdsCopySnapshotSource',
      'S3RestoreArchived',
      'S3WriteTagged',
    ]);
    // A primary-region table is only a restore's source, called in the secondary region.
    expect(statement('DdbRestoreFromTable').Condition).toEqual({
      StringEquals: { 'aws:RequestedRegion': regions.secondary },
    });
  });

  it('fits IAM’s 6,144-character limit for a managed policy (whitespace not counted), even with long region names', () => {
    for (const r of [regions, { primary: 'ap-southeast-2', secondary: 'ap-northeast-3' }]) {
      expect(JSON.stringify(buildIamPolicy(r)).length, `${r.primary}/${r.secondary}`).toBeLessThanOrEqual(
        6144,
      );
    }
  });

  it('requires the incident tag on everything EC2 and RDS create, and allows tagging EC2 only on create', () => {
    for (const sid of ['Ec2CreateTagged', 'RdsCreateTagged', 'DdbTagNewTable']) {
      expect(statement(sid).Condition?.['StringLike'], sid).toEqual({
        'aws:RequestTag/dr-war-room:incident': '*',
      });
    }
    expect(resources(statement('Ec2CreateTagged'))).toEqual(
      expect.arrayContaining([
        `arn:aws:ec2:${regions.secondary}:*:instance/*`,
        `arn:aws:ec2:${regions.secondary}:*:volume/*`,
        `arn:aws:ec2:${regions.secondary}:*:network-interface/*`,
      ]),
    );
    expect(statement('Ec2TagOnCreate').Condition?.['StringEquals']?.['ec2:CreateAction']).toEqual([
      'CopyImage',
      'CopySnapshot',
      'CreateVolume',
      'RunInstances',
    ]);
    // What a launch or a restore only reads needs no tag, and is never something the statement creates.
    expect(statement('Ec2UseExisting').Action).toEqual(['ec2:CreateVolume', 'ec2:RunInstances']);
    expect(resources(statement('Ec2UseExisting')).some((r) => /instance|volume|network/.test(r))).toBe(false);
    expect(statement('S3WriteTagged').Condition?.['StringLike']).toEqual({
      's3:RequestObjectTag/dr-war-room:incident': '*',
    });
  });

  it('lets the cross-region copies be authorised in the source region too, without a tag, and only on source snapshots', () => {
    for (const [sid, action, arn] of [
      ['Ec2CopySnapshotSource', 'ec2:CopySnapshot', `arn:aws:ec2:${regions.primary}::snapshot/*`],
      ['RdsCopySnapshotSource', 'rds:CopyDBSnapshot', `arn:aws:rds:${regions.primary}:*:snapshot:*`],
    ] as const) {
      const s = statement(sid);
      expect(s.Action).toEqual([action]);
      expect(s.Resource).toBe(arn);
      expect(s.Condition).toEqual({
        StringEquals: { 'aws:RequestedRegion': [regions.primary, regions.secondary] },
      });
    }
    // CopyImage is authorised in the destination only.
    expect(statement('Ec2CopyImageSource').Condition).toEqual({
      StringEquals: { 'aws:RequestedRegion': regions.secondary },
    });
  });

  it('conditions clean-up deletes on a drill’s tag in the secondary region (RDS and DynamoDB also by drill name; S3: the drill prefix)', () => {
    const policy = buildIamPolicy(regions);
    const cleanup = policy.Statement.filter((s) => s.Sid.startsWith('CleanupOwn'));
    expect(cleanup.map((s) => s.Sid).sort()).toEqual(['CleanupOwnDrill', 'CleanupOwnS3']);
    const drill = statement('CleanupOwnDrill');
    expect(drill.Condition).toEqual({ StringLike: { 'aws:ResourceTag/dr-war-room:incident': 'drill-*' } });
    expect(drill.Resource).toEqual([
      `arn:aws:ec2:${regions.secondary}:*`,
      `arn:aws:rds:${regions.secondary}:*:db:drwr-drill-*`,
      `arn:aws:dynamodb:${regions.secondary}:*:table/drwr-drill-*`,
    ]);
    expect(statement('CleanupOwnS3').Resource).toBe('arn:aws:s3:::*/dr-war-room-drill/*');
    const unconditioned = policy.Statement.filter((s) => !s.Sid.startsWith('CleanupOwn')).flatMap(
      (s) => s.Action,
    );
    // Item-level writes (DeleteItem) are what a table restore needs on its target, not resource deletes.
    expect(unconditioned.filter((a) => /:(Delete(?!Item)|Terminate|Deregister)/.test(a))).toEqual([]);
  });

  it('follows the procedure’s regions: another pair gives the same statements in those regions', () => {
    const other = { primary: 'eu-west-1', secondary: 'eu-central-1' };
    const text = iamPolicyText(other);
    expect(text).not.toMatch(/us-(east|west)-/);
    expect(statement('Ec2CopySnapshotSource', other).Resource).toBe('arn:aws:ec2:eu-west-1::snapshot/*');
    expect(buildIamPolicy(other).Statement.map((s) => s.Sid)).toEqual(
      buildIamPolicy(regions).Statement.map((s) => s.Sid),
    );
  });

  it('names no region but the two it is given, for any pair (property)', () => {
    const region = fc
      .tuple(
        fc.constantFrom('us', 'eu', 'ap', 'sa', 'ca', 'me'),
        fc.constantFrom('east', 'west', 'south', 'north', 'central', 'southeast'),
        fc.integer({ min: 1, max: 9 }),
      )
      .map(([a, b, n]) => `${a}-${b}-${n}`);
    fc.assert(
      fc.property(region, region, (primary, secondary) => {
        fc.pre(primary !== secondary);
        const text = iamPolicyText({ primary, secondary });
        const named = new Set(text.match(/[a-z]{2}-[a-z]+-\d/g) ?? []);
        expect([...named].sort()).toEqual([primary, secondary].sort());
        expect(JSON.stringify(buildIamPolicy({ primary, secondary })).length).toBeLessThanOrEqual(6144);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses regions that are not two different region names, saying where to fix them', () => {
    expect(() => buildIamPolicy({ primary: 'us-east-1', secondary: 'us-east-1' })).toThrow(
      /both us-east-1.*dr-procedure\.yaml/,
    );
    expect(() => buildIamPolicy({ primary: 'us-east-1', secondary: 'Oregon' })).toThrow(
      /secondary region "Oregon" is not an AWS region name/,
    );
  });

  it('refuses a create action that no statement template limits', () => {
    const extra: AwsOperation = {
      service: 'ec2',
      command: 'CreateSnapshotCommand',
      operation: 'CreateSnapshot',
      iamAction: 'ec2:CreateSnapshot',
      alsoRequires: [],
      kind: 'create',
      note: 'test',
    };
    expect(() => buildIamPolicy(regions, [...operations, extra])).toThrow(
      /No IAM statement limits the create action ec2:CreateSnapshot: add it to a template in electron\/core\/aws\/iam-create-statements\.ts/,
    );
  });

  it('adds nothing for operations that need no IAM permission', () => {
    const policy = buildIamPolicy(
      regions,
      operations.filter((o) => o.service === 'sso-oidc' || o.service === 'sts'),
    );
    expect(policy.Statement).toEqual([]);
  });
});
