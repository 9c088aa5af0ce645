import {
  paginateDescribeImages,
  paginateDescribeInstances,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
} from '@aws-sdk/client-ec2';
import { listFailed, type DiscoveryContext } from './discovery-context';
import { isoOrNull, tagRecord } from './inventory';
import { IMAGE_ID, INSTANCE_ID, SNAPSHOT_ID, VOLUME_ID, sourceFromTags } from './source-refs';

/** The placeholder volume id AWS gives copied snapshots. */
const COPY_VOLUME_ID = 'vol-ffffffff';

async function instances(ctx: DiscoveryContext, region: string): Promise<void> {
  try {
    const client = ctx.clients.ec2(region);
    for await (const page of paginateDescribeInstances({ client, pageSize: 1000 }, {})) {
      for (const reservation of page.Reservations ?? []) {
        for (const i of reservation.Instances ?? []) {
          if (!i.InstanceId) continue;
          const tags = tagRecord(i.Tags);
          const owner = reservation.OwnerId ?? ctx.inventory.accountId ?? '000000000000';
          ctx.inventory.accountId ??= reservation.OwnerId ?? null;
          ctx.inventory.ec2Instances.push({
            id: i.InstanceId,
            arn: `arn:aws:ec2:${region}:${owner}:instance/${i.InstanceId}`,
            region,
            name: tags['Name'] ?? null,
            state: i.State?.Name ?? 'unknown',
            instanceType: i.InstanceType ?? 'unknown',
            availabilityZone: i.Placement?.AvailabilityZone ?? null,
            imageId: i.ImageId ?? null,
            privateIp: i.PrivateIpAddress ?? null,
            rootDevice: i.RootDeviceName ?? null,
            volumes: (i.BlockDeviceMappings ?? [])
              .filter((m) => m.Ebs?.VolumeId)
              .map((m) => ({ volumeId: m.Ebs?.VolumeId ?? '', device: m.DeviceName ?? null })),
            tags,
          });
        }
      }
    }
  } catch (error) {
    listFailed(ctx, 'ec2', region, 'instances', 'EC2 instances', error);
  }
}

async function images(ctx: DiscoveryContext, region: string): Promise<void> {
  try {
    const client = ctx.clients.ec2(region);
    for await (const page of paginateDescribeImages({ client, pageSize: 1000 }, { Owners: ['self'] })) {
      for (const image of page.Images ?? []) {
        if (!image.ImageId) continue;
        const tags = tagRecord(image.Tags);
        ctx.inventory.images.push({
          id: image.ImageId,
          region,
          name: image.Name ?? null,
          state: image.State ?? 'unknown',
          createdAt: isoOrNull(image.CreationDate),
          sourceInstanceId: image.SourceInstanceId ?? sourceFromTags(tags, INSTANCE_ID),
          sourceImageId: image.SourceImageId ?? sourceFromTags(tags, IMAGE_ID),
          sourceImageRegion: image.SourceImageRegion ?? null,
          snapshotIds: (image.BlockDeviceMappings ?? [])
            .map((m) => m.Ebs?.SnapshotId)
            .filter((s): s is string => typeof s === 'string'),
          tags,
        });
      }
    }
  } catch (error) {
    listFailed(ctx, 'ec2', region, 'images', 'AMIs', error);
  }
}

async function snapshots(ctx: DiscoveryContext, region: string): Promise<void> {
  try {
    const client = ctx.clients.ec2(region);
    for await (const page of paginateDescribeSnapshots({ client, pageSize: 1000 }, { OwnerIds: ['self'] })) {
      for (const s of page.Snapshots ?? []) {
        if (!s.SnapshotId) continue;
        const tags = tagRecord(s.Tags);
        const volumeFromTags = sourceFromTags(tags, VOLUME_ID);
        const sourceSnapshot =
          sourceFromTags(tags, SNAPSHOT_ID) ??
          (s.Description ? (SNAPSHOT_ID.exec(s.Description.replace(s.SnapshotId, ''))?.[0] ?? null) : null);
        ctx.inventory.ebsSnapshots.push({
          id: s.SnapshotId,
          region,
          volumeId: volumeFromTags ?? (s.VolumeId && s.VolumeId !== COPY_VOLUME_ID ? s.VolumeId : null),
          sourceSnapshotId: sourceSnapshot,
          state: s.State ?? 'unknown',
          startedAt: isoOrNull(s.StartTime),
          sizeGiB: s.VolumeSize ?? null,
          encrypted: s.Encrypted === true,
          tags,
        });
      }
    }
  } catch (error) {
    listFailed(ctx, 'ec2', region, 'snapshots', 'EBS snapshots', error);
  }
}

async function volumes(ctx: DiscoveryContext, region: string): Promise<void> {
  try {
    const client = ctx.clients.ec2(region);
    for await (const page of paginateDescribeVolumes({ client, pageSize: 500 }, {})) {
      for (const v of page.Volumes ?? []) {
        if (!v.VolumeId) continue;
        ctx.inventory.volumes.push({
          id: v.VolumeId,
          region,
          sizeGiB: v.Size ?? null,
          availabilityZone: v.AvailabilityZone ?? null,
          encrypted: v.Encrypted === true,
          attachedTo: v.Attachments?.[0]?.InstanceId ?? null,
          tags: tagRecord(v.Tags),
        });
      }
    }
  } catch (error) {
    listFailed(ctx, 'ec2', region, 'volumes', 'EBS volumes', error);
  }
}

/**
 * Discover EC2 in one region: instances, own AMIs and own EBS snapshots, every page, and in the
 * primary region the volumes (sizes and attachments of what must be recreated).
 */
export async function discoverEc2(ctx: DiscoveryContext, region: string): Promise<void> {
  await Promise.all([
    instances(ctx, region),
    images(ctx, region),
    snapshots(ctx, region),
    ...(region === ctx.regions.primary ? [volumes(ctx, region)] : []),
  ]);
}
