import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssessmentResult } from '../../../../electron/core/api/calls/assess';
import { assessment } from './fixtures';

const calls: string[] = [];
let latest: AssessmentResult | null = null;

vi.mock('../../../../renderer/src/api/client', () => ({
  transport: 'http',
  subscribeEvents: () => () => undefined,
  api: {
    assess: {
      latest: async () => ({ ok: true, value: latest }),
      run: async () => {
        calls.push('run');
        latest = assessment();
        return { ok: true, value: latest };
      },
      cancel: async () => {
        calls.push('cancel');
        return { ok: true, value: { cancelled: true, scanId: 's1' } };
      },
    },
  },
}));

// Canvas charts cannot draw in jsdom; the chart has its own table alternative and tests.
vi.mock('../../../../renderer/src/components/charts/readiness-chart', () => ({
  ReadinessChart: () => <div role="img" aria-label="Readiness by service" />,
}));

const { useStore } = await import('../../../../renderer/src/store/index');
const { AssessView } = await import('../../../../renderer/src/views/assess/assess-view');

afterEach(cleanup);
beforeEach(() => {
  // jsdom has no layout: give elements a size so the virtualised table renders its rows.
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
    width: 960,
    height: 480,
    top: 0,
    left: 0,
    right: 960,
    bottom: 480,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  } as DOMRect);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(480);
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(960);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(480);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(960);
  calls.length = 0;
  latest = null;
  useStore.setState({
    assessment: { status: 'idle' },
    assessScan: null,
    assessError: null,
    assessSelected: null,
  });
});

describe('the assessment screen', () => {
  it('offers to run the first assessment, then shows health, counts and the table', async () => {
    render(<AssessView />);
    await screen.findByText(/No assessment yet/);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Run the assessment' }));
    });
    expect(calls).toEqual(['run']);
    const health = screen.getByRole('list', { name: 'Region health' });
    expect(within(health).getByText('DOWN')).toBeInTheDocument();
    const counts = screen.getByRole('group', { name: 'Resources by readiness' });
    expect(within(counts).getByRole('button', { name: /3\s+All/ })).toHaveAttribute('aria-pressed', 'true');
    const table = screen.getByRole('table', { name: 'Assessed resources' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    // Worst first.
    expect(rows[1]).toHaveAccessibleName('acme-prod-payments-ledger, Not recoverable');
  });

  it('filters by a count, sorts by a column, and opens a resource by keyboard', async () => {
    latest = assessment();
    render(<AssessView />);
    const table = await screen.findByRole('table', { name: 'Assessed resources' });
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Resources by readiness' })).getByRole('button', {
        name: /At risk/,
      }),
    );
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Resources by readiness' })).getByRole('button', {
        name: /At risk/,
      }),
    );
    fireEvent.click(within(table).getByRole('button', { name: /^RPO/ }));
    expect(within(table).getByRole('columnheader', { name: /RPO/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(within(table).getAllByRole('row')[1]).toHaveAccessibleName('orders-db, Ready');

    const row = within(table).getByRole('row', { name: 'billing-db, At risk' });
    row.focus();
    fireEvent.keyDown(row, { key: 'Enter' });
    const detail = screen.getByRole('complementary', { name: 'billing-db' });
    expect(within(detail).getByText('Copy a snapshot across regions and restore it')).toBeInTheDocument();
    expect(within(detail).getByText(/Retention 1 day, policy requires 7/)).toBeInTheDocument();
    expect(within(detail).getByText(/--backup-retention-period 7/)).toBeInTheDocument();
    fireEvent.keyDown(detail, { key: 'Escape' });
    expect(screen.queryByRole('complementary', { name: 'billing-db' })).not.toBeInTheDocument();
  });

  it('shows the scan in progress with a Cancel button', async () => {
    latest = assessment();
    render(<AssessView />);
    await screen.findByRole('table', { name: 'Assessed resources' });
    act(() => {
      useStore.getState().applyAssessEvent({
        type: 'assess.started',
        scanId: 's1',
        startedAt: new Date().toISOString(),
        incidentId: null,
        services: ['rds'],
        regions: { primary: 'us-east-1', secondary: 'us-west-2' },
      });
      useStore.getState().applyAssessEvent({
        type: 'assess.progress',
        scanId: 's1',
        service: 'rds',
        region: 'us-west-2',
        done: 2,
        total: 3,
        failed: 0,
        status: 'healthy',
        reason: null,
        elapsedMs: 400,
      });
    });
    const progress = screen.getByRole('region', { name: 'Scan progress' });
    expect(within(progress).getByRole('progressbar', { name: 'RDS us-west-2: 2 of 3' })).toBeInTheDocument();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Cancel scan' }));
    });
    expect(calls).toEqual(['cancel']);
  });
});
