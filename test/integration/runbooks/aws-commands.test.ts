import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsOperation, splitShellCommands } from '../../../electron/core/runbooks/shell-commands';
import { DEFAULT_SCENARIO } from '../../../electron/simulator';
import { RUNBOOK_IDS_WITH_AWS_COMMANDS } from '../../support/runbook-ids';
import { loadRunbookFixtures, type RunbookFixtures } from './runbook-fixtures';
import { runRunbookCommands } from './run-runbook';

/**
 * Every `aws` command of every bundled runbook, with its placeholders filled from the default
 * tabletop scenario, run with the real AWS CLI against a fresh simulator per runbook
 * (`runRunbookCommands`: faults, clock and filled values are described there).
 */

let fixtures: RunbookFixtures;

beforeAll(async () => {
  fixtures = await loadRunbookFixtures('aws');
});

afterAll(async () => {
  await fixtures?.close();
});

describe(`every aws command in the runbooks, against the ${DEFAULT_SCENARIO} scenario`, () => {
  it('covers every runbook that has aws commands', () => {
    const withCommands = fixtures.runbooks
      .filter((r) =>
        r.blocks.some((b) => splitShellCommands(b.content).some((c) => awsOperation(c) !== null)),
      )
      .map((r) => r.meta.id)
      .sort();
    expect(withCommands).toEqual([...RUNBOOK_IDS_WITH_AWS_COMMANDS].sort());
  });

  for (const id of RUNBOOK_IDS_WITH_AWS_COMMANDS) {
    it(`${id}: every command succeeds with the real aws CLI`, async () => {
      const runbook = fixtures.runbooks.find((r) => r.meta.id === id);
      expect(runbook, `runbook ${id} is bundled`).toBeDefined();
      const { ran, failures } = await runRunbookCommands({
        runbook: runbook!,
        regions: fixtures.regions,
        files: fixtures.files,
      });
      expect(ran).toBeGreaterThan(0);
      expect(failures, `${id}:\n  ${failures.join('\n  ')}`).toEqual([]);
    });
  }
});
