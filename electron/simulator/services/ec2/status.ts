import { phaseAt } from '../../protocol/lifecycle';
import {
  TERMINATED_VISIBLE_MINUTES,
  type Ec2ImageRecord,
  type Ec2InstanceRecord,
  type Ec2SnapshotRecord,
  type Ec2VolumeRecord,
} from './model';

/** The instance state now, or undefined when terminated long enough ago to have disappeared. */
export function instanceState(instance: Ec2InstanceRecord, now: Date): string | undefined {
  if (instance.terminatedAt) {
    const t = Date.parse(instance.terminatedAt);
    if (now.getTime() < t + 60_000) return 'shutting-down';
    if (now.getTime() < t + TERMINATED_VISIBLE_MINUTES * 60_000) return 'terminated';
    return undefined;
  }
  return phaseAt(instance.phases, now);
}

/** The instance's status-check result now: `initializing`, `ok`, `impaired` or `not-applicable`. */
export function instanceCheckStatus(instance: Ec2InstanceRecord, now: Date): string {
  if (instanceState(instance, now) !== 'running') return 'not-applicable';
  if (now.getTime() < Date.parse(instance.checksOkAt)) return 'initializing';
  return instance.impaired ? 'impaired' : 'ok';
}

/** The image state now (deregistered images are gone). */
export function imageState(image: Ec2ImageRecord, now: Date): string | undefined {
  if (image.deregistered) return undefined;
  return phaseAt(image.phases, now);
}

/** The volume state now: `creating`, `available`, `in-use` (attached), or undefined when deleted. */
export function volumeState(volume: Ec2VolumeRecord, now: Date): string | undefined {
  if (volume.deleted) return undefined;
  const base = phaseAt(volume.phases, now);
  return base === 'available' && volume.attachments.length > 0 ? 'in-use' : base;
}

/** The snapshot state now. */
export function snapshotState(snapshot: Ec2SnapshotRecord, now: Date): string {
  return phaseAt(snapshot.phases, now);
}
