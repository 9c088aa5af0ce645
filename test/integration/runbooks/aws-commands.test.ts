import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProcedure } from '../../../electron/core/runbooks/load-procedure';
import { loadRunbooks, type LoadedRunbook } from '../../../electron/core/runbooks/load-runbooks';
import { createRunbookMarkdown } from '../../../electron/core/runbooks/render-markdown';
import { awsOperation, splitShellCommands } from '../../../electron/core/runbooks/shell-commands';
import { DEFAULT_SCENARIO } from '../../../electron/simulator';
import { checkAwsCli } from './aws-cli';
import { runRunbookCommands } from './run-runbook';
import { EXPECTED_RUNBOOK_IDS, RUNBOOK_IDS_WITHOUT_AWS_COMMANDS } from '../../support/runbook-ids';

/**
 * Every `aws` command of every bundled runbook, with its placeholders filled from the default
 * tabletop scenario, run with the real AWS CLI against a fresh simulator per runbook
 * (`runRunbookCommands`: faults, clock and filled values are described there).
 */

const root = path.resolve(__dirname, '../../..');
const runbooksDir = path.join(root, 'runbooks');

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
      const { ran, failures } = await runRunbookCommands({ runbook: runbook!, regions, files });
      expect(ran).toBeGreaterThan(0);
      expect(failures, `${id}:\n  ${failures.join('\n  ')}`).toEqual([]);
    });
  }
});
