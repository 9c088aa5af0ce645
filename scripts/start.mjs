// `npm start`: open the desktop app; where Electron's binary cannot be had, start browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath, electronInstallScript } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function binary() {
  const found = electronBinaryPath();
  if (found || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return found;
  const installer = electronInstallScript();
  if (!installer) return null;
  // Electron fetches its binary on first use; give it a bounded chance.
  spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 180_000 });
  return electronBinaryPath();
}

const electron = binary();
if (electron) {
  const child = spawn(electron, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(
    'Electron is not installed on this machine (its binary could not be downloaded): starting browser mode instead.\n',
  );
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'dr-war-room.js'), 'serve', ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
