import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IamPolicy } from '../../../electron/core/aws/iam-policy';
import { operations } from '../../../electron/core/aws/operations';

/**
 * What the committed policy must never grant, whatever is added to the registry: identity and
 * account administration, reading secrets or keys' plaintext, changing or deleting source
 * resources, opening the network. (The registry ↔ policy equality is in
 * test/unit/core/aws/iam-policy.test.ts.)
 */

const root = path.resolve(import.meta.dirname, '../../..');

const NEVER: readonly RegExp[] = [
  /^iam:/,
  /^organizations:/,
  /^sso:(?!GetRoleCredentials$|ListAccounts$|ListAccountRoles$)/,
  /^sts:AssumeRole/,
  /^secretsmanager:/,
  /^ssm:/,
  /^kms:(Decrypt|Encrypt|GenerateDataKey|ReEncrypt|CreateKey|PutKeyPolicy|ScheduleKeyDeletion|DisableKey)/,
  /^s3:(DeleteBucket|PutBucket|PutAccountPublicAccessBlock|PutLifecycleConfiguration|PutReplicationConfiguration|PutEncryptionConfiguration|BypassGovernanceRetention)/,
  /^rds:(Modify|Reboot|Stop|Start|Failover|DeleteDBSnapshot|DeleteDBCluster|DeleteDBInstanceAutomatedBackup)/,
  /^ec2:(Modify|Authorize|Revoke|StopInstances|RebootInstances|DeleteSecurityGroup|CreateSecurityGroup|DeleteSubnet|CreateRoute|AssociateAddress)/,
  /^dynamodb:(UpdateTable|DeleteBackup|DisableKinesis|UpdateGlobalTable)/,
];

const CLEANUP_ACTION = /:(Delete(?!Item$)|Terminate|Deregister)/;

async function committedPolicy(): Promise<IamPolicy> {
  return JSON.parse(await readFile(path.join(root, 'build', 'iam-policy.json'), 'utf8')) as IamPolicy;
}

describe('build/iam-policy.json grants least privilege', () => {
  it('allows only, with explicit actions (no wildcards, no NotAction or NotResource)', async () => {
    const policy = await committedPolicy();
    expect(policy.Version).toBe('2012-10-17');
    for (const statement of policy.Statement) {
      expect(statement.Effect, statement.Sid).toBe('Allow');
      expect(Object.keys(statement).sort(), statement.Sid).toEqual(
        expect.arrayContaining(['Action', 'Effect', 'Resource', 'Sid']),
      );
      expect(
        Object.keys(statement).filter((k) => k.startsWith('Not')),
        statement.Sid,
      ).toEqual([]);
      for (const action of statement.Action)
        expect(action, statement.Sid).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
    }
  });

  it('never grants administration, secrets, key material, or changes to source resources', async () => {
    const actions = (await committedPolicy()).Statement.flatMap((s) => s.Action);
    expect(actions.filter((action) => NEVER.some((re) => re.test(action)))).toEqual([]);
  });

  it('grants deletes only in clean-up statements, each limited to what the app created', async () => {
    for (const statement of (await committedPolicy()).Statement) {
      const deletes = statement.Action.filter((a) => CLEANUP_ACTION.test(a));
      if (deletes.length === 0) continue;
      expect(statement.Sid).toMatch(/^CleanupOwn/);
      const limitedByTag = JSON.stringify(statement.Condition ?? {}).includes(
        'aws:ResourceTag/dr-war-room:incident',
      );
      const limitedByPrefix = statement.Resource === 'arn:aws:s3:::*/dr-war-room-drill/*';
      expect(limitedByTag || limitedByPrefix, statement.Sid).toBe(true);
    }
  });

  it('grants only reads on every resource ("*"): each create and delete names its resources', async () => {
    for (const statement of (await committedPolicy()).Statement) {
      const resources = [statement.Resource].flat();
      if (statement.Sid === 'DrWarRoomRead') continue;
      expect(resources, statement.Sid).not.toContain('*');
      for (const r of resources) expect(r, statement.Sid).toMatch(/^arn:aws:[a-z0-9-]+:/);
    }
  });

  it('requires the app’s incident tag wherever EC2 and RDS create something', async () => {
    const policy = await committedPolicy();
    const creating = policy.Statement.filter((s) =>
      s.Action.some((a) =>
        /^(ec2:(RunInstances|CreateVolume|CopySnapshot|CopyImage)|rds:(Restore|Copy|Create))/.test(a),
      ),
    );
    for (const s of creating) {
      const resources = [s.Resource].flat();
      const createsHere = resources.some((r) => /:(instance|volume|network-interface)\/\*$|:db:\*$/.test(r));
      if (!createsHere) continue;
      expect(JSON.stringify(s.Condition ?? {}), s.Sid).toContain('aws:RequestTag/dr-war-room:incident');
    }
  });

  it('every delete the registry can send is a cleanup-own operation (drills only)', () => {
    const deleting = operations.filter((o) => o.iamAction && CLEANUP_ACTION.test(o.iamAction));
    expect(deleting.length).toBeGreaterThan(0);
    for (const op of deleting) expect(op.kind, `${op.service} ${op.operation}`).toBe('cleanup-own');
  });
});
