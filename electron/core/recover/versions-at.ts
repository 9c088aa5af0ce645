import type { ObjectVersionRef } from './types';

/** One object version as ListObjectVersions reports it. */
export interface ListedVersion {
  key: string;
  versionId: string;
  lastModified: string;
  isLatest: boolean;
  etag?: string;
  /** True for a delete marker. */
  deleteMarker?: boolean;
}

/**
 * The versions to copy back so every object looks as it did at `time` (PURE): per key, the
 * newest version written at or before `time`, when it is not already the current one. Keys
 * created after `time` are left alone (a rollback never deletes).
 */
export function versionsAt(versions: readonly ListedVersion[], time: string): ObjectVersionRef[] {
  const at = Date.parse(time);
  const byKey = new Map<string, ListedVersion[]>();
  for (const v of versions) byKey.set(v.key, [...(byKey.get(v.key) ?? []), v]);
  const out: ObjectVersionRef[] = [];
  for (const [key, list] of [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...list].sort((a, b) => Date.parse(b.lastModified) - Date.parse(a.lastModified));
    const target = sorted.find((v) => Date.parse(v.lastModified) <= at);
    if (!target || target.deleteMarker || target.isLatest) continue;
    out.push({ key, versionId: target.versionId, ...(target.etag ? { etag: target.etag } : {}) });
  }
  return out;
}
