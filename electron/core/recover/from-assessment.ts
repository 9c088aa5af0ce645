import type { AssessedResource, AssessmentResult, RecoveryOption as AssessOption } from '../api/calls/assess';
import type { OptionData, RecoverableResource, RecoveryOption } from './types';

const ROOT_DEVICES = new Set(['/dev/xvda', '/dev/sda1', '/dev/sda', 'xvda']);

function windowOf(o: AssessOption): { earliest: string; latest: string } | null {
  const w = o.data.restoreWindow;
  return w?.earliest && w.latest ? { earliest: w.earliest, latest: w.latest } : null;
}

/** Translate one assessment option into the planner's option data (null when the planner has no flow for it). */
export function optionData(resource: AssessedResource, o: AssessOption): OptionData | null {
  const d = o.data;
  const when = d.pointInTime ?? resource.details.imageId ?? '';
  switch (o.kind) {
    case 'replica-bucket':
      return d.replicaName
        ? {
            strategy: 's3-replica-failover',
            replicaBucket: d.replicaName,
            replicaRegion: d.targetRegion,
            sampleKeys: d.sampleKeys ?? [],
          }
        : null;
    case 'version-rollback':
      return { strategy: 's3-version-rollback', bucket: resource.name, region: resource.region, objects: [] };
    case 'read-replica-promotion':
      return d.replicaName
        ? {
            strategy: 'rds-promote-replica',
            replicaId: d.replicaName,
            replicaArn: d.replicaArn ?? d.replicaName,
            lagSeconds: null,
          }
        : null;
    case 'cross-region-pitr': {
      const w = windowOf(o);
      return d.automatedBackupArn && w
        ? {
            strategy: 'rds-pitr-cross-region',
            automatedBackupsArn: d.automatedBackupArn,
            window: w,
            encrypted: d.encrypted ?? false,
          }
        : null;
    }
    case 'snapshot-restore':
      return d.snapshotId
        ? { strategy: 'rds-snapshot-restore', snapshotId: d.snapshotId, snapshotTime: when }
        : null;
    case 'snapshot-copy-restore':
      return d.snapshotArn
        ? {
            strategy: 'rds-snapshot-copy-restore',
            sourceSnapshotArn: d.snapshotArn,
            snapshotTime: when,
            encrypted: d.encrypted ?? false,
          }
        : null;
    case 'ami-launch':
      return d.imageId ? { strategy: 'ec2-ami-launch', imageId: d.imageId, createdAt: when } : null;
    case 'ami-copy-launch':
      return d.imageId
        ? {
            strategy: 'ec2-ami-copy-launch',
            sourceImageId: d.imageId,
            createdAt: when,
            encrypted: d.encrypted ?? false,
          }
        : null;
    case 'global-table-replica':
      return {
        strategy: 'dynamodb-global-replica',
        replicaTableArn: d.replicaArn ?? resource.name,
        replicaStatus: d.replicaStatus ?? 'unknown',
      };
    case 'table-pitr': {
      const w = windowOf(o);
      return w ? { strategy: 'dynamodb-pitr-cross-region', sourceTableArn: d.sourceArn, window: w } : null;
    }
    case 'volume-from-snapshot': {
      const v = d.volumes?.[0];
      if ((resource.kind as string) === 'instance' || !v) return null;
      return {
        strategy: 'ebs-snapshot-copy',
        sourceSnapshotId: v.snapshotId,
        ...(v.snapshotRegion ? { snapshotRegion: v.snapshotRegion } : {}),
        createdAt: v.snapshotTime,
        encrypted: d.encrypted ?? false,
        sizeGiB: v.sizeGiB ?? 8,
        attach: null,
      };
    }
    case 'backup-restore':
      return d.backupArn
        ? { strategy: 'dynamodb-backup-restore', backupArn: d.backupArn, backupTime: when }
        : null;
    default:
      return null;
  }
}

function option(resource: AssessedResource, o: AssessOption): RecoveryOption | null {
  const data = optionData(resource, o);
  if (!data) return null;
  const unmet = o.prerequisites.filter((p) => p.met !== true).map((p) => p.text);
  return {
    data,
    available: o.prerequisitesMet,
    note: unmet.length > 0 ? unmet.join('; ') : null,
    rpoMinutes: o.rpoMinutes,
    best: o.best,
  };
}

/** The data volumes of an instance (root volumes come back with the AMI) as volume resources attached to it. */
function volumesOf(resource: AssessedResource): RecoverableResource[] {
  const seen = new Set<string>();
  const out: RecoverableResource[] = [];
  for (const o of resource.options) {
    for (const v of o.data.volumes ?? []) {
      if (seen.has(v.volumeId) || (v.device && ROOT_DEVICES.has(v.device))) continue;
      seen.add(v.volumeId);
      const arn = `arn:aws:ec2:${resource.region}:${resource.id.split(':')[4] ?? ''}:volume/${v.volumeId}`;
      out.push({
        id: `${resource.id}/${v.volumeId}`,
        service: 'ec2',
        kind: 'volume',
        name: `${resource.name}-${v.device?.replace(/^\/dev\//, '') ?? v.volumeId}`,
        arn,
        region: resource.region,
        tier: resource.tier.id,
        tags: resource.tags ?? {},
        details: { availabilityZone: resource.details.availabilityZone, dependsOn: [resource.id] },
        options: [
          {
            data: {
              strategy: 'ebs-snapshot-copy',
              sourceSnapshotId: v.snapshotId,
              ...(v.snapshotRegion ? { snapshotRegion: v.snapshotRegion } : {}),
              createdAt: v.snapshotTime,
              encrypted: o.data.encrypted ?? false,
              sizeGiB: v.sizeGiB ?? 8,
              attach: { instanceResourceId: resource.id, device: v.device ?? '/dev/sdf' },
            },
            available: v.snapshotRegion === resource.region || v.snapshotRegion === o.data.targetRegion,
            note: null,
            rpoMinutes: null,
            best: true,
          },
        ],
      });
    }
  }
  return out;
}

/**
 * The planner's input from an assessment: every resource that lives in the primary region, with
 * the options the planner has a flow for (and each instance's data volumes as their own chains).
 */
export function recoverableFromAssessment(assessment: AssessmentResult): RecoverableResource[] {
  const out: RecoverableResource[] = [];
  for (const r of assessment.resources) {
    if (r.role !== 'primary') continue;
    const options = r.options.map((o) => option(r, o)).filter((o): o is RecoveryOption => o !== null);
    out.push({
      id: r.id,
      service: r.service,
      kind: (r.kind as string) === 'volume' ? 'volume' : r.kind,
      name: r.name,
      arn: r.id,
      region: r.region,
      tier: r.tier.id,
      tags: r.tags ?? {},
      details: {
        ...(r.details.engine ? { engine: r.details.engine } : {}),
        ...(r.details.instanceClass ? { instanceClass: r.details.instanceClass } : {}),
        ...(r.details.multiAZ !== undefined ? { multiAZ: r.details.multiAZ } : {}),
        ...(r.details.port !== undefined ? { port: r.details.port } : {}),
        ...(r.details.instanceType ? { instanceType: r.details.instanceType } : {}),
        ...(r.details.availabilityZone ? { availabilityZone: r.details.availabilityZone } : {}),
        ...(r.details.privateIp ? { privateIp: r.details.privateIp } : {}),
        ...(r.details.ttlAttribute !== undefined ? { ttlAttribute: r.details.ttlAttribute } : {}),
        ...(r.details.pitrEnabled !== undefined ? { pitrEnabled: r.details.pitrEnabled } : {}),
        ...(r.details.billingMode ? { billingMode: r.details.billingMode } : {}),
      },
      options,
    });
    if (r.service === 'ec2' && r.kind === 'instance') out.push(...volumesOf(r));
  }
  return out;
}
