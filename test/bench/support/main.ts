/**
 * `npm run bench`: run every case module of `test/bench/` (`*.bench.ts`) in its own Node process
 * (so one module's memory and timers cannot skew another's), print a table, and write
 * `bench-results.json`. A module that fails to run is reported by name and makes the exit non-zero.
 *
 * Usage: npm run bench [-- [--out FILE] [--dir DIR] [--list] [--print] [NAME …]]
 *   NAME     part of a module's name: run only the modules it matches
 *   --list   list the case modules
 *   --print  print the table of the results file again, without running anything
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchModuleResultSchema } from './bench-case';
import { findCaseModules, moduleShortName, selectModules } from './discover';
import { describeMachine, loadAverageNow, loadWarning, machineInfo } from './machine';
import {
  formatNotes,
  formatTable,
  reportCase,
  type BenchReport,
  type CaseReport,
  type ModuleFailure,
} from './report';

const projectRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const runner = path.join(import.meta.dirname, 'run-module.ts');
const USAGE = 'Usage: npm run bench [-- [--out FILE] [--dir DIR] [--list] [--print] [NAME …]]';

/** How long one module may run before it is stopped and reported as failed. */
const MODULE_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 20 * 60_000);

interface Args {
  out: string;
  /** The folder of case modules (default `test/bench`). */
  dir: string;
  list: boolean;
  print: boolean;
  filters: string[];
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    out: path.join(projectRoot, 'bench-results.json'),
    dir: path.join(projectRoot, 'test', 'bench'),
    list: false,
    print: false,
    filters: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') {
      const value = argv[++i];
      if (!value) throw new Error('--out needs a file name, e.g. --out bench-results.json');
      args.out = path.resolve(value);
    } else if (arg === '--dir') {
      const value = argv[++i];
      if (!value) throw new Error('--dir needs a folder of *.bench.ts modules');
      args.dir = path.resolve(value);
    } else if (arg === '--list') args.list = true;
    else if (arg === '--print') args.print = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('-')) throw new Error(`Unknown option ${arg}. ${USAGE}`);
    else args.filters.push(arg);
  }
  return args;
}

/** Run one module in a child process; resolve with its cases or reject with why it failed. */
async function runModule(file: string, scratch: string): Promise<unknown> {
  const out = path.join(scratch, `${moduleShortName(file)}.json`);
  const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', runner, file, out], {
    cwd: projectRoot,
    // The case's own output goes to stderr with the progress, so stdout holds only the report.
    stdio: ['ignore', 2, 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), MODULE_TIMEOUT_MS);
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
    },
  );
  clearTimeout(timer);
  if (signal === 'SIGKILL')
    throw new Error(`stopped after ${Math.round(MODULE_TIMEOUT_MS / 1000)} s (BENCH_TIMEOUT_MS)`);
  if (code !== 0) {
    const reason = await readFile(`${out}.error`, 'utf8').catch(() => null);
    const lastLine = stderr.trim().split('\n').at(-1);
    throw new Error(reason?.trim() || lastLine?.trim() || `exited with ${signal ?? `code ${code}`}`);
  }
  return JSON.parse(await readFile(out, 'utf8')) as unknown;
}

/** Print the table, the notes, a warning when the machine was busy, and any failures. */
function printReport(report: BenchReport, out: string): void {
  const { date, machine, cases, failures } = report;
  const when = `${date.slice(0, 16).replace('T', ' ')} UTC`;
  process.stdout.write(`\nBenchmarks, ${when}, on ${describeMachine(machine)}\n`);
  if (machine.runtime) process.stdout.write(`Runtime: ${machine.runtime}\n`);
  process.stdout.write('\n');
  if (cases.length > 0) process.stdout.write(`${formatTable(cases)}\n`);
  const notes = formatNotes(cases);
  if (notes) process.stdout.write(`\n${notes}\n`);
  const warning = loadWarning(machine);
  if (warning) process.stdout.write(`\n⚠ ${warning}\n`);
  process.stdout.write(`\nResults in ${path.relative(process.cwd(), out) || out}.\n`);
  if (failures.length > 0) {
    const plural = failures.length === 1 ? '' : 's';
    process.stdout.write(`\n${failures.length} benchmark module${plural} failed:\n`);
    for (const failure of failures) process.stdout.write(`  ✗ ${failure.module}: ${failure.error}\n`);
  }
}

async function printLast(out: string): Promise<number> {
  const text = await readFile(out, 'utf8').catch(() => {
    throw new Error(`No results in ${out}: run \`npm run bench\` first.`);
  });
  const report = JSON.parse(text) as BenchReport;
  printReport(report, out);
  return report.failures.length > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.print) return printLast(args.out);
  const modules = selectModules(await findCaseModules(args.dir), args.filters);
  if (args.list) {
    for (const file of modules)
      process.stdout.write(`${moduleShortName(file)}\t${path.relative(projectRoot, file)}\n`);
    return 0;
  }
  if (modules.length === 0) throw new Error(`No benchmark modules (*.bench.ts) in ${args.dir}.`);

  const machine = machineInfo();
  const date = new Date().toISOString();
  process.stderr.write(`Benchmarks on ${describeMachine(machine)}\n`);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'drwr-bench-'));
  const cases: CaseReport[] = [];
  const failures: ModuleFailure[] = [];
  try {
    for (const file of modules) {
      const name = path.basename(file);
      process.stderr.write(`\n▶ ${name}\n`);
      const started = performance.now();
      try {
        const parsed = benchModuleResultSchema.parse(await runModule(file, scratch));
        cases.push(...parsed.map((c) => reportCase(name, c)));
        process.stderr.write(`✓ ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        failures.push({ module: name, error: message });
        process.stderr.write(`✗ ${name} failed: ${message}\n`);
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  machine.loadAverage = Math.max(machine.loadAverage, loadAverageNow());
  const report: BenchReport = { date, machine, cases, failures };
  await writeFile(args.out, `${JSON.stringify(report, null, 2)}\n`);
  printReport(report, args.out);
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
