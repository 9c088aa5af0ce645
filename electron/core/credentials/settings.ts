import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** The session part of `<dataDir>/settings.json` (other parts of the file are kept as they are). */
const sessionSettingsSchema = z.object({ lastProfile: z.string().min(1).optional() }).loose();

/** What the session remembers across starts. */
export type SessionSettings = z.infer<typeof sessionSettingsSchema>;

function settingsFile(dataDir: string): string {
  return path.join(dataDir, 'settings.json');
}

async function readAll(dataDir: string): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(await readFile(settingsFile(dataDir), 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    // A missing or broken settings file only means nothing is remembered; it is rewritten on the next choice.
    return {};
  }
}

/** The remembered session settings (empty when none). */
export async function readSessionSettings(dataDir: string): Promise<SessionSettings> {
  const parsed = sessionSettingsSchema.safeParse((await readAll(dataDir))['session'] ?? {});
  return parsed.success ? parsed.data : {};
}

/** Remember session settings (merged into `settings.json`, written atomically, 0600). */
export async function writeSessionSettings(dataDir: string, patch: SessionSettings): Promise<void> {
  const all = await readAll(dataDir);
  const current = sessionSettingsSchema.safeParse(all['session'] ?? {});
  all['session'] = { ...(current.success ? current.data : {}), ...patch };
  const file = settingsFile(dataDir);
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, file);
}
