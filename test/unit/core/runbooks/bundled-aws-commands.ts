import { loadRunbooks, type LoadedRunbook } from '../../../../electron/core/runbooks/load-runbooks';
import { createRunbookMarkdown } from '../../../../electron/core/runbooks/render-markdown';
import {
  awsOperation,
  shellWords,
  splitShellCommands,
} from '../../../../electron/core/runbooks/shell-commands';
import { BUNDLED_RUNBOOKS_DIR } from '../../../support/test-core';

/** One `aws` command of a bundled runbook, as written (placeholders intact). */
export interface RunbookAwsCommand {
  /** The runbook's id. */
  runbook: string;
  /** The whole code block the command stands in. */
  block: string;
  command: string;
  /** `service operation`, e.g. `ec2 run-instances`. */
  operation: string;
  words: string[];
}

/** The runbooks of this checkout's `runbooks/` folder. */
export async function loadBundledRunbooks(): Promise<LoadedRunbook[]> {
  return (await loadRunbooks(createRunbookMarkdown(), { runbooksDir: BUNDLED_RUNBOOKS_DIR })).runbooks;
}

/** Every `aws` command in the runbooks' code blocks, in order. */
export function awsCommandsOf(runbooks: readonly LoadedRunbook[]): RunbookAwsCommand[] {
  return runbooks.flatMap((runbook) =>
    runbook.blocks.flatMap((block) =>
      splitShellCommands(block.content).flatMap((command) => {
        const operation = awsOperation(command);
        return operation
          ? [
              {
                runbook: runbook.meta.id,
                block: block.content,
                command,
                operation,
                words: shellWords(command),
              },
            ]
          : [];
      }),
    ),
  );
}
