import type {
  AvailabilityZone,
  Image,
  Instance,
  InstanceStateName,
  InstanceStatus,
  SecurityGroup,
  Snapshot,
  Subnet,
  Volume,
} from '@aws-sdk/client-ec2';
import { progressAt } from '../../protocol/lifecycle';
import {
  INSTANCE_STATE_CODES,
  type Ec2ImageRecord,
  type Ec2InstanceRecord,
  type Ec2SecurityGroupRecord,
  type Ec2SnapshotRecord,
  type Ec2State,
  type Ec2SubnetRecord,
  type Ec2VolumeRecord,
  type Ec2ZoneRecord,
} from './model';
import { imageState, instanceCheckStatus, instanceState, snapshotState, volumeState } from './status';

const tags = (list: ReadonlyArray<{ Key: string; Value: string }>) =>
  list.map((t) => ({ Key: t.Key, Value: t.Value }));

/** The Instance shape at `now`. */
export function instanceView(state: Ec2State, instance: Ec2InstanceRecord, now: Date): Instance {
  const name = instanceState(instance, now) ?? 'terminated';
  const live = name !== 'terminated';
  const ip = instance.privateIpAddress;
  const dns = `ip-${ip.replace(/\./g, '-')}.${instance.region === 'us-east-1' ? 'ec2.internal' : `${instance.region}.compute.internal`}`;
  return {
    InstanceId: instance.id,
    ImageId: instance.imageId,
    State: { Code: INSTANCE_STATE_CODES[name] ?? 0, Name: name as InstanceStateName },
    PrivateDnsName: live ? dns : '',
    PublicDnsName: '',
    ...(instance.keyName ? { KeyName: instance.keyName } : {}),
    AmiLaunchIndex: 0,
    InstanceType: instance.instanceType as Instance['InstanceType'],
    LaunchTime: new Date(instance.launchTime),
    Placement: { AvailabilityZone: instance.availabilityZone, Tenancy: 'default', GroupName: '' },
    Monitoring: { State: 'disabled' },
    ...(live ? { SubnetId: instance.subnetId, VpcId: instance.vpcId, PrivateIpAddress: ip } : {}),
    Architecture: 'x86_64',
    RootDeviceType: 'ebs',
    RootDeviceName: instance.rootDeviceName,
    BlockDeviceMappings: live
      ? instance.devices.map((d) => {
          const volume = state.volumes[d.volumeId];
          const attachment = volume?.attachments.find((a) => a.instanceId === instance.id);
          return {
            DeviceName: d.deviceName,
            Ebs: {
              VolumeId: d.volumeId,
              Status: 'attached',
              AttachTime: new Date(attachment?.attachedAt ?? instance.launchTime),
              DeleteOnTermination: attachment?.deleteOnTermination ?? true,
            },
          };
        })
      : [],
    ...(instance.clientToken ? { ClientToken: instance.clientToken } : {}),
    EbsOptimized: true,
    EnaSupport: true,
    Hypervisor: 'xen',
    SecurityGroups: live
      ? instance.securityGroupIds.map((id) => ({
          GroupId: id,
          GroupName: state.securityGroups[id]?.name ?? id,
        }))
      : [],
    SourceDestCheck: true,
    Tags: tags(instance.tags),
    VirtualizationType: 'hvm',
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
    ...(name === 'terminated' || name === 'shutting-down'
      ? {
          StateReason: {
            Code: 'Client.UserInitiatedShutdown',
            Message: 'Client.UserInitiatedShutdown: User initiated shutdown',
          },
        }
      : {}),
    NetworkInterfaces: [],
    CurrentInstanceBootMode: 'legacy-bios',
    PrivateDnsNameOptions: {
      HostnameType: 'ip-name',
      EnableResourceNameDnsARecord: false,
      EnableResourceNameDnsAAAARecord: false,
    },
  };
}

/** The InstanceStatus shape (status checks) at `now`. */
export function instanceStatusView(state: Ec2State, instance: Ec2InstanceRecord, now: Date): InstanceStatus {
  const name = instanceState(instance, now) ?? 'terminated';
  const check = instanceCheckStatus(instance, now);
  const detail =
    check === 'ok'
      ? 'passed'
      : check === 'impaired'
        ? 'failed'
        : check === 'initializing'
          ? 'initializing'
          : 'not-applicable';
  const zone = state.zones[instance.availabilityZone];
  const summary = {
    Status: check as 'ok',
    Details:
      check === 'not-applicable' ? [] : [{ Name: 'reachability' as const, Status: detail as 'passed' }],
  };
  return {
    AvailabilityZone: instance.availabilityZone,
    ...(zone ? { AvailabilityZoneId: zone.zoneId } : {}),
    InstanceId: instance.id,
    InstanceState: { Code: INSTANCE_STATE_CODES[name] ?? 0, Name: name as InstanceStateName },
    InstanceStatus: summary,
    SystemStatus: summary,
    AttachedEbsStatus: { Status: check as 'ok', Details: [] },
  };
}

/** The Image shape at `now`. */
export function imageView(image: Ec2ImageRecord, now: Date, accountId: string): Image {
  const state = imageState(image, now) ?? 'deregistered';
  return {
    ImageId: image.id,
    ImageLocation: `${accountId}/${image.name}`,
    State: state as 'available',
    OwnerId: accountId,
    CreationDate: image.createdAt,
    Public: false,
    Architecture: image.architecture as 'x86_64',
    ImageType: 'machine',
    Name: image.name,
    Description: image.description,
    RootDeviceType: 'ebs',
    RootDeviceName: image.rootDeviceName,
    BlockDeviceMappings: image.devices.map((d) => ({
      DeviceName: d.deviceName,
      Ebs: {
        SnapshotId: d.snapshotId,
        VolumeSize: d.volumeSize,
        VolumeType: d.volumeType as 'gp3',
        DeleteOnTermination: true,
        Encrypted: d.encrypted,
      },
    })),
    VirtualizationType: 'hvm',
    Hypervisor: 'xen',
    EnaSupport: true,
    PlatformDetails: image.platformDetails,
    UsageOperation: 'RunInstances',
    ...(image.sourceImageId
      ? { SourceImageId: image.sourceImageId, SourceImageRegion: image.sourceRegion }
      : {}),
    Tags: tags(image.tags),
  };
}

/** The Volume shape at `now`. */
export function volumeView(volume: Ec2VolumeRecord, now: Date): Volume {
  return {
    VolumeId: volume.id,
    Size: volume.size,
    ...(volume.snapshotId ? { SnapshotId: volume.snapshotId } : { SnapshotId: '' }),
    AvailabilityZone: volume.availabilityZone,
    State: (volumeState(volume, now) ?? 'deleted') as 'available',
    CreateTime: new Date(volume.createdAt),
    Attachments: volume.attachments.map((a) => ({
      AttachTime: new Date(a.attachedAt),
      Device: a.device,
      InstanceId: a.instanceId,
      State: now.getTime() - Date.parse(a.attachedAt) < 10_000 ? 'attaching' : 'attached',
      VolumeId: volume.id,
      DeleteOnTermination: a.deleteOnTermination,
    })),
    Encrypted: volume.encrypted,
    ...(volume.kmsKeyId ? { KmsKeyId: volume.kmsKeyId } : {}),
    VolumeType: volume.volumeType as 'gp3',
    ...(volume.iops ? { Iops: volume.iops } : {}),
    MultiAttachEnabled: false,
    Tags: tags(volume.tags),
  };
}

/** The Snapshot shape at `now` (Progress as a percentage string). */
export function snapshotView(snapshot: Ec2SnapshotRecord, now: Date, accountId: string): Snapshot {
  const state = snapshotState(snapshot, now);
  return {
    SnapshotId: snapshot.id,
    VolumeId: snapshot.volumeId,
    State: state as 'completed',
    StartTime: new Date(snapshot.startTime),
    Progress: `${state === 'completed' ? 100 : progressAt(snapshot.startTime, snapshot.phases, now)}%`,
    OwnerId: accountId,
    ...(state === 'error'
      ? { StateMessage: `The copy of ${snapshot.sourceSnapshotId ?? 'the snapshot'} failed; copy it again.` }
      : {}),
    Description: snapshot.description,
    VolumeSize: snapshot.volumeSize,
    Encrypted: snapshot.encrypted,
    ...(snapshot.kmsKeyId ? { KmsKeyId: snapshot.kmsKeyId } : {}),
    StorageTier: 'standard',
    Tags: tags(snapshot.tags),
  };
}

/** The AvailabilityZone shape. */
export function zoneView(zone: Ec2ZoneRecord): AvailabilityZone {
  return {
    ZoneName: zone.name,
    ZoneId: zone.zoneId,
    State: 'available',
    OptInStatus: 'opt-in-not-required',
    Messages: [],
    RegionName: zone.region,
    GroupName: zone.region,
    NetworkBorderGroup: zone.region,
    ZoneType: 'availability-zone',
  };
}

/** The Subnet shape (available IPs estimated from the CIDR and the running instances). */
export function subnetView(state: Ec2State, subnet: Ec2SubnetRecord, accountId: string): Subnet {
  const bits = Number(subnet.cidrBlock.split('/')[1] ?? 24);
  const used = Object.values(state.instances).filter(
    (i) => i.subnetId === subnet.id && !i.terminatedAt,
  ).length;
  return {
    SubnetId: subnet.id,
    State: 'available',
    VpcId: subnet.vpcId,
    CidrBlock: subnet.cidrBlock,
    AvailableIpAddressCount: Math.max(0, 2 ** (32 - bits) - 5 - used),
    AvailabilityZone: subnet.availabilityZone,
    ...(state.zones[subnet.availabilityZone]
      ? { AvailabilityZoneId: state.zones[subnet.availabilityZone]?.zoneId }
      : {}),
    DefaultForAz: false,
    MapPublicIpOnLaunch: false,
    OwnerId: accountId,
    SubnetArn: `arn:aws:ec2:${subnet.region}:${accountId}:subnet/${subnet.id}`,
    Tags: tags(subnet.tags),
  };
}

/** The SecurityGroup shape. */
export function securityGroupView(group: Ec2SecurityGroupRecord, accountId: string): SecurityGroup {
  return {
    GroupId: group.id,
    GroupName: group.name,
    Description: group.description,
    VpcId: group.vpcId,
    OwnerId: accountId,
    IpPermissions: [],
    IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    SecurityGroupArn: `arn:aws:ec2:${group.region}:${accountId}:security-group/${group.id}`,
    Tags: tags(group.tags),
  };
}
