import { describe, expect, it } from 'vitest';
import { versionsAt } from '../../../../electron/core/recover/versions-at';

describe('versionsAt', () => {
  const versions = [
    { key: 'a', versionId: 'a3', lastModified: '2026-11-26T03:30:00Z', isLatest: true, etag: '"bad"' },
    { key: 'a', versionId: 'a2', lastModified: '2026-11-26T01:00:00Z', isLatest: false, etag: '"good"' },
    { key: 'a', versionId: 'a1', lastModified: '2026-11-25T01:00:00Z', isLatest: false },
    { key: 'b', versionId: 'b1', lastModified: '2026-11-25T00:00:00Z', isLatest: true },
    { key: 'c', versionId: 'c1', lastModified: '2026-11-26T03:45:00Z', isLatest: true },
    { key: 'd', versionId: 'd2', lastModified: '2026-11-26T03:50:00Z', isLatest: true, deleteMarker: true },
    { key: 'd', versionId: 'd1', lastModified: '2026-11-26T00:00:00Z', isLatest: false },
  ];

  it('picks, per key, the newest version at or before the time, unless it is already current', () => {
    expect(versionsAt(versions, '2026-11-26T02:00:00Z')).toEqual([
      { key: 'a', versionId: 'a2', etag: '"good"' },
      { key: 'd', versionId: 'd1' },
    ]);
  });

  it('leaves alone keys written after the time, and rolls back nothing when the time is now', () => {
    expect(versionsAt(versions, '2026-11-24T00:00:00Z')).toEqual([]);
    expect(versionsAt(versions, '2026-11-26T04:00:00Z')).toEqual([]);
  });
});
