/** Who made a call, for the journal and for logging. */
export interface CallContext {
  /** The transport the call came through. */
  via: 'ipc' | 'http' | 'cli' | 'test';
}
