import type { AppMode } from '../api/calls/app';

/** How the core is started (by the Electron main process, the bridge, the CLI or a test). */
export interface CoreOptions {
  /** Where incidents, records and settings are kept (created 0700). */
  dataDir: string;
  /** The bundled runbooks folder (procedure, policy, procedures, scenarios). */
  runbooksDir: string;
  /** The environment to read AWS settings from (defaults to `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Force a mode instead of detecting it from the AWS configuration. */
  mode?: AppMode;
  /** The tabletop scenario name (implies TABLETOP). */
  scenario?: string;
  /** How fast the tabletop clock runs (1 to 600; the scenario's own speed by default). */
  speed?: number;
  /** How the UI reaches this core. */
  transport: 'ipc' | 'http';
  /** The app version shown in the UI. */
  version: string;
}
