import { describe, expect, it } from 'vitest';
import { cliEquivalent, cliName, shellQuote } from '../../../../electron/core/recover/cli-equivalent';

describe('cliEquivalent', () => {
  it('names operations and options as the aws CLI does', () => {
    expect(cliName('RestoreDBInstanceToPointInTime')).toBe('restore-db-instance-to-point-in-time');
    expect(cliName('SourceDBInstanceAutomatedBackupsArn')).toBe('source-db-instance-automated-backups-arn');
    expect(cliName('MultiAZ')).toBe('multi-az');
    expect(cliName('VpcSecurityGroupIds')).toBe('vpc-security-group-ids');
    expect(cliName('CopyDBSnapshot')).toBe('copy-db-snapshot');
    expect(cliName('ListObjectsV2')).toBe('list-objects-v2');
    expect(cliName('SSESpecificationOverride')).toBe('sse-specification-override');
  });

  it('renders booleans as flags, string lists space-separated, structures as quoted JSON, refs as variables', () => {
    const cli = cliEquivalent('ec2', 'RunInstances', 'us-west-2', {
      ImageId: { $ref: 'x#0.ImageId', action: 'x#0', field: 'ImageId' },
      SecurityGroupIds: ['sg-1', 'sg-2'],
      MinCount: 1,
      DryRun: false,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'k', Value: "it's" }] }],
    });
    expect(cli).toBe(
      `aws ec2 run-instances --region us-west-2 --image-id "$IMAGE_ID" --security-group-ids sg-1 sg-2 --min-count 1 --no-dry-run --tag-specifications '[{"ResourceType":"instance","Tags":[{"Key":"k","Value":"it'\\''s"}]}]'`,
    );
  });

  it('quotes for a POSIX shell only when needed', () => {
    expect(shellQuote('orders-db')).toBe('orders-db');
    expect(shellQuote('a b')).toBe(`'a b'`);
    expect(shellQuote('bucket/key?versionId=3')).toBe(`'bucket/key?versionId=3'`);
  });
});
