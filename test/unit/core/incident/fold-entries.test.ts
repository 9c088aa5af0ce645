import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTRY } from '../../../../electron/core/incident/entry-types';
import { foldEntries, reduceIncident } from '../../../../electron/core/incident/reducer';
import type { IncidentState, JournalEntry } from '../../../../electron/core/incident/types';
import { chain, declared } from './support/fixtures';

const stage = fc.constantFrom('assess', 'activate', 'recover', 'validate', 'document');
const item = fc.oneof(
  fc.record({
    type: fc.constant(ENTRY.noteAdded),
    data: fc.record({ text: fc.string(), kind: fc.constantFrom('note', 'decision') }),
  }),
  fc.record({
    type: fc.constant(ENTRY.stepCompleted),
    data: fc.record({ stepId: fc.constantFrom('confirm-outage', 'run-assessment', 'plan-recovery') }),
  }),
  fc.record({
    type: fc.constant(ENTRY.stepSkipped),
    data: fc.record({ stepId: fc.constantFrom('review-gaps'), reason: fc.string() }),
  }),
  fc.record({ type: fc.constant(ENTRY.stageEntered), data: fc.record({ stage }) }),
  fc.record({
    type: fc.constant(ENTRY.stageSignedOff),
    data: fc.record({ stage, by: fc.constant('Ana Ruiz') }),
  }),
  fc.record({
    type: fc.constant('recover.call.started'),
    data: fc.record({ callId: fc.constantFrom('a', 'b', 'c') }),
  }),
  fc.record({
    type: fc.constant('recover.call.completed'),
    data: fc.record({
      callId: fc.constantFrom('a', 'b', 'c'),
      resourceId: fc.constantFrom('db', 'bucket'),
      requestId: fc.string(),
    }),
  }),
  fc.record({
    type: fc.constant(ENTRY.validateCompleted),
    data: fc.record({
      resourceId: fc.constantFrom('db', 'bucket'),
      achievedRtoMinutes: fc.nat(500),
      ok: fc.boolean(),
    }),
  }),
  fc.record({ type: fc.constantFrom('assess.inventory', 'future.thing'), data: fc.constant({}) }),
);

describe('foldEntries', () => {
  it('gives exactly what reducing entry by entry gives, and never changes the state it starts from', async () => {
    const head = await declared();
    await fc.assert(
      fc.asyncProperty(fc.array(item, { maxLength: 60 }), fc.nat(60), async (items, split) => {
        const entries: JournalEntry[] = chain([head, ...items]);
        let expected: IncidentState | null = null;
        for (const entry of entries) expected = reduceIncident(expected, entry);
        const cut = Math.min(split, entries.length);
        const start = foldEntries(null, entries.slice(0, cut));
        const frozen = JSON.stringify(start);
        const seen: number[] = [];
        const result = foldEntries(start, entries.slice(cut), (entry) => seen.push(entry.seq));
        expect(result).toEqual(expected);
        expect(JSON.stringify(start)).toBe(frozen);
        expect(seen).toEqual(entries.slice(cut).map((e) => e.seq));
      }),
      { numRuns: 150 },
    );
  });
});
