import { Command, InvalidArgumentError, Option } from 'commander';
import path from 'node:path';
import { startBridge } from '../../bridge/start-bridge';
import { packageRootSync } from '../../core/paths/package-root';
import { openCore, say } from '../cli-core';

/** `dr-war-room serve`: the UI in a browser, on 127.0.0.1, with a per-run token. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('Serve the app to a browser on 127.0.0.1 (browser mode), with the same API as the desktop.')
    .addOption(new Option('--port <n>', 'port to listen on (0 picks a free one)').default('0'))
    .option('--scenario <name>', 'run a tabletop exercise on this scenario')
    .option('--speed <x>', 'tabletop clock speed, 1 to 600 (AWS minutes pass in seconds)', parseSpeed)
    .option('--data-dir <dir>', 'where incidents and records are kept')
    .action(async (opts: { port: string; scenario?: string; speed?: number; dataDir?: string }) => {
      const core = await openCore(opts);
      if (core.mode.mode === 'TABLETOP') {
        // Open the simulated account now, so an unknown scenario or a broken file stops here with its message.
        await core.tabletopSimulator();
      }
      const bridge = await startBridge(core, {
        port: Number(opts.port),
        rendererDir: path.join(packageRootSync(), 'out', 'renderer'),
      });
      process.stdout.write(`DR War Room (${core.mode.mode}) is ready at ${bridge.url}\n`);
      say('Open that address in a browser. It works only from this machine. Press Ctrl+C to stop.');
      const stop = async () => {
        await bridge.close();
        await core.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}

/** Parse `--speed`: a number from 1 to 600. */
export function parseSpeed(value: string): number {
  const speed = Number(value);
  if (!Number.isFinite(speed) || speed < 1 || speed > 600) {
    throw new InvalidArgumentError('the speed must be a number from 1 to 600.');
  }
  return speed;
}
