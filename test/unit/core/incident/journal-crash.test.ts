import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from '../../../../electron/core/incident/journal';
import { scanJournal } from '../../../../electron/core/incident/verify-journal';

const KILLS = 50;
let dir: string;
let child: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-crash-'));
  // Bundle the child (TypeScript) into one plain ES module that Node runs directly.
  await build({
    configFile: false,
    logLevel: 'silent',
    ssr: { noExternal: true },
    build: {
      ssr: fileURLToPath(new URL('./support/journal-crash-child.ts', import.meta.url)),
      outDir: path.join(dir, 'child'),
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { entryFileNames: 'journal-crash-child.mjs', format: 'es' } },
    },
  });
  child = path.join(dir, 'child', 'journal-crash-child.mjs');
}, 60_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

const witnessFile = (file: string) => path.join(path.dirname(file), 'head.json');

/** Run the child until `afterMs` past its first output, SIGKILL it, and return the acks it printed. */
function runAndKill(
  file: string,
  seed: number,
  afterMs: number,
): Promise<Array<{ seq: number; hash: string }>> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, file, String(seed), witnessFile(file)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      timer ??= setTimeout(() => proc.kill('SIGKILL'), afterMs);
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`child exited by itself: ${err}`));
      const acks = out
        .split('\n')
        .filter((line) => line.startsWith('ack '))
        .map((line) => {
          const [, seq, hash] = line.split(' ');
          return { seq: Number(seq), hash: hash ?? '' };
        })
        .filter((a) => a.hash.length === 64);
      resolve(acks);
    });
  });
}

describe('journal crash safety', () => {
  it(`keeps every acknowledged entry and a verifying chain across ${KILLS} SIGKILLs at random points`, async () => {
    const file = path.join(dir, 'journal.jsonl');
    let seed = 0x5eed;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const acknowledged = new Map<number, string>();
    let torn = 0;
    let simulated = 0;
    for (let round = 0; round < KILLS; round += 1) {
      const acks = await runAndKill(file, round + 1, Math.floor(rand() * 60));
      for (const ack of acks) acknowledged.set(ack.seq, ack.hash);
      // SIGKILL cannot split one write(2); a power cut can. Every third round also leaves the
      // partial line a lost power would, so the reopen must cut it without losing an acknowledged entry.
      if (round % 3 === 2) {
        const partial = `{"seq":999999,"time":"2026-11-26T03:00:00.000Z","actor":"child","type":"note.added","data":{"text":"${'y'.repeat(Math.floor(rand() * 5000))}`;
        await appendFile(file, partial.slice(0, 1 + Math.floor(rand() * partial.length)));
        simulated += 1;
      }
      const journal = await Journal.open(file, { witnessFile: witnessFile(file) });
      expect(journal.integrity.status, `round ${round}: ${journal.integrity.message}`).not.toBe('tampered');
      if (journal.integrity.status === 'repaired') torn += 1;
      const bySeq = new Map(journal.entries().map((e) => [e.seq, e.hash]));
      for (const [seq, hash] of acknowledged)
        expect(bySeq.get(seq), `round ${round}: entry ${seq}`).toBe(hash);
      await journal.close();
    }
    const scan = scanJournal(await readFile(file));
    expect(scan.broken).toBeNull();
    expect(scan.torn).toBeNull();
    expect(acknowledged.size).toBeGreaterThan(KILLS);
    expect(torn).toBeGreaterThanOrEqual(simulated);
    // Each cut tail was journaled as a warning.
    expect(scan.entries.filter((e) => e.type === 'journal.warning')).toHaveLength(torn);
  }, 90_000);
});
