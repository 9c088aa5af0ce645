/**
 * Child process of the crash test: opens (or creates) a journal and appends forever, printing
 * `ack <seq> <hash>` for every acknowledged entry, until it is killed.
 * Usage: node journal-crash-child.mjs FILE SEED [WITNESS_FILE]
 */
import { existsSync } from 'node:fs';
import { Journal } from '../../../../../electron/core/incident/journal';

const [file, seedText, witnessFile] = process.argv.slice(2);
let seed = Number(seedText ?? '1') >>> 0 || 1;
function random(): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
}

async function main(): Promise<void> {
  if (!file) throw new Error('usage: journal-crash-child FILE SEED');
  const options = witnessFile ? { witnessFile } : {};
  const journal = existsSync(file)
    ? await Journal.open(file, options)
    : await Journal.create(
        file,
        { type: 'incident.declared', actor: 'child', data: { id: 'crash' } },
        options,
      );
  process.stdout.write('ready\n');
  let n = 0;
  for (;;) {
    const batch = 1 + Math.floor(random() * 8);
    await Promise.all(
      Array.from({ length: batch }, () => {
        // Payloads from a few bytes to ~96 KB, so kills land inside large writes too.
        const size = random() < 0.2 ? Math.floor(random() * 96_000) : Math.floor(random() * 200);
        return journal
          .append({ type: 'note.added', actor: 'child', data: { n: n++, text: 'x'.repeat(size) } })
          .then(([entry]) => {
            process.stdout.write(`ack ${entry!.seq} ${entry!.hash}\n`);
          });
      }),
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
