import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { ec2TagSpecifications } from '../../../electron/core/aws/tags';
import type { LoadedRunbook } from '../../../electron/core/runbooks/load-runbooks';
import { fillPlaceholders, placeholderNames } from '../../../electron/core/runbooks/placeholders';
import { awsOperation, shellWords, splitShellCommands } from '../../../electron/core/runbooks/shell-commands';
import {
  createSimulator,
  DEFAULT_SCENARIO,
  startSimulatorServer,
  type Simulator,
} from '../../../electron/simulator';
import { runAws } from './aws-cli';
import { captureFrom, discoverFacts, valuesFor } from './scenario-values';

/** One HTTP request as the simulator's server hands it to `Simulator.handle`. */
export type SimRawRequest = Parameters<Simulator['handle']>[0];

/** The runbook command being run when a request arrives. */
export interface RunningCommand {
  /** `service operation`, e.g. `ec2 run-instances`. */
  operation: string;
  /** The command with its placeholders filled. */
  filled: string;
  /** The command as the runbook writes it (placeholders intact). */
  raw: string;
}

/** What {@link runRunbookCommands} needs. */
export interface RunbookRunOptions {
  runbook: LoadedRunbook;
  regions: { primary: string; secondary: string };
  files: { local: string; corrupt: string };
  /**
   * Sees every request the simulator's server receives while a command runs, before the
   * simulator answers it (so the account is as AWS would see it when it authorises the call).
   */
  onRequest?: (request: SimRawRequest, sim: Simulator, command: RunningCommand) => void;
}

/** The outcome of one runbook's commands. */
export interface RunbookRunResult {
  /** How many `aws` commands ran. */
  ran: number;
  /** One readable line per command that failed or could not be filled. */
  failures: string[];
  /** Commands that exited 0 but sent no request the simulator saw. */
  silent: string[];
}

const STEP_MS = 6 * 60 * 60 * 1000;

/**
 * Run every `aws` command of one runbook, placeholders filled from the default tabletop
 * scenario, with the real AWS CLI against a fresh simulator served over HTTP.
 *
 * Commands that mention the primary region run with the primary region up (they are for
 * healthy times: readiness, copies ahead of an outage, backup tests); every other command runs
 * with the scenario's faults in force, as during the incident. The simulated clock moves six
 * hours after each command so copies and restores started by one command are ready for the next.
 */
export async function runRunbookCommands(options: RunbookRunOptions): Promise<RunbookRunResult> {
  const { runbook, regions, files, onRequest } = options;
  const id = runbook.meta.id;
  const sim = await createSimulator({ scenario: DEFAULT_SCENARIO });
  const scenarioFaults = sim.faults.save();
  let current: RunningCommand | null = null;
  let seen = 0;
  const handle = sim.handle.bind(sim);
  sim.handle = (request, handleOptions) => {
    seen += 1;
    if (onRequest && current) onRequest(request, sim, current);
    return handle(request, handleOptions);
  };
  const server = await startSimulatorServer(sim, { port: 0 });
  try {
    sim.faults.clear();
    const facts = await discoverFacts(sim, regions.primary, regions.secondary);
    const values = valuesFor(id, facts, files);
    if (id === 'ec2-ebs-volume-recovery' && facts.ec2.secondaryAmi) {
      // The volume is attached to the instance recovered in the secondary region (by the AMI
      // runbook, which tags it with the incident): launch it first, tagged the same way.
      const ec2 = new EC2Client({
        region: regions.secondary,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        requestHandler: sim.requestHandler,
      });
      const launched = await ec2.send(
        new RunInstancesCommand({
          ImageId: facts.ec2.secondaryAmi,
          InstanceType: (facts.ec2.instanceType ?? 't3.micro') as 't3.micro',
          MinCount: 1,
          MaxCount: 1,
          ...(facts.ec2.secondarySubnet ? { SubnetId: facts.ec2.secondarySubnet } : {}),
          TagSpecifications: ec2TagSpecifications(['instance', 'volume', 'network-interface'] as const, {
            incident: values['incident-id'] ?? 'DR-20261126-01',
            source: facts.ec2.secondaryAmi,
            createdBy: 'dr-war-room',
          }),
        }),
      );
      values['instance-id'] = launched.Instances![0]!.InstanceId!;
      values['availability-zone'] = launched.Instances![0]!.Placement!.AvailabilityZone!;
    }
    const declared = new Set(runbook.meta.placeholders.map((p) => p.name));
    const failures: string[] = [];
    const silent: string[] = [];
    let ran = 0;
    for (const block of runbook.blocks) {
      for (const raw of splitShellCommands(block.content)) {
        const operation = awsOperation(raw);
        if (!operation) continue;
        const filled = fillPlaceholders(raw, values);
        const missing = placeholderNames(filled);
        if (missing.length > 0) {
          failures.push(
            `${operation}: no value from the scenario for ${missing.map((m) => `<${m}>`).join(', ')} (the scenario has no such resource)`,
          );
          continue;
        }
        const words = shellWords(filled);
        const region = words[words.indexOf('--region') + 1] ?? regions.secondary;
        sim.faults.load(scenarioFaults);
        if (raw.includes('<primary-region>')) sim.faults.regionUp(regions.primary);
        current = { operation, filled, raw };
        const before = seen;
        const result = await runAws(words, server.url, region);
        current = null;
        ran++;
        if (result.code !== 0) {
          failures.push(
            `${operation} (exit ${result.code}): ${result.stderr.trim().split('\n').slice(-2).join(' ')}\n    ${filled}`,
          );
        } else {
          if (seen === before) silent.push(`${operation}: ${filled}`);
          const answer: unknown = result.stdout.trim() === '' ? {} : JSON.parse(result.stdout);
          captureFrom(operation, answer, declared, values);
        }
        sim.clock.advance(STEP_MS);
      }
    }
    return { ran, failures, silent };
  } finally {
    await server.close();
    sim.close();
  }
}
