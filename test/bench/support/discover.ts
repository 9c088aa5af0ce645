import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The suffix that makes a file in `test/bench/` a case module. */
export const CASE_MODULE_SUFFIX = '.bench.ts';

/** The case modules of a folder (`*.bench.ts`), sorted by name, as absolute paths. */
export async function findCaseModules(benchDir: string): Promise<string[]> {
  const entries = await readdir(benchDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(CASE_MODULE_SUFFIX))
    .map((entry) => path.join(benchDir, entry.name))
    .sort();
}

/** `journal` of `…/journal.bench.ts`. */
export function moduleShortName(file: string): string {
  return path.basename(file, CASE_MODULE_SUFFIX);
}

/**
 * Keep the modules named by the filters (substrings of the short name, e.g. `journal`), all of
 * them without filters. A filter that matches nothing is an error naming the modules there are.
 */
export function selectModules(modules: readonly string[], filters: readonly string[]): string[] {
  if (filters.length === 0) return [...modules];
  const unmatched = filters.filter((f) => !modules.some((m) => moduleShortName(m).includes(f)));
  if (unmatched.length > 0) {
    const known = modules.map(moduleShortName).join(', ') || 'none';
    throw new Error(
      `No benchmark module matches ${unmatched.map((f) => `"${f}"`).join(', ')}. Modules: ${known}.`,
    );
  }
  return modules.filter((m) => filters.some((f) => moduleShortName(m).includes(f)));
}

/**
 * The benchmark functions a case module exports: every exported function whose name ends in
 * `Bench` (`journalBench`). A module without one is an error.
 */
export function benchFunctions(
  file: string,
  exports: Record<string, unknown>,
): Array<[string, () => unknown]> {
  const found = Object.entries(exports).filter(
    (entry): entry is [string, () => unknown] => /Bench$/.test(entry[0]) && typeof entry[1] === 'function',
  );
  if (found.length === 0) {
    throw new Error(
      `${path.basename(file)} exports no benchmark function: export an async function named like \`${moduleShortName(file)}Bench\` returning the cases.`,
    );
  }
  return found.sort(([a], [b]) => a.localeCompare(b));
}
