import * as dynamodb from '@aws-sdk/client-dynamodb';
import * as ec2 from '@aws-sdk/client-ec2';
import * as rds from '@aws-sdk/client-rds';
import * as s3 from '@aws-sdk/client-s3';
import * as sso from '@aws-sdk/client-sso';
import * as ssoOidc from '@aws-sdk/client-sso-oidc';
import * as sts from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import {
  findOperation,
  operations,
  operationsOf,
  type AwsService,
} from '../../../../electron/core/aws/operations';

const modules: Record<AwsService, Record<string, unknown>> = {
  s3,
  rds,
  ec2,
  dynamodb,
  sts,
  sso,
  'sso-oidc': ssoOidc,
};

describe('the operations registry', () => {
  it('names only commands that exist in the SDK v3 client of their service', () => {
    for (const op of operations) {
      expect(typeof modules[op.service][op.command], `${op.service} ${op.command}`).toBe('function');
    }
  });

  it('lists each operation once', () => {
    const keys = operations.map((o) => `${o.service}/${o.command}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has only reads, recovery creates and own clean-up deletes, each with a note', () => {
    for (const op of operations) {
      expect(['read', 'create', 'cleanup-own']).toContain(op.kind);
      expect(op.note.length).toBeGreaterThan(10);
      expect(op.command).toBe(`${op.operation}Command`);
    }
    const deletes = operations.filter((o) => /^(Delete|Terminate|Deregister)/.test(o.operation));
    expect(deletes.every((o) => o.kind === 'cleanup-own')).toBe(true);
    const reads = operations.filter((o) => o.kind === 'read');
    expect(
      reads.every((o) =>
        /^(Describe|List|Get|Head|Scan|RegisterClient|StartDeviceAuthorization|CreateToken)/.test(
          o.operation,
        ),
      ),
    ).toBe(true);
  });

  it('never lists operations that change source resources', () => {
    const forbidden = [
      'DeleteBucket',
      'PutBucketReplication',
      'PutBucketVersioning',
      'ModifyDBInstance',
      'RebootDBInstance',
      'StopInstances',
      'ModifyInstanceAttribute',
      'UpdateTable',
      'DeleteBackup',
      'DeleteDBSnapshot',
      'FailoverDBCluster',
    ];
    for (const name of forbidden)
      expect(
        operations.some((o) => o.operation === name),
        name,
      ).toBe(false);
  });

  it('finds operations by service and SDK command name', () => {
    expect(findOperation('rds', 'DescribeDBInstancesCommand')?.iamAction).toBe('rds:DescribeDBInstances');
    expect(findOperation('s3', 'DescribeDBInstancesCommand')).toBeUndefined();
    expect(findOperation('s3', 'DeleteBucketCommand')).toBeUndefined();
    expect(operationsOf('sts').map((o) => o.operation)).toEqual(['GetCallerIdentity']);
  });

  it('notes that PromoteReadReplica acts on the replica, not the source', () => {
    expect(findOperation('rds', 'PromoteReadReplicaCommand')?.note).toMatch(/replica/i);
  });
});
