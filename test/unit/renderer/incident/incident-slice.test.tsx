import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { foldIncident } from '../../../../electron/core/incident/reducer';
import { toTimelineItem } from '../../../../electron/core/incident/timeline';
import type { JournalEntry } from '../../../../electron/core/incident/types';
import { DECLARED, entries } from './fixtures';

const journal: JournalEntry[] = [];
const calls: Array<{ name: string; input: unknown }> = [];

function view() {
  const state = foldIncident(journal)!;
  return {
    state,
    integrity: { status: 'ok', message: null, broken: null, tornBytesCut: 0 },
    readOnly: false,
    active: true,
    journalPath: '/data/incidents/DR-20261126-01/journal.jsonl',
  };
}

vi.mock('../../../../renderer/src/api/client', () => ({
  transport: 'http',
  subscribeEvents: () => () => undefined,
  api: {
    incident: {
      active: async () => ({ ok: true, value: journal.length ? view() : null }),
      open: async (input: unknown) => {
        calls.push({ name: 'open', input });
        return { ok: true, value: view() };
      },
      list: async () => ({ ok: true, value: [] }),
      timeline: async (input: { afterSeq?: number }) => {
        calls.push({ name: 'timeline', input });
        return {
          ok: true,
          value: journal.filter((e) => e.seq > (input.afterSeq ?? 0)).map((e) => toTimelineItem(e, null)),
        };
      },
      note: async (input: { text: string; kind: string }) => {
        calls.push({ name: 'note', input });
        const [entry] = entries(
          [{ type: 'note.added', data: { text: input.text, kind: input.kind } }],
          journal.length + 1,
        );
        journal.push(entry!);
        return { ok: true, value: entry };
      },
    },
  },
}));

const { useStore } = await import('../../../../renderer/src/store/index');
const { NotesBox } = await import('../../../../renderer/src/views/incident/notes-box');

afterEach(cleanup);

beforeEach(() => {
  journal.length = 0;
  calls.length = 0;
  journal.push(
    ...entries([
      DECLARED,
      { type: 'step.completed', data: { stepId: 'assess-one' } },
      { type: 'note.added', data: { text: 'first note' } },
    ]),
  );
  useStore.setState({ incident: null, incidentLoad: { status: 'idle' }, incidentError: null });
});

describe('the incident slice', () => {
  it('opens an incident by folding its journal with the core reducer', async () => {
    await useStore.getState().openIncident('DR-20261126-01');
    const open = useStore.getState().incident!;
    expect(open.state).toEqual(foldIncident(journal));
    expect(open.items.map((i) => [i.entry.seq, i.kind])).toEqual([
      [1, 'stage'],
      [2, 'step'],
      [3, 'note'],
    ]);
  });

  it('folds the next incident.entry event, ignores duplicates, and fetches what a gap skipped', async () => {
    await useStore.getState().openIncident('DR-20261126-01');
    const more = entries(
      [
        { type: 'stage.signed-off', data: { stage: 'assess', by: 'Ana Ruiz' } },
        { type: 'stage.entered', data: { stage: 'activate' } },
        { type: 'note.added', data: { text: 'later' } },
      ],
      4,
    );
    journal.push(...more);
    act(() => useStore.getState().applyIncidentEntry('DR-20261126-01', more[0]!));
    expect(useStore.getState().incident!.state.lastSeq).toBe(4);
    act(() => useStore.getState().applyIncidentEntry('DR-20261126-01', more[0]!));
    expect(useStore.getState().incident!.items).toHaveLength(4);

    calls.length = 0;
    useStore.getState().applyIncidentEntry('DR-20261126-01', more[2]!); // seq 6 while at 4: a gap
    await vi.waitFor(() => expect(useStore.getState().incident!.state.lastSeq).toBe(6));
    expect(calls).toContainEqual({ name: 'timeline', input: { incidentId: 'DR-20261126-01', afterSeq: 4 } });
    expect(useStore.getState().incident!.state).toEqual(foldIncident(journal));
    expect(useStore.getState().incident!.items.map((i) => i.stage)).toEqual([
      'assess',
      'assess',
      'assess',
      'assess',
      'activate',
      'activate',
    ]);
  });

  it('ignores entries of another incident', async () => {
    await useStore.getState().openIncident('DR-20261126-01');
    const before = useStore.getState().incident;
    useStore.getState().applyIncidentEntry('DR-20261126-02', entries([{ type: 'note.added' }], 4)[0]!);
    expect(useStore.getState().incident).toBe(before);
  });
});

describe('the notes box', () => {
  it('adds a note or a decision, and refuses more than 10,000 characters before sending', async () => {
    await useStore.getState().openIncident('DR-20261126-01');
    render(<NotesBox />);
    const box = screen.getByLabelText('Note for DR-20261126-01');
    fireEvent.change(box, { target: { value: 'x'.repeat(10_001) } });
    expect(screen.getByText(/the limit is 10,000/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add note' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Add as decision' })).toBeDisabled();

    fireEvent.change(box, { target: { value: 'Failover approved by the CTO' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add as decision' }));
    await screen.findByText(/Decision #4 saved/);
    expect(calls).toContainEqual({
      name: 'note',
      input: { incidentId: 'DR-20261126-01', text: 'Failover approved by the CTO', kind: 'decision' },
    });
    expect(useStore.getState().incident!.state.counts.decisions).toBe(1);
    expect(box).toHaveValue('');
  });

  it('is empty-proof: the buttons stay disabled for blank text', async () => {
    await useStore.getState().openIncident('DR-20261126-01');
    render(<NotesBox />);
    fireEvent.change(screen.getByLabelText('Note for DR-20261126-01'), { target: { value: '   ' } });
    expect(screen.getByRole('button', { name: 'Add note' })).toBeDisabled();
  });
});
