import type { AwsClients } from '../aws/clients';
import { allowKinds } from '../aws/guard';
import { sendCall } from './executor/commands';
import type { RecoverableResource, RecoveryMapping, ResourceSelection } from './types';
import { versionsAt, type ListedVersion } from './versions-at';

/** The UI's mapping entries over the file's (field by field). */
export function mergeMapping(
  file: RecoveryMapping,
  ui: Partial<RecoveryMapping> | undefined,
): RecoveryMapping {
  if (!ui) return file;
  const defaults = { ...file.defaults };
  for (const [k, v] of Object.entries(ui.defaults ?? {}))
    defaults[k as keyof RecoveryMapping['defaults']] = {
      ...(defaults[k as keyof RecoveryMapping['defaults']] ?? {}),
      ...v,
    };
  const resources = { ...file.resources };
  for (const [k, v] of Object.entries(ui.resources ?? {})) resources[k] = { ...(resources[k] ?? {}), ...v };
  const nameSuffix = ui.nameSuffix ?? file.nameSuffix;
  return { ...(nameSuffix ? { nameSuffix } : {}), defaults, resources };
}

/**
 * The clients the executor sends with: the registry's guard, and on top a policy allowing only
 * read and create operations (no clean-up delete can ever be sent by a recovery).
 */
export function recoveryClients(clients: AwsClients): AwsClients {
  return clients.withPolicy(allowKinds(['read', 'create'], 'A recovery'));
}

/**
 * For an S3 version rollback to a point in time, list the bucket's versions (read calls) and
 * pick, per key, the version to copy back (see {@link versionsAt}).
 */
export async function rollbackVersions(
  clients: AwsClients,
  selection: ResourceSelection[],
  resources: readonly RecoverableResource[],
): Promise<ResourceSelection[]> {
  const out: ResourceSelection[] = [];
  for (const s of selection) {
    const r = resources.find((x) => x.id === s.resourceId || x.name === s.resourceId);
    const option = r?.options.find((o) => o.data.strategy === 's3-version-rollback')?.data;
    if (
      s.strategy !== 's3-version-rollback' ||
      s.objects ||
      !s.restoreTime ||
      option?.strategy !== 's3-version-rollback'
    ) {
      out.push(s);
      continue;
    }
    const listed: ListedVersion[] = [];
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    for (let page = 0; page < 20; page += 1) {
      const answer = await sendCall(clients, 's3', option.region, 'ListObjectVersions', {
        Bucket: option.bucket,
        ...(keyMarker ? { KeyMarker: keyMarker } : {}),
        ...(versionMarker ? { VersionIdMarker: versionMarker } : {}),
      });
      const versions =
        (answer.Versions as
          | Array<{
              Key?: string;
              VersionId?: string;
              LastModified?: Date;
              IsLatest?: boolean;
              ETag?: string;
            }>
          | undefined) ?? [];
      const markers =
        (answer.DeleteMarkers as
          Array<{ Key?: string; VersionId?: string; LastModified?: Date; IsLatest?: boolean }> | undefined) ??
        [];
      for (const v of versions)
        listed.push({
          key: v.Key ?? '',
          versionId: v.VersionId ?? '',
          lastModified: v.LastModified?.toISOString() ?? '',
          isLatest: v.IsLatest === true,
          ...(v.ETag ? { etag: v.ETag } : {}),
        });
      for (const m of markers)
        listed.push({
          key: m.Key ?? '',
          versionId: m.VersionId ?? '',
          lastModified: m.LastModified?.toISOString() ?? '',
          isLatest: m.IsLatest === true,
          deleteMarker: true,
        });
      if (answer.IsTruncated !== true) break;
      keyMarker = typeof answer.NextKeyMarker === 'string' ? answer.NextKeyMarker : undefined;
      versionMarker = typeof answer.NextVersionIdMarker === 'string' ? answer.NextVersionIdMarker : undefined;
    }
    out.push({ ...s, objects: versionsAt(listed, s.restoreTime) });
  }
  return out;
}

/** Add the data volumes of every selected instance (they attach to it) unless listed already. */
export function expandSelection(
  selection: readonly ResourceSelection[],
  resources: readonly RecoverableResource[],
): ResourceSelection[] {
  const out = [...selection];
  const chosen = new Set(selection.map((s) => s.resourceId));
  for (const s of selection) {
    const r = resources.find((x) => x.id === s.resourceId || x.name === s.resourceId);
    if (r?.service !== 'ec2' || r.kind !== 'instance') continue;
    for (const v of resources)
      if (v.kind === 'volume' && v.id.startsWith(`${r.id}/`) && !chosen.has(v.id))
        out.push({ resourceId: v.id });
  }
  return out;
}
