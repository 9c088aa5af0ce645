import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIamPolicy, iamPolicyText, IAM_POLICY_PATH } from '../../../../electron/core/aws/iam-policy';
import { operations } from '../../../../electron/core/aws/operations';

const root = path.resolve(import.meta.dirname, '../../../..');

describe('the least-privilege IAM policy', () => {
  it('build/iam-policy.json equals the policy generated from the registry (regenerate: npm run iam-policy)', async () => {
    const committed = JSON.parse(await readFile(path.join(root, IAM_POLICY_PATH), 'utf8')) as unknown;
    expect(committed, 'build/iam-policy.json is out of date: run `npm run iam-policy` and commit it').toEqual(
      JSON.parse(iamPolicyText()),
    );
  });

  it('grants every registered IAM action, and nothing else', () => {
    const policy = buildIamPolicy();
    const granted = new Set(policy.Statement.flatMap((s) => s.Action));
    const expected = new Set(
      operations.flatMap((o) => [...(o.iamAction ? [o.iamAction] : []), ...o.alsoRequires]),
    );
    expect([...granted].sort()).toEqual([...expected].sort());
    expect([...granted].some((a) => a.includes('*'))).toBe(false);
  });

  it('conditions clean-up deletes on the app tag (S3: the drill prefix)', () => {
    const policy = buildIamPolicy();
    const cleanup = policy.Statement.filter((s) => s.Sid.startsWith('CleanupOwn'));
    expect(cleanup.map((s) => s.Sid).sort()).toEqual([
      'CleanupOwnDynamodb',
      'CleanupOwnEc2',
      'CleanupOwnRds',
      'CleanupOwnS3DrillObjects',
    ]);
    for (const s of cleanup.filter((c) => c.Sid !== 'CleanupOwnS3DrillObjects')) {
      expect(s.Condition).toEqual({ StringLike: { 'aws:ResourceTag/dr-war-room:incident': '*' } });
    }
    expect(cleanup.find((s) => s.Sid === 'CleanupOwnS3DrillObjects')?.Resource).toBe(
      'arn:aws:s3:::*/dr-war-room-drill/*',
    );
    const unconditioned = policy.Statement.filter((s) => !s.Sid.startsWith('CleanupOwn')).flatMap(
      (s) => s.Action,
    );
    // Item-level writes (DeleteItem) are what a table restore needs on its target, not resource deletes.
    expect(unconditioned.filter((a) => /:(Delete(?!Item)|Terminate|Deregister)/.test(a))).toEqual([]);
  });

  it('adds nothing for operations that need no IAM permission', () => {
    const policy = buildIamPolicy(operations.filter((o) => o.service === 'sso-oidc' || o.service === 'sts'));
    expect(policy.Statement).toEqual([]);
  });
});
