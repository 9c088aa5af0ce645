import { z } from 'zod';
import { defineCall } from '../define-call';

/** Whether the app acts on a real AWS account or on the simulated tabletop account. */
export type AppMode = 'LIVE' | 'TABLETOP';

/** What the frame needs to know about the running app. */
export interface AppInfo {
  name: string;
  version: string;
  mode: AppMode;
  /** Why this mode was chosen, in one sentence. */
  modeReason: string;
  /** The tabletop scenario, in TABLETOP mode. */
  scenario: { name: string; title: string } | null;
  /** How the UI reaches the core. */
  transport: 'ipc' | 'http';
  /** Where incidents, records and settings are kept. */
  dataDir: string;
}

/** Calls about the app itself. */
export const appCalls = {
  'app.info': defineCall<AppInfo>()({
    summary: 'The app name, version, mode (LIVE or TABLETOP) and data folder.',
    input: z.object({}).strict(),
  }),
};
