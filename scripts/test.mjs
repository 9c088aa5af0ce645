// `npm test`: static checks, the build, then every Vitest project; ends with one line of counts.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const steps = [
  ['Type-check: Node side (electron/, tests)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']],
  ['Type-check: web side (renderer/)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']],
  ['Lint (ESLint)', bin('eslint'), ['--max-warnings', '0', '.']],
  ['Format (Prettier)', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
  ['Build (electron-vite)', bin('electron-vite'), ['build', '--logLevel', 'warn']],
];

const started = Date.now();
for (const [title, command, args] of steps) {
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stdout.write(`\n✗ ${title} failed.\n\n0 passed, 1 failed\n`);
    process.exit(1);
  }
}

process.stdout.write('\n▶ Tests (Vitest: unit, components, integration, e2e)\n');
const vitest = spawnSync(bin('vitest'), ['run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.stdout.write(`(npm test took ${Math.round((Date.now() - started) / 1000)} s)\n`);
process.exit(vitest.status ?? 1);
