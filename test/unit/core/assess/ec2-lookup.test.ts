import { describe, expect, it } from 'vitest';
import {
  capturedAt,
  ec2Lookup,
  imageFits,
  imagesFor,
  snapshotsOf,
  snapshotTakenAt,
  type Ec2Facts,
} from '../../../../electron/core/assess/ec2-lookup';
import type {
  EbsSnapshotFacts,
  Ec2InstanceFacts,
  ImageFacts,
  VolumeFacts,
} from '../../../../electron/core/assess/inventory';
import { primaryVolumes } from '../../../../electron/core/assess/options-ec2-volume';
import type { OptionContext } from '../../../../electron/core/assess/subject';

const P = 'us-east-1';
const S = 'us-west-2';

function instance(id: string, over: Partial<Ec2InstanceFacts> = {}): Ec2InstanceFacts {
  return {
    id,
    arn: `arn:aws:ec2:${P}:111122223333:instance/${id}`,
    region: P,
    name: null,
    state: 'running',
    instanceType: 'm6i.large',
    availabilityZone: `${P}a`,
    imageId: null,
    privateIp: null,
    rootDevice: '/dev/xvda',
    volumes: [],
    tags: {},
    ...over,
  };
}

function image(id: string, over: Partial<ImageFacts> = {}): ImageFacts {
  return {
    id,
    region: P,
    name: null,
    state: 'available',
    createdAt: '2026-11-25T00:00:00Z',
    sourceInstanceId: null,
    sourceImageId: null,
    sourceImageRegion: null,
    snapshotIds: [],
    tags: {},
    ...over,
  };
}

function snapshot(id: string, over: Partial<EbsSnapshotFacts> = {}): EbsSnapshotFacts {
  return {
    id,
    region: P,
    volumeId: null,
    sourceSnapshotId: null,
    state: 'completed',
    startedAt: '2026-11-25T12:00:00Z',
    sizeGiB: 50,
    encrypted: true,
    tags: {},
    ...over,
  };
}

function volume(id: string, over: Partial<VolumeFacts> = {}): VolumeFacts {
  return {
    id,
    region: P,
    sizeGiB: 50,
    availabilityZone: `${P}a`,
    encrypted: true,
    attachedTo: null,
    tags: {},
    ...over,
  };
}

function facts(over: Partial<Ec2Facts>): Ec2Facts {
  return { instances: [], images: [], snapshots: [], volumes: [], accountId: '111122223333', ...over };
}

function ctx(primaryIncomplete: boolean): OptionContext {
  return {
    primary: P,
    secondary: S,
    now: new Date('2026-11-26T03:00:00Z'),
    incomplete: (service, region) => primaryIncomplete && service === 'ec2' && region === P,
    unreachable: () => false,
  };
}

describe('which AMIs bring an instance back', () => {
  const web = instance('i-web', { imageId: 'ami-golden', tags: { Application: 'Shop' } });
  const all = facts({
    instances: [web],
    images: [
      image('ami-own', { sourceInstanceId: 'i-web' }),
      image('ami-golden'),
      image('ami-golden-copy', { region: S, sourceImageId: 'ami-golden', createdAt: '2026-11-26T01:00:00Z' }),
      image('ami-shop-v2', { tags: { app: 'shop' } }),
      image('ami-other', { tags: { app: 'crm' } }),
      image('ami-pending', { sourceInstanceId: 'i-web', state: 'pending' }),
    ],
  });
  const lookup = ec2Lookup(all);

  it('fits images of the instance, of its launch AMI (copies included) and of its application', () => {
    const fits = all.images.filter((i) => imageFits(i, web, lookup)).map((i) => i.id);
    expect(fits).toEqual(['ami-own', 'ami-golden', 'ami-golden-copy', 'ami-shop-v2', 'ami-pending']);
  });

  it('finds the same available images per region through the index as by scanning', () => {
    const indexed = imagesFor(web, P, all, lookup).map((i) => i.id);
    const scanned = imagesFor(web, P, all, { ...lookup, imagesByKey: undefined }).map((i) => i.id);
    expect(new Set(indexed)).toEqual(new Set(['ami-own', 'ami-golden', 'ami-shop-v2']));
    expect(new Set(scanned)).toEqual(new Set(indexed));
    expect(imagesFor(web, S, all, lookup).map((i) => i.id)).toEqual(['ami-golden-copy']);
  });

  it('dates a copy by when its source captured the data', () => {
    expect(capturedAt(lookup.imagesById.get('ami-golden-copy')!, lookup)).toBe('2026-11-25T00:00:00Z');
  });
});

describe('which snapshots were taken of a volume', () => {
  it('follows copies back to the source snapshot for the volume and the capture time', () => {
    const all = facts({
      snapshots: [
        snapshot('snap-1', { volumeId: 'vol-1' }),
        snapshot('snap-1-copy', { region: S, sourceSnapshotId: 'snap-1', startedAt: '2026-11-26T00:00:00Z' }),
        snapshot('snap-2', { volumeId: 'vol-1', state: 'pending' }),
      ],
    });
    const lookup = ec2Lookup(all);
    expect(snapshotsOf('vol-1', S, all, lookup).map((s) => s.id)).toEqual(['snap-1-copy']);
    expect(snapshotsOf('vol-1', P, all, lookup).map((s) => s.id)).toEqual(['snap-1']);
    expect(snapshotTakenAt(lookup.snapshotsById.get('snap-1-copy')!, lookup)).toBe('2026-11-25T12:00:00Z');
  });
});

describe('primaryVolumes', () => {
  const db = instance('i-db', {
    volumes: [
      { volumeId: 'vol-root', device: '/dev/xvda' },
      { volumeId: 'vol-data', device: '/dev/xvdf' },
    ],
  });

  it('keeps data volumes of instances (not roots) and other volumes of the primary region', () => {
    const all = facts({
      instances: [db],
      volumes: [
        volume('vol-root'),
        volume('vol-data'),
        volume('vol-loose'),
        volume('vol-west', { region: S }),
      ],
    });
    const volumes = primaryVolumes(all, ctx(false), ec2Lookup(all));
    expect([...volumes.keys()]).toEqual(['vol-data', 'vol-loose']);
    expect(volumes.get('vol-data')?.attachment).toEqual({ instanceId: 'i-db', device: '/dev/xvdf' });
    expect(volumes.get('vol-loose')?.attachment).toBeNull();
  });

  it('when the primary does not answer, adds volumes known only from their copies, grouping lost sources by Name', () => {
    const all = facts({
      snapshots: [
        snapshot('snap-a', { volumeId: 'vol-a' }),
        snapshot('snap-a-copy', { region: S, sourceSnapshotId: 'snap-a' }),
        snapshot('c1', { region: S, sourceSnapshotId: 'snap-x1', tags: { Name: 'ledger-data' } }),
        snapshot('c2', { region: S, sourceSnapshotId: 'snap-x2', tags: { Name: 'ledger-data' } }),
        snapshot('c3', { region: S, sourceSnapshotId: 'snap-y' }),
      ],
    });
    expect(primaryVolumes(all, ctx(false), ec2Lookup(all)).size).toBe(0);
    const volumes = primaryVolumes(all, ctx(true), ec2Lookup(all));
    expect([...volumes.keys()]).toEqual(['vol-a', 'unknown-volume-of-snap-x1', 'unknown-volume-of-snap-y']);
    expect(volumes.get('vol-a')).toEqual({ id: 'vol-a', facts: null, attachment: null });
    expect(volumes.get('unknown-volume-of-snap-x1')?.copies?.map((c) => c.id)).toEqual(['c1', 'c2']);
  });
});
