import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RECOVER_ENTRY, type RunEntry } from '../../../../electron/core/recover/entry-types';
import { buildPlan } from '../../../../electron/core/recover/planner';
import { foldRun } from '../../../../electron/core/recover/run-reducer';
import type { RecoveryRunView } from '../../../../electron/core/recover/types';
import { OperationsBoard } from '../../../../renderer/src/views/recover/operations-board';
import { PlanPreview } from '../../../../renderer/src/views/recover/plan-preview';
import { fresherRun } from '../../../../renderer/src/store/slices/recover';
import { db, input, table } from '../../core/recover/fixtures';
import { runViewOf } from './run-view';

vi.mock('../../../../renderer/src/views/recover/gantt-chart', () => ({
  GanttChart: () => <div role="img" aria-label="Gantt chart of recovery chains" />,
}));

afterEach(cleanup);

const plan = buildPlan(input([db('orders'), table('events')]));

function view(entries: Array<[string, Record<string, unknown>]>): RecoveryRunView {
  const all: RunEntry[] = [
    [RECOVER_ENTRY.planCreated, { planId: plan.id, plan }] as [string, Record<string, unknown>],
    [RECOVER_ENTRY.confirmed, { planId: plan.id, by: 'Ana' }] as [string, Record<string, unknown>],
    ...entries,
  ].map(([type, data], i) => ({
    seq: i + 1,
    time: new Date(Date.UTC(2026, 10, 26, 4, 0, i)).toISOString(),
    type,
    data,
  }));
  return runViewOf('DR-20261126-01', foldRun(all), true);
}

describe('the dry run preview', () => {
  it('lists every call as an aws CLI command and starts only when the incident id is typed', () => {
    const onConfirm = vi.fn();
    render(<PlanPreview plan={plan} busy={false} onConfirm={onConfirm} />);
    const commands = screen.getAllByText(/^aws (rds|dynamodb) /);
    expect(commands.length).toBe(plan.callCount);
    const start = screen.getByRole('button', { name: 'Start the recovery' });
    const box = screen.getByLabelText(/Type the incident id/);
    fireEvent.change(box, { target: { value: 'dr-20261126-01' } });
    expect(start).toBeDisabled();
    fireEvent.click(start);
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.change(box, { target: { value: 'DR-20261126-01' } });
    expect(start).toBeEnabled();
    fireEvent.click(start);
    expect(onConfirm).toHaveBeenCalledWith('DR-20261126-01');
  });

  it('shows the problems, and cannot start a plan that nothing can run', () => {
    const blocked = buildPlan(
      input([db('orders')], { selection: [{ resourceId: 'orders', restoreTime: '2020-01-01T00:00:00Z' }] }),
    );
    render(<PlanPreview plan={blocked} busy={false} onConfirm={vi.fn()} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'outside the restorable window 2026-11-20T00:00:00.000Z to 2026-11-26T03:40:00.000Z',
    );
    fireEvent.change(screen.getByLabelText(/Type the incident id/), { target: { value: 'DR-20261126-01' } });
    expect(screen.getByRole('button', { name: 'Start the recovery' })).toBeDisabled();
  });
});

describe('the operations board', () => {
  const restore = plan.chains.find((c) => c.resource.name === 'orders')!.actions[0]!;

  it('shows a failure with what AWS said, the likely fix, and a retry button; independent chains go on', () => {
    const onRetry = vi.fn();
    const v = view([
      [
        RECOVER_ENTRY.actionState,
        {
          planId: plan.id,
          actionId: restore.id,
          state: 'failed',
          error: {
            message: 'KMSKeyNotAccessibleFault: key disabled',
            awsCode: 'KMSKeyNotAccessibleFault',
            requestId: 'req-9',
            hint: 'kms-key',
            fix: 'Set an enabled KMS key of the secondary region',
            retryable: false,
          },
        },
      ],
    ]);
    render(<OperationsBoard view={v} busy={false} onControl={vi.fn()} onRetry={onRetry} />);
    const failure = screen.getByRole('alert');
    expect(failure).toHaveTextContent('AWS said: KMSKeyNotAccessibleFault: key disabled');
    expect(failure).toHaveTextContent('request req-9');
    expect(failure).toHaveTextContent('Likely fix: Set an enabled KMS key');
    fireEvent.click(within(failure).getByRole('button', { name: /^Retry / }));
    expect(onRetry).toHaveBeenCalledWith(restore.id);
    expect(screen.getByRole('status')).toHaveTextContent(/0 of 3 actions done .* 1 failed/);
  });

  it('offers pause and cancel while running, resume when paused, and shows progress bars with names', () => {
    const onControl = vi.fn();
    const running = view([
      [
        RECOVER_ENTRY.actionState,
        { planId: plan.id, actionId: restore.id, state: 'waiting', progress: 40, status: 'creating' },
      ],
    ]);
    const { rerender } = render(
      <OperationsBoard view={running} busy={false} onControl={onControl} onRetry={vi.fn()} />,
    );
    expect(screen.getByRole('progressbar', { name: `Progress of ${restore.title}` })).toHaveAttribute(
      'value',
      '40',
    );
    fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    expect(onControl).toHaveBeenCalledWith('pause');
    const paused = view([[RECOVER_ENTRY.runState, { planId: plan.id, status: 'paused' }]]);
    rerender(<OperationsBoard view={paused} busy={false} onControl={onControl} onRetry={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    fireEvent.click(screen.getByRole('button', { name: /Cancel/ }));
    expect(onControl.mock.calls.map((c) => c[0])).toEqual(['pause', 'resume', 'cancel']);
  });

  it('tells the commander the app resumed the run by itself after a restart, with the time', () => {
    const v = view([
      [
        RECOVER_ENTRY.actionState,
        { planId: plan.id, actionId: restore.id, state: 'waiting', status: 'creating' },
      ],
      [RECOVER_ENTRY.reattached, { planId: plan.id, actions: 2, by: 'system' }],
    ]);
    render(<OperationsBoard view={v} busy={false} onControl={vi.fn()} onRetry={vi.fn()} />);
    const notice = screen.getByText(/Resumed after restart:/).closest('p')!;
    expect(notice).toHaveTextContent(/Resumed after restart: 2 actions re-attached at 04:00:03Z · /);
    const time = within(notice).getByText(/04:00:03Z/);
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('dateTime', v.run.reattached!.at);
    expect(time).toHaveTextContent(new Date(v.run.reattached!.at).toLocaleTimeString());
    // Re-attached: no Resume button, the run goes on (pause and cancel are offered).
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull();
    expect(screen.getByRole('button', { name: /Pause/ })).toBeEnabled();
  });

  it('shows no restart notice for a run that was never interrupted, and Resume when one was not re-attached', () => {
    const v = view([
      [RECOVER_ENTRY.actionState, { planId: plan.id, actionId: restore.id, state: 'waiting' }],
    ]);
    const { rerender } = render(
      <OperationsBoard view={v} busy={false} onControl={vi.fn()} onRetry={vi.fn()} />,
    );
    expect(screen.queryByText(/Resumed after restart/)).toBeNull();
    const onControl = vi.fn();
    rerender(
      <OperationsBoard
        view={{ ...v, attached: false, interrupted: true }}
        busy={false}
        onControl={onControl}
        onRetry={vi.fn()}
      />,
    );
    expect(screen.queryByText(/Resumed after restart/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(onControl).toHaveBeenCalledWith('resume');
  });

  it('shows the endpoint map with a copy button', () => {
    const v = view([
      [
        RECOVER_ENTRY.endpointMap,
        {
          planId: plan.id,
          endpoints: [
            {
              resourceId: 'x',
              service: 'rds',
              kind: 'db-instance',
              source: 'orders',
              target: 'orders-dr-20261126-01',
              detail: 'orders-dr.abc.us-west-2.rds.amazonaws.com:5432',
            },
          ],
        },
      ],
    ]);
    render(<OperationsBoard view={v} busy={false} onControl={vi.fn()} onRetry={vi.fn()} />);
    const map = screen.getByRole('region', { name: 'Endpoint map' });
    expect(map).toHaveTextContent('orders-dr.abc.us-west-2.rds.amazonaws.com:5432');
    expect(within(map).getByRole('button', { name: 'Copy the endpoint map' })).toBeInTheDocument();
  });
});

describe('the store keeps the fresher run', () => {
  it('never replaces folded events with an older answer', () => {
    const older = view([]);
    const newer = view([
      [
        RECOVER_ENTRY.actionState,
        { planId: plan.id, actionId: plan.chains[0]!.actions[0]!.id, state: 'running' },
      ],
    ]);
    expect(fresherRun(newer, older).run.lastSeq).toBe(newer.run.lastSeq);
    expect(fresherRun(older, newer).run.lastSeq).toBe(newer.run.lastSeq);
    expect(fresherRun(null, older)).toBe(older);
  });
});
