import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadProcedure } from '../../../electron/core/runbooks/load-procedure';
import { loadRunbooks, type LoadedRunbook } from '../../../electron/core/runbooks/load-runbooks';
import { createRunbookMarkdown } from '../../../electron/core/runbooks/render-markdown';
import { BUNDLED_RUNBOOKS_DIR } from '../../support/test-core';
import { checkAwsCli } from './aws-cli';
import type { RunbookRunOptions } from './run-runbook';

/** What running the bundled runbooks' commands needs: the runbooks, the regions and two local files. */
export interface RunbookFixtures {
  runbooks: LoadedRunbook[];
  regions: RunbookRunOptions['regions'];
  /** A known-good and a corrupted local file, for the commands that upload one. */
  files: RunbookRunOptions['files'];
  /** Remove the local files. */
  close(): Promise<void>;
}

/**
 * Check the AWS CLI is there, load the bundled procedure and runbooks, and write the two local
 * files the runbooks' upload commands use into a new `drwr-<prefix>-…` folder.
 */
export async function loadRunbookFixtures(prefix: string): Promise<RunbookFixtures> {
  await checkAwsCli();
  const [procedure, load] = await Promise.all([
    loadProcedure(BUNDLED_RUNBOOKS_DIR),
    loadRunbooks(createRunbookMarkdown(), { runbooksDir: BUNDLED_RUNBOOKS_DIR }),
  ]);
  const tmp = await mkdtemp(path.join(os.tmpdir(), `drwr-${prefix}-`));
  const files = { local: path.join(tmp, 'good.txt'), corrupt: path.join(tmp, 'corrupt.txt') };
  await writeFile(files.local, 'quarterly backup test: known good content\n');
  await writeFile(files.corrupt, 'CORRUPTED\n');
  return {
    runbooks: load.runbooks,
    regions: procedure.regions,
    files,
    close: () => rm(tmp, { recursive: true, force: true }),
  };
}
