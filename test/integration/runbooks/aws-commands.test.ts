import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProcedure } from '../../../electron/core/runbooks/load-procedure';
import { loadRunbooks, type LoadedRunbook } from '../../../electron/core/runbooks/load-runbooks';
import { fillPlaceholders, placeholderNames } from '../../../electron/core/runbooks/placeholders';
import { createRunbookMarkdown } from '../../../electron/core/runbooks/render-markdown';
import { awsOperation, shellWords, splitShellCommands } from '../../../electron/core/runbooks/shell-commands';
import { createSimulator, DEFAULT_SCENARIO, startSimulatorServer } from '../../../electron/simulator';
import { checkAwsCli, runAws } from './aws-cli';
import { captureFrom, discoverFacts, valuesFor } from './scenario-values';
import { EXPECTED_RUNBOOK_IDS, RUNBOOK_IDS_WITHOUT_AWS_COMMANDS } from '../../support/runbook-ids';

/**
 * Every `aws` command of every bundled runbook, with its placeholders filled from the default
 * tabletop scenario, run with the real AWS CLI against a fresh simulator per runbook.
 *
 * Commands that mention the primary region run with the primary region up (they are for
 * healthy times: readiness, copies ahead of an outage, backup tests); every other command runs
 * with the scenario's faults in force, as during the incident. The simulated clock moves six
 * hours after each command so copies and restores started by one command are ready for the next.
 */

const root = path.resolve(__dirname, '../../..');
const runbooksDir = path.join(root, 'runbooks');
const STEP_MS = 6 * 60 * 60 * 1000;

let runbooks: LoadedRunbook[] = [];
let regions: { primary: string; secondary: string };
let tmp: string;
const files = { local: '', corrupt: '' };

beforeAll(async () => {
  await checkAwsCli();
  const [procedure, load] = await Promise.all([
    loadProcedure(runbooksDir),
    loadRunbooks(createRunbookMarkdown(), { runbooksDir }),
  ]);
  regions = procedure.regions;
  runbooks = load.runbooks;
  tmp = await mkdtemp(path.join(os.tmpdir(), 'drwr-aws-'));
  files.local = path.join(tmp, 'good.txt');
  files.corrupt = path.join(tmp, 'corrupt.txt');
  await writeFile(files.local, 'quarterly backup test: known good content\n');
  await writeFile(files.corrupt, 'CORRUPTED\n');
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const RUNBOOK_IDS = EXPECTED_RUNBOOK_IDS.filter((id) => !RUNBOOK_IDS_WITHOUT_AWS_COMMANDS.has(id));

describe(`every aws command in the runbooks, against the ${DEFAULT_SCENARIO} scenario`, () => {
  it('covers every runbook that has aws commands', () => {
    const withCommands = runbooks
      .filter((r) =>
        r.blocks.some((b) => splitShellCommands(b.content).some((c) => awsOperation(c) !== null)),
      )
      .map((r) => r.meta.id)
      .sort();
    expect(withCommands).toEqual([...RUNBOOK_IDS].sort());
  });

  for (const id of RUNBOOK_IDS) {
    it(`${id}: every command succeeds with the real aws CLI`, async () => {
      const runbook = runbooks.find((r) => r.meta.id === id);
      expect(runbook, `runbook ${id} is bundled`).toBeDefined();
      const sim = await createSimulator({ scenario: DEFAULT_SCENARIO });
      const scenarioFaults = sim.faults.save();
      const server = await startSimulatorServer(sim, { port: 0 });
      try {
        sim.faults.clear();
        const facts = await discoverFacts(sim, regions.primary, regions.secondary);
        const values = valuesFor(id, facts, files);
        if (id === 'ec2-ebs-volume-recovery' && facts.ec2.secondaryAmi) {
          // The volume is attached to the instance recovered in the secondary region: launch it first.
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
            }),
          );
          values['instance-id'] = launched.Instances![0]!.InstanceId!;
          values['availability-zone'] = launched.Instances![0]!.Placement!.AvailabilityZone!;
        }
        const declared = new Set(runbook!.meta.placeholders.map((p) => p.name));
        const failures: string[] = [];
        let ran = 0;
        for (const block of runbook!.blocks) {
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
            if (raw.includes('<primary-region>')) {
              sim.faults.load(scenarioFaults);
              sim.faults.regionUp(regions.primary);
            } else {
              sim.faults.load(scenarioFaults);
            }
            const result = await runAws(words, server.url, region);
            ran++;
            if (result.code !== 0) {
              failures.push(
                `${operation} (exit ${result.code}): ${result.stderr.trim().split('\n').slice(-2).join(' ')}\n    ${filled}`,
              );
            } else {
              const answer: unknown = result.stdout.trim() === '' ? {} : JSON.parse(result.stdout);
              captureFrom(operation, answer, declared, values);
            }
            sim.clock.advance(STEP_MS);
          }
        }
        expect(ran).toBeGreaterThan(0);
        expect(failures, `${id}:\n  ${failures.join('\n  ')}`).toEqual([]);
      } finally {
        await server.close();
        sim.close();
      }
    });
  }
});
