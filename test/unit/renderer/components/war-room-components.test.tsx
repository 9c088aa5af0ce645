import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { foldWithTimeline } from '../../../../electron/core/incident/timeline';
import { DECLARED, entries, PROCEDURE } from '../incident/fixtures';

vi.mock('../../../../renderer/src/api/client', () => ({
  transport: 'http',
  subscribeEvents: () => () => undefined,
  api: {
    runbooks: {
      list: async () => ({
        ok: true,
        value: [{ id: 'rds-pitr', title: 'RDS point-in-time restore', service: 'rds', stage: 'recover' }],
      }),
      problems: async () => ({ ok: true, value: [] }),
    },
  },
}));

const { useStore } = await import('../../../../renderer/src/store/index');
const { CommandPalette } = await import('../../../../renderer/src/components/palette/command-palette');
const { HelpOverlay } = await import('../../../../renderer/src/components/help-overlay');
const { IncidentClock } = await import('../../../../renderer/src/components/war-room/incident-clock');
const { ErrorPanel } = await import('../../../../renderer/src/components/error-panel');

const initial = useStore.getState();

beforeEach(() => {
  useStore.setState(initial, true);
  useStore.setState({
    procedure: {
      status: 'ready',
      value: { ...PROCEDURE, stages: PROCEDURE.stages } as never,
    },
  });
});

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('CommandPalette', () => {
  it('filters as you type, runs the selected command with Enter and closes', async () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    act(() => useStore.getState().setPaletteOpen(true));
    render(<CommandPalette />);
    const input = screen.getByRole('combobox', { name: 'Type a command, a screen or a runbook' });
    expect(input).toHaveFocus();
    fireEvent.change(input, { target: { value: 'timeline' } });
    expect(screen.getAllByRole('option')[0]).toHaveTextContent('Go to Timeline');
    expect(screen.getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(useStore.getState().view).toBe('timeline');
    expect(useStore.getState().paletteOpen).toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('lists runbooks once loaded, moves with the arrows and says when nothing matches', async () => {
    act(() => useStore.getState().setPaletteOpen(true));
    render(<CommandPalette />);
    const input = screen.getByRole('combobox');
    fireEvent.change(input, { target: { value: 'rds point' } });
    expect(
      await screen.findByRole('option', { name: /Runbook: RDS point-in-time restore/ }),
    ).toBeInTheDocument();
    fireEvent.change(input, { target: { value: 'stage' } });
    const first = screen.getAllByRole('option')[0]!;
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(first).toHaveAttribute('aria-selected', 'false');
    expect(screen.getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    expect(input).toHaveAttribute('aria-activedescendant', 'palette-1');
    fireEvent.change(input, { target: { value: 'qqqqzzzz' } });
    expect(screen.getByRole('status')).toHaveTextContent('Nothing matches');
  });

  it('does not run a command that cannot run now, and closes on Escape', () => {
    act(() => useStore.getState().setPaletteOpen(true));
    render(<CommandPalette />);
    const input = screen.getByRole('combobox');
    fireEvent.change(input, { target: { value: 'add a note' } });
    const option = screen.getAllByRole('option')[0]!;
    expect(option).toHaveAttribute('aria-disabled', 'true');
    expect(option).toHaveTextContent('Open or declare an incident first.');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(useStore.getState().paletteOpen).toBe(true);
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(useStore.getState().paletteOpen).toBe(false);
  });
});

describe('HelpOverlay', () => {
  it('lists the shortcuts, keeps focus on its button and closes on Escape', () => {
    act(() => useStore.getState().setHelpOpen(true));
    render(<HelpOverlay />);
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Ctrl+K / ⌘K' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(useStore.getState().helpOpen).toBe(false);
  });
});

describe('IncidentClock', () => {
  function openIncident(minutesAgo: number) {
    const folded = foldWithTimeline(null, entries([DECLARED]));
    const state = {
      ...folded.state!,
      declaredAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      targets: [{ id: 'tier-1', title: 'Tier 1', rtoMinutes: 60, rpoMinutes: 15 }],
    };
    useStore.setState({
      incident: {
        id: state.id,
        state,
        items: folded.items,
        integrity: { status: 'ok' } as never,
        readOnly: false,
        journalPath: '',
      },
    });
  }

  it.each([
    [10, 'ok', 'within the RTO'],
    [50, 'near', 'nearing the RTO'],
    [75, 'breached', 'RTO passed'],
  ])('%i minutes into a 60-minute RTO is %s', (minutes, level, words) => {
    openIncident(minutes);
    render(<IncidentClock />);
    const clock = screen.getByRole('timer');
    expect(clock).toHaveAttribute('data-level', level);
    expect(clock.getAttribute('aria-label')).toContain(words);
    expect(clock.getAttribute('aria-label')).toContain('RTO of 1 h (Tier 1)');
  });

  it('shows nothing without an open incident', () => {
    const { container } = render(<IncidentClock />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('ErrorPanel', () => {
  it('shows what failed, what AWS said, what to do, and a retry when it can help', () => {
    const retry = vi.fn();
    render(
      <ErrorPanel
        title="The restore did not start"
        error={{
          code: 'UNAVAILABLE',
          message: 'rds RestoreDBInstanceToPointInTime in us-west-2: the service does not answer.',
          detail: {
            service: 'rds',
            operation: 'RestoreDBInstanceToPointInTime',
            region: 'us-west-2',
            awsCode: 'ServiceUnavailable',
            httpStatus: 503,
            requestId: 'req-9',
            hint: 'unavailable',
            retryable: true,
          },
        }}
        onRetry={retry}
      />,
    );
    const panel = screen.getByRole('alert');
    expect(panel).toHaveTextContent('The restore did not start');
    expect(panel).toHaveTextContent(
      'AWS said: ServiceUnavailable (HTTP 503) during rds RestoreDBInstanceToPointInTime in us-west-2',
    );
    expect(panel).toHaveTextContent('request id req-9');
    expect(panel).toHaveTextContent('What to do: The region does not answer');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('offers no plain retry when retrying cannot help', () => {
    render(
      <ErrorPanel
        title="Refused"
        error={{
          code: 'AWS_ERROR',
          message: 'denied',
          detail: { awsCode: 'AccessDenied', hint: 'access-denied', retryable: false },
        }}
        onRetry={() => undefined}
      />,
    );
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent('IAM policy');
  });
});
