import { describe, expect, it } from 'vitest';
import { checkOperation, operations } from '../../../../electron/core/aws';
import { DRILL_CLEANUP_POLICY, DRILL_TEST_POLICY } from '../../../../electron/core/drill/run-drill';

describe('drill client policies', () => {
  it('the test phase may read and create but never delete', () => {
    expect(checkOperation('rds', 'RestoreDBInstanceFromDBSnapshotCommand', DRILL_TEST_POLICY).kind).toBe(
      'create',
    );
    expect(checkOperation('s3', 'PutObjectCommand', DRILL_TEST_POLICY).kind).toBe('create');
    for (const o of operations.filter((x) => x.kind === 'cleanup-own'))
      expect(() => checkOperation(o.service, o.command, DRILL_TEST_POLICY)).toThrow(
        /may only send read or create/,
      );
  });

  it('clean-up may read and delete what a drill created but never create', () => {
    expect(checkOperation('rds', 'DeleteDBInstanceCommand', DRILL_CLEANUP_POLICY).kind).toBe('cleanup-own');
    expect(checkOperation('s3', 'GetObjectTaggingCommand', DRILL_CLEANUP_POLICY).kind).toBe('read');
    for (const o of operations.filter((x) => x.kind === 'create'))
      expect(() => checkOperation(o.service, o.command, DRILL_CLEANUP_POLICY)).toThrow(
        /Nothing was sent to AWS/,
      );
  });

  it('nothing outside the registry passes either policy', () => {
    expect(() => checkOperation('s3', 'DeleteBucketCommand', DRILL_CLEANUP_POLICY)).toThrow(
      /not in the operations registry/,
    );
    expect(() => checkOperation('rds', 'ModifyDBInstanceCommand', DRILL_TEST_POLICY)).toThrow(
      /not in the operations registry/,
    );
  });
});
