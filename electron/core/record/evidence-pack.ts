import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../api/errors';
import { ensurePrivateDir } from '../fs/ensure-private-dir';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { scanJournal } from '../incident/verify-journal';
import type { EvidencePack, EvidenceVerification } from './evidence-types';
import { fileStamp } from './record-file-name';

/** The manifest's file name inside a pack. */
export const MANIFEST_FILE = 'manifest.sha256';
/** The journal copy's file name inside a pack. */
export const PACK_JOURNAL_FILE = 'journal.jsonl';
/** The pack's description file. */
export const PACK_INFO_FILE = 'pack.json';

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Export an evidence pack (SOC 2 CC7.3) to `<evidenceDir>/<incidentId>-<stamp>/`: a copy of the
 * journal, the given record files, `pack.json`, and `manifest.sha256` (`sha256sum -c` format).
 * Never overwrites: a pack folder that exists gets a `-2`, `-3` … suffix.
 */
export async function exportEvidencePack(options: {
  evidenceDir: string;
  incidentId: string;
  journalFile: string;
  recordFiles: string[];
  now: Date;
}): Promise<EvidencePack> {
  await ensurePrivateDir(options.evidenceDir);
  const base = `${options.incidentId}-${fileStamp(options.now)}`;
  const dir = await makeFreshDir(path.join(options.evidenceDir, base));
  const journalBytes = await readFile(options.journalFile);
  const scan = scanJournal(journalBytes);
  // Only the verified, complete lines: a torn tail was never acknowledged.
  const journalCopy = journalBytes.subarray(0, scan.validBytes);
  const contents = new Map<string, Uint8Array>();
  contents.set(PACK_JOURNAL_FILE, scan.broken ? journalBytes : journalCopy);
  for (const file of options.recordFiles) contents.set(path.basename(file), await readFile(file));
  const journal: EvidencePack['journal'] = {
    entries: scan.entries.length,
    headHash: scan.entries[scan.entries.length - 1]?.hash ?? null,
    status: scan.broken ? 'tampered' : scan.torn ? 'torn' : 'ok',
  };
  const info = {
    schema: 'dr-war-room/evidence-pack@1',
    incidentId: options.incidentId,
    createdAt: options.now.toISOString(),
    control: 'SOC 2 CC7.3',
    journal,
    files: [...contents.keys()].sort(),
    verify: `dr-war-room incident verify "${dir}"  (or: cd into the folder and run sha256sum -c ${MANIFEST_FILE})`,
  };
  contents.set(PACK_INFO_FILE, Buffer.from(`${JSON.stringify(info, null, 2)}\n`));
  for (const [name, data] of contents) await writeFileAtomic(path.join(dir, name), data, { exclusive: true });
  const names = [...contents.keys()].sort();
  const manifest = names.map((name) => `${sha256(contents.get(name)!)}  ${name}`).join('\n') + '\n';
  await writeFileAtomic(path.join(dir, MANIFEST_FILE), manifest, { exclusive: true });
  return { dir, files: [...names, MANIFEST_FILE], journal };
}

/** Create `<base>` (0700), or `<base>-2`, `-3` … when it exists; returns the folder made. */
async function makeFreshDir(base: string): Promise<string> {
  for (let n = 1; n < 1000; n += 1) {
    const dir = n === 1 ? base : `${base}-${n}`;
    try {
      await mkdir(dir, { mode: 0o700 });
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new AppError('CONFLICT', `Could not find a free evidence pack folder name beside ${base}.`);
}

/**
 * Re-verify an evidence pack: every file listed in the manifest has its hash, no file is missing
 * or unlisted, and the journal copy's hash chain verifies and ends at the head in `pack.json`.
 */
export async function verifyEvidencePack(dir: string): Promise<EvidenceVerification> {
  let manifest: string;
  try {
    manifest = await readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new AppError('NOT_FOUND', `${dir} is not an evidence pack: it has no ${MANIFEST_FILE}.`, { dir });
  }
  const problems: string[] = [];
  const files: EvidenceVerification['files'] = [];
  const listed = new Set<string>();
  manifest
    .split('\n')
    .filter((line) => line.trim() !== '')
    .forEach((line, i) => {
      const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
      if (!match || match[2]!.includes('/') || match[2]!.includes('\\') || match[2] === '..') {
        problems.push(`${MANIFEST_FILE} line ${i + 1} is not "<sha256>  <file name>".`);
        return;
      }
      listed.add(match[2]!);
      files.push({ name: match[2]!, ok: false, expected: match[1]!, actual: null });
    });
  for (const file of files) {
    try {
      file.actual = sha256(await readFile(path.join(dir, file.name)));
      file.ok = file.actual === file.expected;
      if (!file.ok) problems.push(`${file.name} was changed after the pack was made (its SHA-256 differs).`);
    } catch {
      problems.push(`${file.name} is listed in the manifest but missing.`);
    }
  }
  for (const name of await readdir(dir)) {
    if (name === MANIFEST_FILE || listed.has(name)) continue;
    if ((await stat(path.join(dir, name))).isFile())
      problems.push(`${name} is in the pack but not in the manifest.`);
  }
  let journal: EvidenceVerification['journal'] = { entries: 0, headHash: null, status: 'missing' };
  try {
    const scan = scanJournal(await readFile(path.join(dir, PACK_JOURNAL_FILE)));
    journal = {
      entries: scan.entries.length,
      headHash: scan.entries[scan.entries.length - 1]?.hash ?? null,
      status: scan.broken ? 'tampered' : scan.torn ? 'torn' : 'ok',
    };
    if (scan.broken)
      problems.push(`The journal's hash chain breaks at line ${scan.broken.line}: ${scan.broken.reason}.`);
  } catch {
    problems.push(`The pack has no ${PACK_JOURNAL_FILE}.`);
  }
  try {
    const info = JSON.parse(await readFile(path.join(dir, PACK_INFO_FILE), 'utf8')) as {
      journal?: { headHash?: unknown };
    };
    if (journal.status !== 'missing' && info.journal?.headHash !== journal.headHash) {
      problems.push(`The journal copy does not end at the head hash recorded in ${PACK_INFO_FILE}.`);
    }
  } catch {
    problems.push(`${PACK_INFO_FILE} is missing or unreadable.`);
  }
  return { dir, ok: problems.length === 0, files, problems, journal };
}
