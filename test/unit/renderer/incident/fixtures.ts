import type { JournalEntry, ProcedureSnapshot } from '../../../../electron/core/incident/types';
import { TEST_DECLARATION } from '../../../fixtures/incident/declaration';

/** A small procedure snapshot: five stages, two steps each (the second optional). */
export const PROCEDURE: ProcedureSnapshot = {
  id: 'dr-procedure',
  title: 'DR',
  version: '2.0',
  regions: { primary: 'us-east-1', secondary: 'us-west-2' },
  criteria: [{ id: 'scope', question: 'What is affected?', hint: null }],
  stages: (['assess', 'activate', 'recover', 'validate', 'document'] as const).map((id) => ({
    id,
    title: id[0]!.toUpperCase() + id.slice(1),
    summary: `The ${id} stage.`,
    steps: [
      {
        id: `${id}-one`,
        title: `First ${id} step`,
        kind: 'check',
        required: true,
        action: null,
        runbook: null,
        detail: null,
      },
      {
        id: `${id}-two`,
        title: `Second ${id} step`,
        kind: 'check',
        required: false,
        action: null,
        runbook: null,
        detail: null,
      },
    ],
  })),
};

/** Entries with sequence numbers and times (hashes are not checked by the renderer). */
export function entries(
  items: Array<{ type: string; data?: Record<string, unknown>; actor?: string }>,
  from = 1,
): JournalEntry[] {
  return items.map((item, i) => ({
    seq: from + i,
    time: new Date(Date.UTC(2026, 10, 26, 3, from + i)).toISOString(),
    actor: item.actor ?? 'Ana Ruiz',
    type: item.type,
    data: item.data ?? {},
    prev: `p${from + i}`,
    hash: `h${from + i}`,
  }));
}

/** The declaration entry. */
export const DECLARED = {
  type: 'incident.declared',
  data: {
    ...TEST_DECLARATION,
    targets: [{ id: 'critical', title: 'Critical', rtoMinutes: 120, rpoMinutes: 15 }],
    procedure: PROCEDURE,
  },
};
