import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { foldWithTimeline } from '../../../../electron/core/incident/timeline';
import { emptyRecordForm } from '../../../../electron/core/record/compose-record';
import { recordFacts } from '../../../../electron/core/record/record-facts';
import { DECLARED, entries } from './fixtures';

const journal = entries([
  DECLARED,
  { type: 'note.added', data: { text: 'AWS Health confirms the outage' } },
  { type: 'note.added', data: { text: 'Fail over now', kind: 'decision' } },
  {
    type: 'recover.call.completed',
    actor: 'system',
    data: {
      requestId: 'req-42',
      service: 'rds',
      operation: 'RestoreDBInstanceToPointInTime',
      resourceId: 'orders-db',
    },
  },
]);
const folded = foldWithTimeline(null, journal);
const calls: Array<{ name: string; input: unknown }> = [];

vi.mock('../../../../renderer/src/api/client', () => ({
  transport: 'http',
  subscribeEvents: () => () => undefined,
  api: {
    record: {
      draft: async () => ({
        ok: true,
        value: {
          facts: recordFacts(folded.state!, folded.items, new Date('2026-11-26T04:00:00Z')),
          form: emptyRecordForm(),
          lastSaved: null,
        },
      }),
      save: async (input: unknown) => {
        calls.push({ name: 'save', input });
        return {
          ok: true,
          value: {
            title: 'Tabletop exercise: Lessons learned: us-east-1 outage (DR-20261126-01)',
            savedAt: '2026-11-26T04:00:00.000Z',
            markdownPath: '/data/records/20261126T040000Z-DR-20261126-01-lessons-learned.md',
            jsonPath: '/data/records/20261126T040000Z-DR-20261126-01-lessons-learned.json',
            folder: '/data/records',
          },
        };
      },
      openFolder: async (input: { path: string }) => {
        calls.push({ name: 'openFolder', input });
        return { ok: true, value: { folder: '/data/records' } };
      },
    },
  },
}));

const { useStore } = await import('../../../../renderer/src/store/index');
const { RecordView } = await import('../../../../renderer/src/views/record/record-view');
const { TimelineView } = await import('../../../../renderer/src/views/timeline/timeline-view');

beforeEach(() => {
  calls.length = 0;
  useStore.setState({
    incident: {
      id: 'DR-20261126-01',
      state: folded.state!,
      items: folded.items,
      integrity: { status: 'ok', message: null, broken: null, tornBytesCut: 0 },
      readOnly: false,
      journalPath: '/data/incidents/DR-20261126-01/journal.jsonl',
    },
  });
});
afterEach(cleanup);

describe('the record view', () => {
  it('previews the record live, with the journal facts and the form text', async () => {
    render(<RecordView />);
    const preview = await screen.findByLabelText('Record preview (Markdown)');
    await vi.waitFor(() =>
      expect(preview.textContent).toContain('# Tabletop exercise: Lessons learned: us-east-1 outage'),
    );
    expect(preview.textContent).toContain('`req-42`');
    expect(preview.textContent).toContain('Fail over now');
    fireEvent.change(screen.getByLabelText('Summary'), {
      target: { value: 'We failed over in 47 minutes.' },
    });
    expect(preview.textContent).toContain('We failed over in 47 minutes.');
  });

  it('shows invalid dates and owners before saving, then saves and shows the path and its folder', async () => {
    render(<RecordView />);
    await screen.findByText(/# Tabletop exercise/);
    fireEvent.click(screen.getByRole('button', { name: 'Add action item' }));
    fireEvent.change(screen.getByLabelText('Action item 1: what'), {
      target: { value: 'Replicate backups' },
    });
    fireEvent.change(screen.getByLabelText('Action item 1: owner'), { target: { value: 'TBD' } });
    fireEvent.change(screen.getByLabelText('Action item 1: due date'), { target: { value: '2026-13-01' } });
    expect(screen.getByText(/actionItems\[0\]\.owner: "TBD" is a placeholder/)).toBeInTheDocument();
    expect(screen.getByText(/actionItems\[0\]\.due: "2026-13-01" is not a date/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save record' })).toBeDisabled();

    fireEvent.change(screen.getByLabelText('Action item 1: owner'), { target: { value: 'Dee Park' } });
    fireEvent.change(screen.getByLabelText('Action item 1: due date'), { target: { value: '2026-12-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save record' }));
    const saved = await screen.findByRole('status', { name: 'Saved record' });
    expect(saved).toHaveTextContent('20261126T040000Z-DR-20261126-01-lessons-learned.md');
    expect(calls[0]).toMatchObject({
      name: 'save',
      input: {
        incidentId: 'DR-20261126-01',
        form: { actionItems: [{ title: 'Replicate backups', owner: 'Dee Park', due: '2026-12-15' }] },
      },
    });
    fireEvent.click(within(saved).getByRole('button', { name: 'Open folder' }));
    expect(await within(saved).findByText('Folder: /data/records')).toBeInTheDocument();
    expect(calls[1]).toEqual({
      name: 'openFolder',
      input: { path: '/data/records/20261126T040000Z-DR-20261126-01-lessons-learned.md' },
    });
  });
});

describe('the timeline view', () => {
  it('lists every entry and filters by kind and stage', () => {
    // jsdom lays nothing out; give the scroll area a size so the virtualiser renders rows.
    vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(800);
    render(<TimelineView />);
    expect(screen.getAllByText('AWS Health confirms the outage').length).toBeGreaterThan(0);
    expect(screen.getByRole('status')).toHaveTextContent('4 of 4 entries');
    fireEvent.click(screen.getByRole('checkbox', { name: 'note' }));
    expect(screen.getByRole('status')).toHaveTextContent('3 of 4 entries');
    expect(screen.queryByText('AWS Health confirms the outage')).not.toBeInTheDocument();
    expect(screen.getAllByText('Fail over now').length).toBeGreaterThan(0);
    fireEvent.change(screen.getByLabelText('Stage'), { target: { value: 'recover' } });
    expect(screen.getByRole('status')).toHaveTextContent('0 of 4 entries');
    vi.restoreAllMocks();
  });
});
