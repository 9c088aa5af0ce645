/** The active-incident marker: `<incidentsDir>/active.json`, holding the id the app opens on. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ensurePrivateDir } from '../fs/ensure-private-dir';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { isIncidentId } from './incident-id';

const ACTIVE_FILE = 'active.json';

/** The active incident's id, or `null` when the marker is missing, unreadable or holds no valid id. */
export async function readActiveIncident(incidentsDir: string): Promise<string | null> {
  try {
    const text = await readFile(path.join(incidentsDir, ACTIVE_FILE), 'utf8');
    const id = (JSON.parse(text) as { incidentId?: unknown }).incidentId;
    return typeof id === 'string' && isIncidentId(id) ? id : null;
  } catch {
    return null;
  }
}

/** Make `id` the active incident (an atomic write of the marker, in a private folder). */
export async function writeActiveIncident(incidentsDir: string, id: string): Promise<void> {
  await ensurePrivateDir(incidentsDir);
  await writeFileAtomic(path.join(incidentsDir, ACTIVE_FILE), `${JSON.stringify({ incidentId: id })}\n`);
}
