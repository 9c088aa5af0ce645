/** The journal entry types the recovery domain writes. */
export const RECOVER_ENTRY = {
  planCreated: 'recover.plan.created',
  confirmed: 'recover.confirmed',
  runState: 'recover.run.state',
  actionState: 'recover.action.state',
  callStarted: 'recover.call.started',
  callCompleted: 'recover.call.completed',
  callFailed: 'recover.call.failed',
  endpointMap: 'recover.endpoint-map',
  /** A restarted app re-attached to a run that was in flight (the board's notice). */
  reattached: 'recover.reattached',
} as const;

/** One of the recovery entry types. */
export type RecoverEntryType = (typeof RECOVER_ENTRY)[keyof typeof RECOVER_ENTRY];

/** The part of a journal entry the run reducer reads. */
export interface RunEntry {
  seq: number;
  time: string;
  type: string;
  data: Record<string, unknown>;
}

/** True for an entry the recovery domain wrote. */
export function isRecoverEntry(entry: { type: string }): boolean {
  return entry.type.startsWith('recover.');
}
