import { describe, expect, it } from 'vitest';
import { COST_RISK, leftover, removalCommand } from '../../../../electron/core/drill/leftovers';

describe('leftovers', () => {
  it('gives the exact aws command per kind', () => {
    expect(
      removalCommand({ kind: 'rds-instance', region: 'us-west-2', id: 'drwr-drill-rds-1', drillId: null }),
    ).toBe(
      'aws rds delete-db-instance --region us-west-2 --db-instance-identifier drwr-drill-rds-1 --skip-final-snapshot --delete-automated-backups',
    );
    expect(removalCommand({ kind: 'ec2-instance', region: 'us-west-2', id: 'i-1', drillId: null })).toBe(
      'aws ec2 terminate-instances --region us-west-2 --instance-ids i-1',
    );
    expect(removalCommand({ kind: 'ebs-volume', region: 'us-west-2', id: 'vol-1', drillId: null })).toBe(
      'aws ec2 delete-volume --region us-west-2 --volume-id vol-1',
    );
    expect(removalCommand({ kind: 'dynamodb-table', region: 'us-west-2', id: 't', drillId: null })).toBe(
      'aws dynamodb delete-table --region us-west-2 --table-name t',
    );
    expect(
      removalCommand({
        kind: 's3-object-version',
        region: 'us-east-1',
        id: 'v 1',
        bucket: 'b',
        key: "a/it's.txt",
        drillId: null,
      }),
    ).toBe(`aws s3api delete-object --region us-east-1 --bucket b --key 'a/it'\\''s.txt' --version-id 'v 1'`);
  });

  it('carries the reason and the cost risk', () => {
    const l = leftover(
      { kind: 'ec2-instance', region: 'us-west-2', id: 'i-1', drillId: 'd' },
      'terminate failed',
    );
    expect(l).toMatchObject({ reason: 'terminate failed', costRisk: COST_RISK['ec2-instance'], id: 'i-1' });
  });
});
