import path from 'node:path';
import { Core } from '../../electron/core/app/core';
import type { CoreOptions } from '../../electron/core/app/core-options';

/** The bundled runbooks folder of this checkout. */
export const BUNDLED_RUNBOOKS_DIR = path.resolve(import.meta.dirname, '../../runbooks');

/**
 * A tabletop core on `dataDir` with the bundled runbooks, as the shell (`ipc`) or the bridge
 * (`http`) opens it; the caller closes it.
 */
export function createTabletopCore(dataDir: string, transport: CoreOptions['transport']): Promise<Core> {
  return Core.create({
    dataDir,
    runbooksDir: BUNDLED_RUNBOOKS_DIR,
    mode: 'TABLETOP',
    transport,
    version: '0.0.0-test',
  });
}
