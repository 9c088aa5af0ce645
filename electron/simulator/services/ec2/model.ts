import type { Phase } from '../../protocol/lifecycle';

/**
 * The EC2 simulator's state: plain JSON keyed by resource id (ids are unique across regions).
 * States (`pending`, `running`, `available`, `completed` …) follow from lifecycle phases and
 * the simulated clock.
 */

/** An EC2 tag. */
export interface Ec2Tag {
  Key: string;
  Value: string;
}

/** A block device of an instance. */
export interface Ec2InstanceDevice {
  deviceName: string;
  volumeId: string;
}

/** An EC2 instance. */
export interface Ec2InstanceRecord {
  id: string;
  region: string;
  reservationId: string;
  imageId: string;
  instanceType: string;
  availabilityZone: string;
  subnetId: string;
  vpcId: string;
  securityGroupIds: string[];
  privateIpAddress: string;
  launchTime: string;
  /** `pending` then `running`. */
  phases: Phase[];
  /** When the status checks pass (ISO); until then they are `initializing`. */
  checksOkAt: string;
  /** Status checks stay `impaired` (scenario or a failing-restore fault on the instance). */
  impaired?: boolean;
  terminatedAt?: string;
  rootDeviceName: string;
  devices: Ec2InstanceDevice[];
  clientToken?: string;
  keyName?: string;
  tags: Ec2Tag[];
}

/** A block device mapping of an AMI. */
export interface Ec2ImageDevice {
  deviceName: string;
  snapshotId: string;
  volumeSize: number;
  volumeType: string;
  encrypted: boolean;
}

/** An AMI. */
export interface Ec2ImageRecord {
  id: string;
  region: string;
  name: string;
  description: string;
  createdAt: string;
  /** `pending` then `available` (or `failed`). */
  phases: Phase[];
  architecture: string;
  platformDetails: string;
  rootDeviceName: string;
  devices: Ec2ImageDevice[];
  sourceImageId?: string;
  sourceRegion?: string;
  clientToken?: string;
  deregistered?: boolean;
  tags: Ec2Tag[];
}

/** An EBS volume. */
export interface Ec2VolumeRecord {
  id: string;
  region: string;
  availabilityZone: string;
  size: number;
  volumeType: string;
  iops?: number;
  snapshotId?: string;
  encrypted: boolean;
  kmsKeyId?: string;
  createdAt: string;
  /** `creating` then `available`; `in-use` is derived from attachments. */
  phases: Phase[];
  attachments: Array<{
    instanceId: string;
    device: string;
    attachedAt: string;
    deleteOnTermination: boolean;
  }>;
  deleted?: boolean;
  tags: Ec2Tag[];
}

/** An EBS snapshot. */
export interface Ec2SnapshotRecord {
  id: string;
  region: string;
  volumeId: string;
  volumeSize: number;
  startTime: string;
  /** `pending` then `completed` (or `error`). */
  phases: Phase[];
  encrypted: boolean;
  kmsKeyId?: string;
  description: string;
  sourceSnapshotId?: string;
  sourceRegion?: string;
  tags: Ec2Tag[];
}

/** An availability zone. */
export interface Ec2ZoneRecord {
  name: string;
  zoneId: string;
  region: string;
}

/** A subnet. */
export interface Ec2SubnetRecord {
  id: string;
  region: string;
  vpcId: string;
  availabilityZone: string;
  cidrBlock: string;
  tags: Ec2Tag[];
}

/** A security group. */
export interface Ec2SecurityGroupRecord {
  id: string;
  region: string;
  vpcId: string;
  name: string;
  description: string;
  tags: Ec2Tag[];
}

/** The whole EC2 account state. */
export interface Ec2State {
  instances: Record<string, Ec2InstanceRecord>;
  images: Record<string, Ec2ImageRecord>;
  volumes: Record<string, Ec2VolumeRecord>;
  snapshots: Record<string, Ec2SnapshotRecord>;
  zones: Record<string, Ec2ZoneRecord>;
  subnets: Record<string, Ec2SubnetRecord>;
  securityGroups: Record<string, Ec2SecurityGroupRecord>;
}

/** A fresh empty EC2 state. */
export function emptyEc2State(): Ec2State {
  return {
    instances: {},
    images: {},
    volumes: {},
    snapshots: {},
    zones: {},
    subnets: {},
    securityGroups: {},
  };
}

/** A new EC2 resource id: the prefix and 17 hex digits (`i-0123456789abcdef0`). */
export function ec2Id(prefix: string, hex: (length: number) => string): string {
  return `${prefix}-0${hex(16)}`;
}

/** How long a terminated instance stays visible. */
export const TERMINATED_VISIBLE_MINUTES = 60;

/** Instance state codes, as EC2 reports them. */
export const INSTANCE_STATE_CODES: Readonly<Record<string, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};
