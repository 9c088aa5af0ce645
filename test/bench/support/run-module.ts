/**
 * Child process of `npm run bench`: run one case module's benchmark functions and write the
 * validated cases as JSON to the given file. Any failure exits non-zero with the reason on stderr.
 *
 * Usage: node --import tsx --expose-gc test/bench/support/run-module.ts <module.bench.ts> <out.json>
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchModuleResultSchema, type BenchCase } from './bench-case';
import { benchFunctions } from './discover';

async function main(): Promise<void> {
  const [file, out] = process.argv.slice(2);
  if (!file || !out) throw new Error('usage: run-module.ts <module.bench.ts> <out.json>');
  const exports = (await import(pathToFileURL(path.resolve(file)).href)) as Record<string, unknown>;
  const cases: BenchCase[] = [];
  for (const [name, fn] of benchFunctions(file, exports)) {
    process.stderr.write(`  ${name}() …\n`);
    const returned: unknown = await fn();
    const parsed = benchModuleResultSchema.safeParse(returned);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      throw new Error(
        `${name}() returned an invalid result${where}: ${issue?.message ?? 'unknown problem'}.`,
      );
    }
    cases.push(...parsed.data);
  }
  await writeFile(out, JSON.stringify(cases));
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    // The reason, for the report: the parent reads `<out>.error`.
    const out = process.argv[3];
    if (out)
      await writeFile(`${out}.error`, error instanceof Error ? error.message : String(error)).catch(
        () => undefined,
      );
    process.exit(1);
  },
);
