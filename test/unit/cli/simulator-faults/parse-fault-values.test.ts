import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  parseDuration,
  parseOutageMode,
  parseQuota,
  parseRate,
  parseRegion,
  parseReplicationLag,
  parseServiceList,
} from '../../../../electron/cli/simulator-faults/parse-fault-values';

describe('simulator faults option values', () => {
  it('reads regions and refuses what is not a region name', () => {
    expect(parseRegion('us-east-1')).toBe('us-east-1');
    expect(parseRegion('ap-southeast-2')).toBe('ap-southeast-2');
    expect(() => parseRegion('useast1')).toThrow('"useast1" is not a region name like us-east-1');
  });

  it('reads the three outage modes and names them on a wrong one', () => {
    expect(['refused', 'timeout', '5xx'].map(parseOutageMode)).toEqual(['refused', 'timeout', '5xx']);
    expect(() => parseOutageMode('500')).toThrow(
      'must be refused (connections refused), timeout (no answer) or 5xx (503 errors), not "500"',
    );
  });

  it('reads a comma list of services, dropping blanks and repeats', () => {
    expect(parseServiceList('s3, rds,,s3')).toEqual(['s3', 'rds']);
    expect(() => parseServiceList(',')).toThrow('must list services, comma-separated, e.g. s3,rds');
    expect(() => parseServiceList('S3!')).toThrow('"S3!" is not a service name');
  });

  it('reads a rate as a fraction or a percentage, into a percentage from 0 to 100', () => {
    expect(parseRate('0.25')).toBe(25);
    expect(parseRate('0.3')).toBe(30);
    expect(parseRate('.5')).toBe(50);
    expect(parseRate('12.5%')).toBe(12.5);
    expect(parseRate('0')).toBe(0);
    expect(parseRate('100%')).toBe(100);
    for (const bad of ['1.5', '-0.1', '150%', '%', '', 'lots', '0x1', '1e-1'])
      expect(() => parseRate(bad)).toThrow('must be a fraction from 0 to 1 (0.25) or a percentage (25%)');
  });

  it('reads durations with a unit (0 alone) and shows them back the same way', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('0')).toBe(0);
    for (const bad of ['15', '1.5m', 'm', '-1s'])
      expect(() => parseDuration(bad)).toThrow(`"${bad}" is not a duration like 30s, 15m or 1h`);
    expect([900_000, 30_000, 7_200_000, 1_500, 0].map(formatDuration)).toEqual([
      '15m',
      '30s',
      '2h',
      '1500ms',
      '0',
    ]);
  });

  it('reads KEY=N quotas', () => {
    expect(parseQuota('ec2.concurrentSnapshotCopies=2')).toEqual({
      key: 'ec2.concurrentSnapshotCopies',
      value: 2,
    });
    expect(parseQuota('ec2.capacity.m5.large=0')).toEqual({ key: 'ec2.capacity.m5.large', value: 0 });
    for (const bad of ['ec2.concurrentSnapshotCopies', 'noservice=3', 'ec2.x=-1', 'ec2.x=1.5', 'ec2.x='])
      expect(() => parseQuota(bad)).toThrow(`"${bad}" is not KEY=N with a whole number N ≥ 0`);
  });

  it('reads SOURCE:DESTINATION=DURATION replication lag', () => {
    expect(parseReplicationLag('us-east-1:us-west-2=15m')).toEqual({
      sourceRegion: 'us-east-1',
      destinationRegion: 'us-west-2',
      lagMs: 900_000,
    });
    expect(() => parseReplicationLag('us-east-1=15m')).toThrow(
      '"us-east-1=15m" is not SOURCE:DESTINATION=DURATION, e.g. us-east-1:us-west-2=15m',
    );
    expect(() => parseReplicationLag('us-east-1:west=15m')).toThrow('"west" is not a region name');
    expect(() => parseReplicationLag('us-east-1:us-west-2=soon')).toThrow('"soon" is not a duration');
  });
});
