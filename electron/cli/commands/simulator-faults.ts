import { Command, Option } from 'commander';
import type { FaultChange } from '../../core/api/calls/tabletop';
import { describeFaultChange } from '../../core/app/handlers/tabletop-fault-change';
import { changeFaults, readFaults } from '../../simulator/control/control-client';
import type { FaultsReading } from '../../simulator/control/control-client';
import { CliError } from '../cli-core';
import { applyFaultChanges, checkFaultChanges } from '../simulator-faults/apply-fault-changes';
import type { FaultOptions } from '../simulator-faults/fault-options';
import { faultChangesFromOptions } from '../simulator-faults/fault-options';
import { formatFaults } from '../simulator-faults/format-faults';
import {
  parseOutageMode,
  parseQuota,
  parseRate,
  parseRegion,
  parseReplicationLag,
  parseService,
  parseServiceList,
} from '../simulator-faults/parse-fault-values';

/** The simulator `faults` talks to when `--url` is not given: `AWS_ENDPOINT_URL`, else the default port. */
export function defaultSimulatorUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env['AWS_ENDPOINT_URL'] || 'http://127.0.0.1:4566';
}

function collect<T>(parse: (value: string) => T): (value: string, previous: T[] | undefined) => T[] {
  return (value, previous) => [...(previous ?? []), parse(value)];
}

/** What `faults` prints: one line per change made, then the faults in force at `url`. */
export function faultsReport(url: string, reading: FaultsReading, changes: readonly string[]): string {
  const saved =
    changes.length === 0
      ? ''
      : reading.view.persisted
        ? ' (saved to the simulator’s state file)'
        : ' (not saved: the simulator runs without --state, so they last until it stops)';
  return [...changes, `Faults in force at ${url}${saved}:`, ...formatFaults(reading.view.faults)].join('\n');
}

async function run(
  url: string,
  changes: readonly FaultChange[],
): Promise<{ reading: FaultsReading; said: string[] }> {
  if (changes.length === 0) return { reading: await readFaults(url), said: [] };
  let said: string[] = [];
  const reading = await changeFaults(url, (current) => {
    const problem = checkFaultChanges(changes, { regions: current.regions, services: current.services });
    if (problem) throw new Error(`${problem} (the simulator at ${url} was not changed)`);
    said = [];
    let faults = current.faults;
    for (const change of changes) {
      said.push(describeFaultChange(change, faults));
      faults = applyFaultChanges(faults, [change]);
    }
    return faults;
  });
  return { reading, said };
}

/**
 * `dr-war-room simulator faults`: show or switch the faults of a running simulator through its
 * loopback control route; prints the faults in force after each change.
 */
export function simulatorFaultsCommand(): Command {
  return new Command('faults')
    .description(
      'Show or switch the faults of a running simulator: changes take effect on its next request and are saved to its --state file at once.',
    )
    .option(
      '--url <url>',
      'the simulator’s URL, as it printed it (default: $AWS_ENDPOINT_URL, else http://127.0.0.1:4566)',
    )
    .option('--clear', 'remove every fault first (quotas included)')
    .option('--region-down <region>', 'make a region’s APIs fail (repeatable)', collect(parseRegion))
    .addOption(
      new Option(
        '--mode <mode>',
        'how --region-down fails: refused, timeout or 5xx (default refused)',
      ).argParser(parseOutageMode),
    )
    .option('--services <list>', 'fail only these services of --region-down, e.g. s3,rds', parseServiceList)
    .option('--region-up <region>', 'end a region’s outage (repeatable)', collect(parseRegion))
    .option(
      '--throttle <rate>',
      'throttle a fraction of requests: 0.25 or 25% (0 removes the rule)',
      parseRate,
    )
    .option('--region <region>', 'limit --throttle to one region', parseRegion)
    .option('--service <name>', 'limit --throttle to one service (s3, rds, ec2, dynamodb, sts)', parseService)
    .option(
      '--fail-restore <name>',
      'make the restore into this target name (or id) fail (repeatable)',
      collect(String),
    )
    .option('--allow-restore <name>', 'let that restore succeed again (repeatable)', collect(String))
    .option(
      '--quota <key=n>',
      'set a quota: ec2.concurrentSnapshotCopies, rds.concurrentSnapshotCopies, dynamodb.concurrentRestores or ec2.capacity.<instance type>, e.g. ec2.concurrentSnapshotCopies=5 (repeatable)',
      collect(parseQuota),
    )
    .option(
      '--clear-quota <key>',
      'back to the simulator’s default for that quota (repeatable)',
      collect(String),
    )
    .option(
      '--replication-lag <src:dst=duration>',
      'extra S3 replication lag in exercise time, e.g. us-east-1:us-west-2=15m (0 removes it; repeatable)',
      collect(parseReplicationLag),
    )
    .option('--show', 'only show the faults in force (what it does without a change)')
    .option('--json', 'print the faults in force, regions and services as JSON')
    .action(async (opts: FaultOptions & { url?: string; show?: boolean; json?: boolean }) => {
      let changes: FaultChange[];
      try {
        changes = faultChangesFromOptions(opts);
      } catch (error) {
        throw new CliError((error as Error).message);
      }
      const url = opts.url ?? defaultSimulatorUrl();
      let result: { reading: FaultsReading; said: string[] };
      try {
        result = await run(url, changes);
      } catch (error) {
        throw new CliError((error as Error).message);
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(result.reading.view, null, 2)}\n`);
      else process.stdout.write(`${faultsReport(url, result.reading, result.said)}\n`);
    });
}
