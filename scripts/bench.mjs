// `npm run bench`: the benchmark harness is TypeScript (test/bench/support/main.ts), run with tsx.
// Arguments pass through: `npm run bench -- journal` runs only the journal cases; `-- --list` lists them.
//
// The runtime: the desktop app's core (and with it tabletop mode's in-process simulator) runs on
// the Node.js that Electron bundles, not on the machine's. Electron 40 and later bundle Node 24
// (package.json has Electron 45), so the benchmarks run on Node 24 by default, fetched once from
// the npm registry with `npx node@24`. `--node current` runs them on this machine's Node instead
// (what the command line and the browser-mode fallback run on).
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Node.js major version the project's Electron bundles. */
const ELECTRON_NODE_MAJOR = 24;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  '--node takes "electron" (Node 24, as in the desktop app; the default) or "current" (this machine\'s Node).';

/** Split `--node X` off the arguments; the rest go to the harness. */
function parseRuntime(argv) {
  const rest = [];
  let runtime = 'electron';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--node') {
      runtime = argv[++i];
      if (runtime !== 'electron' && runtime !== 'current') throw new Error(USAGE);
    } else rest.push(argv[i]);
  }
  return { runtime, rest };
}

/** The node binary to run on, and a line saying which and why. */
function resolveNode(runtime) {
  const current = process.versions.node;
  if (runtime === 'current')
    return { node: process.execPath, why: `this machine's Node ${current} (--node current)` };
  if (Number(current.split('.')[0]) === ELECTRON_NODE_MAJOR) {
    return { node: process.execPath, why: `Node ${current}, the major version Electron bundles` };
  }
  const found = spawnSync(
    'npx',
    ['--yes', `node@${ELECTRON_NODE_MAJOR}`, '-p', 'process.execPath + " " + process.version'],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 180_000,
      // Fail fast when the registry cannot be reached instead of retrying for a minute.
      env: { ...process.env, npm_config_fetch_retries: '0' },
    },
  );
  const [node, version] = (found.stdout ?? '').trim().split('\n').at(-1)?.split(' ') ?? [];
  if (found.status === 0 && node && version) {
    return {
      node,
      why: `Node ${version}, the major version Electron bundles (fetched with npx node@${ELECTRON_NODE_MAJOR})`,
    };
  }
  const lines = `${found.stderr ?? ''}`.split('\n').map((line) => line.replace(/^npm error\s*/, '').trim());
  const reason =
    lines.find((line) => /\b(E[A-Z]{3,}|timed out|not found|404)\b/.test(line)) ??
    found.error?.message ??
    lines.find(Boolean) ??
    `exit ${found.status}`;
  return {
    node: process.execPath,
    why:
      `this machine's Node ${current}: Node ${ELECTRON_NODE_MAJOR}, which Electron bundles, could not be fetched ` +
      `with npx (${reason}); the numbers are not the desktop app's`,
  };
}

let parsed;
try {
  parsed = parseRuntime(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
const listing = parsed.rest.some((arg) => ['--list', '--print', '--help', '-h'].includes(arg));
const { node, why } = listing ? { node: process.execPath, why: '' } : resolveNode(parsed.runtime);
if (why) process.stderr.write(`Benchmarks run on ${why}.\n`);
const child = spawn(
  node,
  ['--import', 'tsx', join(root, 'test', 'bench', 'support', 'main.ts'), ...parsed.rest],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DRWR_BENCH_RUNTIME: why },
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
