/**
 * The journal entry types the incident engine writes and understands. Other domains append
 * their own (`assess.completed`, `recover.call.started` …); the reducer tolerates any type.
 */
export const ENTRY = {
  declared: 'incident.declared',
  stageEntered: 'stage.entered',
  stageSignedOff: 'stage.signed-off',
  stepCompleted: 'step.completed',
  stepSkipped: 'step.skipped',
  activationDecided: 'activation.decided',
  noteAdded: 'note.added',
  statusUpdate: 'status.update',
  recordSaved: 'record.saved',
  evidenceExported: 'evidence.exported',
  journalWarning: 'journal.warning',
  recoverCallCompleted: 'recover.call.completed',
  validateCompleted: 'validate.completed',
} as const;

/** One of the engine's own entry types. */
export type EngineEntryType = (typeof ENTRY)[keyof typeof ENTRY];

/** How the timeline groups entries, for filtering. */
export type EntryKind =
  'note' | 'decision' | 'stage' | 'step' | 'aws' | 'status' | 'record' | 'system' | 'other';

/** The timeline kind of an entry type (and its data, for notes that are decisions). */
export function entryKind(type: string, data: Record<string, unknown>): EntryKind {
  if (type === ENTRY.noteAdded) return data.kind === 'decision' ? 'decision' : 'note';
  if (type === ENTRY.activationDecided) return 'decision';
  if (type === ENTRY.declared || type.startsWith('stage.')) return 'stage';
  if (type.startsWith('step.')) return 'step';
  if (type === ENTRY.statusUpdate) return 'status';
  if (type === ENTRY.recordSaved || type === ENTRY.evidenceExported) return 'record';
  if (type.startsWith('journal.')) return 'system';
  if (/^(assess|recover|validate|drill|aws)\./.test(type)) return 'aws';
  return 'other';
}

/** Every timeline kind, in display order. */
export const entryKinds: readonly EntryKind[] = [
  'decision',
  'note',
  'stage',
  'step',
  'aws',
  'status',
  'record',
  'system',
  'other',
];
