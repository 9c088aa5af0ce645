import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { createSimulator } from '../../simulator/core/create-simulator';
import type { Simulator } from '../../simulator/core/create-simulator';
import type { StateFileSaver } from '../../simulator/core/state-file';
import { readStateFile, saveOnMutation, writeStateFile } from '../../simulator/core/state-file';
import { startSimulatorServer } from '../../simulator/server';
import type { SimulatorServer } from '../../simulator/server';
import { resumeNotes, scenarioNameOf } from '../simulator-resume';
import { simulatorFaultsCommand } from './simulator-faults';

/** Options of `dr-war-room simulator`. */
export interface SimulatorCommandOptions {
  port: number;
  host?: string;
  scenario?: string;
  scenariosDir?: string;
  speed?: number;
  state?: string;
  seed?: number;
}

/** A running `dr-war-room simulator`. */
export interface RunningSimulator {
  sim: Simulator;
  server: SimulatorServer;
  /** Whether the state came from `--state FILE`. */
  resumed: boolean;
  /** The lines the command prints on start. */
  banner: string[];
  /** Save the state (when `--state` was given), close the server and the simulator. */
  stop(): Promise<void>;
}

/**
 * Start the simulator and its HTTP server as the command does: resume from `--state FILE` when it
 * exists (else start the scenario and write the file), and save after mutating requests.
 */
export async function runSimulator(
  options: SimulatorCommandOptions,
  onSaveError: (error: Error) => void = () => undefined,
): Promise<RunningSimulator> {
  const stateFile = options.state ? path.resolve(options.state) : undefined;
  const saved = stateFile ? await readStateFile(stateFile) : undefined;
  const resumeLines =
    saved && stateFile
      ? resumeNotes({
          file: stateFile,
          savedScenario: saved.scenario.name,
          ...(options.scenario
            ? {
                requested: {
                  option: options.scenario,
                  name: await scenarioNameOf(options.scenario, options.scenariosDir),
                },
              }
            : {}),
          ...(options.seed !== undefined ? { seed: options.seed } : {}),
        })
      : [];
  const sim = await createSimulator({
    ...(saved ? { state: saved } : {}),
    ...(options.scenario ? { scenario: options.scenario } : {}),
    ...(options.scenariosDir ? { scenariosDir: options.scenariosDir } : {}),
    ...(options.speed !== undefined ? { speed: options.speed } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  // The saver runs before the server listens, so a facilitator's fault change (the control
  // route answers once `save()` has it on disk) and every mutating request are saved from the
  // first request on.
  let saver: StateFileSaver | undefined;
  let server: SimulatorServer;
  try {
    if (stateFile) {
      await writeStateFile(stateFile, sim);
      saver = saveOnMutation(sim, stateFile, { onError: onSaveError });
    }
    const persist = saver?.save;
    server = await startSimulatorServer(sim, {
      port: options.port,
      ...(options.host ? { host: options.host } : {}),
      ...(persist ? { onFaultsChanged: persist } : {}),
    });
  } catch (error) {
    saver?.stop();
    sim.close();
    throw error;
  }
  const region = sim.regions.find((r) => r !== 'us-east-1') ?? sim.regions[0] ?? 'us-east-1';
  const banner = [
    `Simulator listening on ${server.url} (scenario ${sim.scenario.name}, account ${sim.accountId})`,
    `Try: AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws --endpoint-url ${server.url} --region ${region} s3api list-buckets`,
  ];
  if (stateFile) banner.push(`${saved ? 'Resumed from' : 'Saving state to'} ${stateFile}`, ...resumeLines);
  if (sim.scenario.description) banner.push(sim.scenario.description);
  let stopped = false;
  return {
    sim,
    server,
    resumed: saved !== undefined,
    banner,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (saver) {
        await saver.flush();
        saver.stop();
      }
      await server.close();
      // A clean stop pauses the account's clock (see writeStateFile); a crash does not.
      if (stateFile) await writeStateFile(stateFile, sim, { pauseClock: true });
      sim.close();
    },
  };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidArgumentError('must be a port number from 0 to 65535 (0 picks a free one)');
  }
  return port;
}

function parseSpeed(value: string): number {
  const speed = Number(value);
  if (!Number.isFinite(speed) || speed < 1 || speed > 600)
    throw new InvalidArgumentError('must be a number from 1 to 600');
  return speed;
}

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!Number.isInteger(seed)) throw new InvalidArgumentError('must be an integer');
  return seed;
}

/** `dr-war-room simulator`: the tabletop AWS account on 127.0.0.1, for the CLI and the `aws` CLI. */
export function simulatorCommand(): Command {
  return new Command('simulator')
    .description('Run the tabletop AWS account on 127.0.0.1 (point the aws CLI at it with --endpoint-url).')
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 4566)
    .option('--scenario <name>', 'scenario name in runbooks/scenarios, or a YAML file path')
    .option('--speed <x>', 'exercise speed, 1 to 600 (simulated seconds per real second)', parseSpeed)
    .option(
      '--state <file>',
      'resume from FILE when it exists; keep the account there across restarts (every change is saved before it is answered; after Ctrl+C the clock resumes where it stopped, after a crash it catches up the time it was down × speed)',
    )
    .option('--seed <n>', 'random seed (overrides the scenario)', parseSeed)
    .action(
      async (opts: { port: number; scenario?: string; speed?: number; state?: string; seed?: number }) => {
        const running = await runSimulator(opts, (error) =>
          process.stderr.write(`Could not save the simulator state: ${error.message}\n`),
        );
        const [listening, example, ...rest] = running.banner;
        process.stdout.write(`${listening}\n${example}\n`);
        for (const line of rest) process.stderr.write(`${line}\n`);
        process.stderr.write('Press Ctrl+C to stop.\n');
        const stop = (): void => {
          void running.stop().then(
            () => process.exit(0),
            (error: unknown) => {
              process.stderr.write(`Simulator stopped with an error: ${(error as Error).message}\n`);
              process.exit(1);
            },
          );
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      },
    )
    .addCommand(simulatorFaultsCommand());
}
