import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport } from '../../bench/support/report';

const projectRoot = path.resolve(import.meta.dirname, '../../..');

/**
 * Run `npm run bench`'s script. On this machine's Node unless `args` choose (the default fetches
 * Electron's Node version with npx: the fixture modules do not need it).
 */
function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const runtime = args.includes('--node') ? [] : ['--node', 'current'];
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(projectRoot, 'scripts', 'bench.mjs'), ...runtime, ...args],
      {
        cwd: projectRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

// Each test starts Node processes (the harness, then one per module): allow for a busy machine.
describe('npm run bench (the harness, on fixture case modules)', { timeout: 120_000 }, () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-bench-test-'));
    await writeFile(
      path.join(dir, 'good.bench.ts'),
      `export async function goodBench() {
  return [
    { name: 'good: fast way', unit: 'ms', samples: [10, 12, 11], baseline: { name: 'slow way', samples: [40, 44, 42] }, calls: 3, note: 'fixture' },
    { name: 'good: rate', unit: 'calls/s', samples: [5000, 5200] },
  ];
}
export const notABench = 1;
`,
    );
    await writeFile(
      path.join(dir, 'broken.bench.ts'),
      `export async function brokenBench(): Promise<never> {
  throw new Error('electron/core/assess is missing: cannot measure the assessment yet');
}
`,
    );
    await writeFile(path.join(dir, 'nofunction.bench.ts'), 'export const x = 1;\n');
    await writeFile(
      path.join(dir, 'invalid.bench.ts'),
      `export async function invalidBench() {
  return [{ name: 'no samples', unit: 'ms', samples: [] }];
}
`,
    );
    await writeFile(
      path.join(dir, 'helper.ts'),
      'export async function helperBench() { throw new Error("not a module"); }\n',
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the case modules by file name', async () => {
    const run = await runBench(['--dir', dir, '--list']);
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t')[0]),
    ).toEqual(['broken', 'good', 'invalid', 'nofunction']);
  });

  it('runs every module, reports the good ones, and fails naming each module that could not run', async () => {
    const out = path.join(dir, 'results.json');
    const run = await runBench(['--dir', dir, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('| good: fast way');
    expect(run.stdout).toContain('3.82× better than slow way: 42 ms');
    expect(run.stdout).toContain('3 benchmark modules failed:');
    expect(run.stdout).toContain(
      '✗ broken.bench.ts: electron/core/assess is missing: cannot measure the assessment yet',
    );
    expect(run.stdout).toMatch(
      /✗ nofunction\.bench\.ts: nofunction\.bench\.ts exports no benchmark function/,
    );
    expect(run.stdout).toMatch(
      /✗ invalid\.bench\.ts: invalidBench\(\) returned an invalid result at 0\.samples: must hold at least one sample/,
    );

    expect(run.stdout).toContain(`Runtime: this machine's Node ${process.versions.node} (--node current)`);
    const report = JSON.parse(await readFile(out, 'utf8')) as BenchReport;
    expect(report.machine).toMatchObject({
      cores: expect.any(Number),
      node: process.version,
      runtime: `this machine's Node ${process.versions.node} (--node current)`,
    });
    expect(report.machine.cpu.length).toBeGreaterThan(0);
    expect(report.machine.memoryGiB).toBeGreaterThan(0);
    expect(new Date(report.date).toISOString()).toBe(report.date);
    expect(report.cases.map((c) => c.name)).toEqual(['good: fast way', 'good: rate']);
    expect(report.cases[0]).toMatchObject({
      module: 'good.bench.ts',
      stats: { median: 11, min: 10, max: 12 },
      baseline: { name: 'slow way', stats: { median: 42 } },
      speedup: expect.closeTo(42 / 11, 6),
      calls: 3,
    });
    expect(report.failures.map((f) => f.module)).toEqual([
      'broken.bench.ts',
      'invalid.bench.ts',
      'nofunction.bench.ts',
    ]);
  });

  it('exits 0 when every selected module runs', async () => {
    const out = path.join(dir, 'good.json');
    const run = await runBench(['--dir', dir, '--out', out, 'good']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('failed');
    const print = await runBench(['--out', out, '--print']);
    expect(print.code).toBe(0);
    expect(print.stdout).toContain('| good: rate');
  });

  it('refuses a runtime it does not know, saying which it knows', async () => {
    const run = await runBench(['--dir', dir, '--node', '18', 'good']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--node takes "electron" (Node 24, as in the desktop app; the default) or "current"',
    );
  });

  it('refuses a filter that matches no module, naming the modules there are', async () => {
    const run = await runBench(['--dir', dir, 'recover']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'No benchmark module matches "recover". Modules: broken, good, invalid, nofunction.',
    );
  });
});
