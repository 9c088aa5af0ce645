import { describe, expect, it } from 'vitest';
import { drillPreview } from '../../../../electron/core/drill/drill-preview';

const regions = { primary: 'us-east-1', secondary: 'us-west-2' };

describe('drill dry run', () => {
  it('lists each chosen service in drill order with its calls, clean-up last', () => {
    const steps = drillPreview(
      { services: ['dynamodb', 'rds'], targets: { rds: 'orders-db' }, rdsSubnetGroup: 'dr-drill' },
      regions,
    );
    expect(steps.map((s) => s.service)).toEqual(['rds', 'dynamodb']);
    const rds = steps[0]!;
    expect(rds.target).toBe('orders-db');
    expect(
      rds.calls.some((c) => c.includes('--db-subnet-group-name dr-drill --no-publicly-accessible')),
    ).toBe(true);
    expect(rds.calls.at(-1)).toMatch(/delete-db-instance .*\(clean-up, tag checked\)$/);
    expect(steps[1]!.target).toBe('<a production table, chosen at run time>');
    for (const s of steps) {
      expect(s.creates).toMatch(/billed/);
      expect(s.calls.every((c) => c.startsWith('aws '))).toBe(true);
    }
  });

  it('puts every created resource in the secondary region and tags it with the drill id', () => {
    const steps = drillPreview({ services: ['s3', 'rds', 'ec2', 'dynamodb'], targets: {} }, regions);
    const creating = steps.flatMap((s) =>
      s.calls.filter((c) => /restore-|run-instances|create-volume/.test(c)),
    );
    expect(creating.length).toBe(4);
    for (const c of creating) expect(c).toContain('--region us-west-2');
    expect(
      steps.flatMap((s) => s.calls).filter((c) => c.includes('dr-war-room:incident')).length,
    ).toBeGreaterThanOrEqual(5);
  });

  it('shows the tags each create carries, as the IAM policy requires them (S3 rollback, every resource RunInstances creates)', () => {
    const calls = drillPreview({ services: ['s3', 'ec2'], targets: {} }, regions).flatMap((s) => s.calls);
    expect(calls.find((c) => c.includes('copy-object'))).toContain(
      "--tagging-directive REPLACE --tagging 'dr-war-room:incident=<drill id>'",
    );
    const launch = calls.find((c) => c.includes('run-instances'))!;
    for (const type of ['instance', 'volume', 'network-interface'])
      expect(launch).toContain(`ResourceType=${type},Tags=[{Key=dr-war-room:incident`);
  });
});
