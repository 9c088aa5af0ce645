import type { Image, Snapshot } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import {
  chooseSubnet,
  newestImageFor,
  newestVolumeSnapshot,
} from '../../../../electron/core/drill/ec2-drill';
import { chooseSubnetGroup, newestSnapshot } from '../../../../electron/core/drill/rds-drill';
import { bucketRegion, drillObjectKey } from '../../../../electron/core/drill/s3-drill';
import { isProduction, suggest } from '../../../../electron/core/drill/targets';
import { looksLikeDrill } from '../../../../electron/core/drill/sweep';

describe('recovery point and placement choices', () => {
  it('RDS: the newest available snapshot of the instance', () => {
    const s = newestSnapshot(
      [
        {
          DBSnapshotIdentifier: 'old',
          DBInstanceIdentifier: 'db',
          Status: 'available',
          SnapshotCreateTime: new Date('2026-11-01'),
        },
        {
          DBSnapshotIdentifier: 'new',
          DBInstanceIdentifier: 'db',
          Status: 'available',
          SnapshotCreateTime: new Date('2026-11-20'),
        },
        {
          DBSnapshotIdentifier: 'copying',
          DBInstanceIdentifier: 'db',
          Status: 'copying',
          SnapshotCreateTime: new Date('2026-11-25'),
        },
        {
          DBSnapshotIdentifier: 'other',
          DBInstanceIdentifier: 'x',
          Status: 'available',
          SnapshotCreateTime: new Date('2026-11-26'),
        },
      ],
      'db',
    );
    expect(s?.DBSnapshotIdentifier).toBe('new');
  });

  it('RDS: the chosen subnet group, else an isolated-looking one, else the first (flagged)', () => {
    expect(chooseSubnetGroup(['dr-db', 'dr-drill'], undefined)).toEqual({ name: 'dr-drill', isolated: true });
    expect(chooseSubnetGroup(['dr-db'], undefined)).toEqual({ name: 'dr-db', isolated: false });
    expect(chooseSubnetGroup(['dr-db'], 'dr-db')).toEqual({ name: 'dr-db', isolated: true });
    expect(chooseSubnetGroup(['dr-db'], 'missing')).toBeNull();
    expect(chooseSubnetGroup([], undefined)).toBeNull();
  });

  it('EC2: the newest AMI copied from the image or of the same application', () => {
    const images: Image[] = [
      {
        ImageId: 'ami-a',
        State: 'available',
        SourceImageId: 'ami-src',
        CreationDate: '2026-11-18T00:00:00Z',
      },
      {
        ImageId: 'ami-b',
        State: 'available',
        Tags: [{ Key: 'application', Value: 'api' }],
        CreationDate: '2026-11-25T00:00:00Z',
      },
      { ImageId: 'ami-c', State: 'pending', SourceImageId: 'ami-src', CreationDate: '2026-11-26T00:00:00Z' },
      {
        ImageId: 'ami-d',
        State: 'available',
        Tags: [{ Key: 'application', Value: 'web' }],
        CreationDate: '2026-11-26T00:00:00Z',
      },
    ];
    expect(newestImageFor(images, 'ami-src', 'api')?.ImageId).toBe('ami-b');
    expect(newestImageFor(images, 'ami-src', undefined)?.ImageId).toBe('ami-a');
    expect(newestImageFor(images, 'ami-none', undefined)).toBeUndefined();
  });

  it('EC2: the newest completed snapshot copy of the volume', () => {
    const snaps: Snapshot[] = [
      {
        SnapshotId: 's1',
        State: 'completed',
        Description: '[Copied snap-p1 from us-east-1]',
        StartTime: new Date('2026-11-20'),
      },
      {
        SnapshotId: 's2',
        State: 'completed',
        VolumeId: 'vol-ffffffff',
        Tags: [{ Key: 'dr-war-room:source', Value: 'snap-p2' }],
        StartTime: new Date('2026-11-24'),
      },
      { SnapshotId: 's3', State: 'pending', VolumeId: 'vol-1', StartTime: new Date('2026-11-26') },
    ];
    expect(newestVolumeSnapshot(snaps, 'vol-1', ['snap-p1', 'snap-p2'])?.SnapshotId).toBe('s2');
    expect(newestVolumeSnapshot(snaps, 'vol-1', ['snap-p1'])?.SnapshotId).toBe('s1');
    expect(newestVolumeSnapshot(snaps, 'vol-2', [])).toBeUndefined();
  });

  it('EC2: an isolated subnet when one is named so', () => {
    const a = { SubnetId: 'a', Tags: [{ Key: 'Name', Value: 'dr-app-a' }] };
    const b = { SubnetId: 'b', Tags: [{ Key: 'Name', Value: 'dr-drill-isolated' }] };
    expect(chooseSubnet([a, b])).toEqual({ subnet: b, isolated: true });
    expect(chooseSubnet([a])).toEqual({ subnet: a, isolated: false });
    expect(chooseSubnet([])).toBeNull();
  });

  it('S3: bucket regions and the test key under the drill prefix', () => {
    expect(bucketRegion(undefined)).toBe('us-east-1');
    expect(bucketRegion('')).toBe('us-east-1');
    expect(bucketRegion('EU')).toBe('eu-west-1');
    expect(bucketRegion('us-west-2')).toBe('us-west-2');
    expect(drillObjectKey('drill-20261126-041509-ab12')).toBe(
      'dr-war-room-drill/drill-20261126-041509-ab12/test-object.txt',
    );
  });

  it('targets: production first, then anything without a problem', () => {
    expect(isProduction([{ Key: 'environment', Value: 'Production' }])).toBe(true);
    expect(isProduction([{ Key: 'tier', Value: 'development' }])).toBe(false);
    const options = [
      { id: 'dev', label: 'dev', region: 'r', note: null },
      { id: 'prod-off', label: 'p', region: 'r', note: 'versioning off' },
      { id: 'prod', label: 'p', region: 'r', note: null },
    ];
    expect(suggest(options, new Set(['prod', 'prod-off'])).find((o) => o.suggested)?.id).toBe('prod');
    expect(suggest(options, new Set()).find((o) => o.suggested)?.id).toBe('dev');
  });

  it('sweep candidates: a drill tag or a drill name', () => {
    expect(looksLikeDrill('drwr-drill-rds-1', undefined)).toBe(true);
    expect(
      looksLikeDrill('orders-db', [{ Key: 'dr-war-room:incident', Value: 'drill-20261126-041509-ab12' }]),
    ).toBe(true);
    expect(looksLikeDrill('orders-db', [{ Key: 'dr-war-room:incident', Value: 'INC-1' }])).toBe(false);
  });
});
