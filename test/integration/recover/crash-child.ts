/**
 * The recovering process of the crash test: runs the executor against a simulator whose state
 * is saved to a file before every answer is delivered (AWS is durable), with a JSON-lines journal
 * appended and fsynced before each call (like the incident journal). It is killed at random
 * points and restarted; each start folds the journal and re-attaches.
 *
 * Usage: node --import tsx crash-child.ts <dir>
 */
import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { HttpRequest } from '@smithy/protocol-http';
import type { HttpHandlerOptions } from '@smithy/types';
import { createAwsClients } from '../../../electron/core/aws';
import type { RunEntry } from '../../../electron/core/recover/entry-types';
import { RecoveryExecutor } from '../../../electron/core/recover/executor/executor';
import { foldRun } from '../../../electron/core/recover/run-reducer';
import type { RecoveryPlan } from '../../../electron/core/recover/types';
import { createSimulator, type SimulatorState } from '../../../electron/simulator';
import { recoverScenario } from '../../fixtures/recover/scenario';

const dir = process.argv[2]!;
const stateFile = path.join(dir, 'sim-state.json');
const journalFile = path.join(dir, 'journal.jsonl');
const plan = JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8')) as RecoveryPlan;

function saveSync(state: SimulatorState): void {
  const tmp = `${stateFile}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  const fd = openSync(tmp, 'r');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, stateFile);
}

function readJournal(): RunEntry[] {
  if (!existsSync(journalFile)) return [];
  const entries: RunEntry[] = [];
  for (const line of readFileSync(journalFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line) as RunEntry);
    } catch {
      break; // a torn last line: the append was never acknowledged
    }
  }
  return entries;
}

async function main(): Promise<void> {
  const saved = existsSync(stateFile)
    ? (JSON.parse(readFileSync(stateFile, 'utf8')) as SimulatorState)
    : undefined;
  const sim = await createSimulator(
    saved ? { state: saved } : { scenarioData: recoverScenario({ outage: false }), speed: 600 },
  );
  if (!saved) saveSync(sim.save());
  const handler = {
    handle: async (request: HttpRequest, options?: HttpHandlerOptions) => {
      const answer = await sim.requestHandler.handle(request, options);
      saveSync(sim.save());
      return answer;
    },
  };
  const clients = createAwsClients({ mode: 'TABLETOP', simulator: handler, tuning: { maxAttempts: 3 } });
  const entries = readJournal();
  let seq = entries.length;
  const journal = {
    append: async (type: string, data: Record<string, unknown>): Promise<RunEntry> => {
      seq += 1;
      const entry: RunEntry = { seq, time: new Date().toISOString(), type, data };
      const fd = openSync(journalFile, 'a');
      appendFileSync(fd, `${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
      closeSync(fd);
      return entry;
    },
  };
  if (!entries.some((e) => e.type === 'recover.plan.created')) {
    entries.push(await journal.append('recover.plan.created', { planId: plan.id, plan }));
    entries.push(await journal.append('recover.confirmed', { planId: plan.id, by: 'crash-test' }));
  }
  const executor = new RecoveryExecutor({
    clients,
    journal,
    incidentId: plan.incidentId,
    actor: 'crash-test',
    run: foldRun(entries),
    poll: { initialMs: 20, factor: 1.5, maxMs: 100, timeoutMs: 120_000 },
  });
  const run = await executor.start();
  process.stdout.write(`${run.status}\n`);
  sim.close();
  process.exit(run.status === 'completed' ? 0 : 3);
}

void main();
