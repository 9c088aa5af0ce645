import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FaultChange, TabletopFaultsView } from '../../../../electron/core/api/calls/tabletop';
import type { AppEvent } from '../../../../electron/core/api/events';
import type { AppInfo } from '../../../../electron/core/api/calls/app';
import {
  applyFaultChange,
  checkFaultChange,
  describeFaultChange,
  TABLETOP_QUOTAS,
} from '../../../../electron/core/app/handlers/tabletop-fault-change';

/** The core's side, faked with the handler's own pure rules. */
const core = vi.hoisted(() => ({
  view: null as TabletopFaultsView | null,
  sent: [] as FaultChange[],
  faultsCalls: 0,
  listeners: [] as Array<(event: AppEvent) => void>,
}));

vi.mock('../../../../renderer/src/api/client', () => ({
  transport: 'http',
  subscribeEvents: (listener: (event: AppEvent) => void) => {
    core.listeners.push(listener);
    return () => {
      core.listeners = core.listeners.filter((l) => l !== listener);
    };
  },
  api: {
    tabletop: {
      faults: async () => {
        core.faultsCalls += 1;
        return { ok: true, value: structuredClone(core.view) };
      },
      setFaults: async ({ change }: { change: FaultChange }) => {
        core.sent.push(change);
        const view = core.view!;
        const problem = checkFaultChange(change, {
          regions: view.regions,
          services: view.services.map((s) => s.id),
        });
        if (problem) return { ok: false, error: { code: 'INVALID_INPUT', message: problem } };
        const message = describeFaultChange(change, view.faults);
        core.view = { ...view, faults: applyFaultChange(view.faults, change) };
        return { ok: true, value: { message, view: structuredClone(core.view) } };
      },
    },
  },
}));

const { useStore } = await import('../../../../renderer/src/store/index');
type StoreState = ReturnType<typeof useStore.getState>;
const { FacilitatorView } = await import('../../../../renderer/src/views/facilitator/facilitator-view');
const { ViewNav } = await import('../../../../renderer/src/components/view-nav');

function appInfo(mode: AppInfo['mode']): AppInfo {
  return {
    name: 'DR War Room',
    version: 'test',
    mode,
    modeReason: 'test',
    scenario: mode === 'TABLETOP' ? { name: 'us-east-1-outage', title: 'us-east-1 regional outage' } : null,
    transport: 'http',
    dataDir: '/tmp/x',
  };
}

function outageScenario(): TabletopFaultsView {
  return {
    scenario: {
      name: 'us-east-1-outage',
      title: 'us-east-1 regional outage',
      description: 'us-east-1 is failing.',
      notes: ['orders-db has a replica in us-west-2: promote it.'],
    },
    regions: ['us-east-1', 'us-west-2'],
    services: [
      { id: 's3', title: 'S3' },
      { id: 'rds', title: 'RDS' },
      { id: 'ec2', title: 'EC2 and EBS' },
      { id: 'dynamodb', title: 'DynamoDB' },
    ],
    quotas: TABLETOP_QUOTAS.map((q) => ({ ...q })),
    faults: {
      regionOutages: [{ region: 'us-east-1', mode: '5xx' }],
      throttling: [],
      failingRestores: [],
      quotas: { 'rds.concurrentSnapshotCopies': 5 },
      replicationLag: [],
    },
  };
}

async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

async function type(element: HTMLElement, value: string): Promise<void> {
  await act(async () => {
    fireEvent.change(element, { target: { value } });
  });
}

afterEach(cleanup);
beforeEach(() => {
  core.view = outageScenario();
  core.sent = [];
  core.faultsCalls = 0;
  core.listeners = [];
  useStore.setState({ appInfo: { status: 'ready', value: appInfo('TABLETOP') } });
});

describe('the facilitator panel', () => {
  it('lists the faults in force and the scenario notes, and brings a region back up with one button', async () => {
    render(<FacilitatorView />);
    const inForce = await screen.findByRole('region', { name: 'Faults in force' });
    expect(
      within(inForce).getByText('us-east-1 down for every service: 503 ServiceUnavailable'),
    ).toBeInTheDocument();
    expect(
      within(inForce).getByText('Quota rds.concurrentSnapshotCopies is 5 (default: 5)'),
    ).toBeInTheDocument();
    expect(screen.getByText('orders-db has a replica in us-west-2: promote it.')).toBeInTheDocument();

    await click(within(inForce).getByRole('button', { name: 'Bring us-east-1 back up' }));
    expect(core.sent).toEqual([{ kind: 'regionUp', region: 'us-east-1' }]);
    expect(screen.getByRole('status')).toHaveTextContent(
      'us-east-1 is back up: its APIs answer from the next request.',
    );
    expect(within(inForce).queryByText(/us-east-1 down/)).not.toBeInTheDocument();
  });

  it('takes a region down for chosen services in the chosen way', async () => {
    core.view = { ...outageScenario(), faults: { ...outageScenario().faults, regionOutages: [] } };
    render(<FacilitatorView />);
    const outage = await screen.findByRole('form', { name: 'Take a region down' });
    await type(within(outage).getByLabelText('Region'), 'us-west-2');
    await type(within(outage).getByLabelText('How its APIs fail'), 'timeout');
    await click(within(outage).getByLabelText('DynamoDB'));
    await click(within(outage).getByLabelText('S3'));
    expect(within(outage).getByRole('button', { name: 'Bring us-west-2 back up' })).toBeDisabled();
    await click(within(outage).getByRole('button', { name: 'Take us-west-2 down' }));
    expect(core.sent).toEqual([
      { kind: 'regionDown', region: 'us-west-2', mode: 'timeout', services: ['dynamodb', 's3'] },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent(
      'us-west-2 is down for DynamoDB, S3: requests time out, from the next request.',
    );
    expect(screen.getByText('us-west-2 down for DynamoDB, S3: Timeout (no answer)')).toBeInTheDocument();
    expect(within(outage).getByRole('button', { name: 'Bring us-west-2 back up' })).toBeEnabled();
  });

  it('refuses a throttling rate outside 0–100 % on the spot, then sets a valid one for a region and service', async () => {
    render(<FacilitatorView />);
    const throttle = await screen.findByRole('form', { name: 'Throttling' });
    const rate = within(throttle).getByLabelText('Requests throttled (%)');
    await type(rate, '150');
    await click(within(throttle).getByRole('button', { name: 'Set throttling' }));
    expect(within(throttle).getByRole('alert')).toHaveTextContent(
      'Enter a throttling rate from 0 to 100 % (0 stops throttling).',
    );
    expect(rate).toHaveAttribute('aria-invalid', 'true');
    expect(rate).toHaveAccessibleDescription('Enter a throttling rate from 0 to 100 % (0 stops throttling).');
    expect(core.sent).toEqual([]);

    await type(within(throttle).getByLabelText('Region'), 'us-west-2');
    await type(within(throttle).getByLabelText('Service'), 'rds');
    await type(rate, '25 %');
    await click(within(throttle).getByRole('button', { name: 'Set throttling' }));
    expect(core.sent).toEqual([{ kind: 'throttle', ratePercent: 25, region: 'us-west-2', service: 'rds' }]);
    expect(within(throttle).queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('25 % of requests to RDS in us-west-2 throttled')).toBeInTheDocument();

    await click(screen.getByRole('button', { name: 'Stop throttling RDS in us-west-2' }));
    expect(core.sent.at(-1)).toEqual({
      kind: 'throttle',
      ratePercent: 0,
      region: 'us-west-2',
      service: 'rds',
    });
    expect(screen.queryByText(/of requests to RDS/)).not.toBeInTheDocument();
  });

  it('makes a named restore fail, and asks for a name when there is none', async () => {
    render(<FacilitatorView />);
    const restore = await screen.findByRole('form', { name: 'Make a restore fail' });
    await click(within(restore).getByRole('button', { name: 'Make it fail' }));
    expect(within(restore).getByRole('alert')).toHaveTextContent(
      'Enter the name (or id) of the restore target.',
    );
    expect(core.sent).toEqual([]);
    await type(within(restore).getByLabelText('Restore target (name or id)'), ' orders-db-dr ');
    await click(within(restore).getByRole('button', { name: 'Make it fail' }));
    expect(core.sent).toEqual([{ kind: 'failRestore', target: 'orders-db-dr' }]);
    expect(screen.getByRole('status')).toHaveTextContent('The restore into "orders-db-dr" will fail.');
    expect(within(restore).getByLabelText('Restore target (name or id)')).toHaveValue('');
    await click(screen.getByRole('button', { name: 'Let the restore into orders-db-dr succeed' }));
    expect(core.sent.at(-1)).toEqual({ kind: 'clearRestoreFailure', target: 'orders-db-dr' });
  });

  it('offers the open incident’s recovery plan targets as restore targets', async () => {
    useStore.setState({
      recoverRun: {
        run: {
          plan: {
            chains: [
              {
                strategy: 'rds-pitr-cross-region',
                targetName: 'orders-db-dr1',
                resource: { name: 'orders-db' },
              },
              { strategy: 's3-replica-failover', targetName: 'acme-dr', resource: { name: 'acme' } },
            ],
          },
        },
      } as unknown as StoreState['recoverRun'],
    });
    render(<FacilitatorView />);
    const restore = await screen.findByRole('form', { name: 'Make a restore fail' });
    const input = within(restore).getByLabelText('Restore target (name or id)');
    const list = document.getElementById(input.getAttribute('list') ?? '');
    expect([...(list?.querySelectorAll('option') ?? [])].map((o) => [o.value, o.textContent])).toEqual([
      ['orders-db-dr1', 'restore of orders-db'],
    ]);
    useStore.setState({ recoverRun: null });
  });

  it('sets a quota, asking for the instance type of an EC2 capacity quota', async () => {
    render(<FacilitatorView />);
    const quota = await screen.findByRole('form', { name: 'Quota' });
    await type(within(quota).getByLabelText('Quota'), 'ec2.capacity.');
    await type(within(quota).getByLabelText('Limit'), '0');
    await click(within(quota).getByRole('button', { name: 'Set quota' }));
    expect(within(quota).getByRole('alert')).toHaveTextContent(
      'Enter an EC2 instance type such as m5.large.',
    );
    await type(within(quota).getByLabelText('Instance type'), 'm5.large');
    await type(within(quota).getByLabelText('Limit'), 'two');
    await click(within(quota).getByRole('button', { name: 'Set quota' }));
    expect(within(quota).getByRole('alert')).toHaveTextContent('Enter the quota as a whole number');
    expect(core.sent).toEqual([]);
    await type(within(quota).getByLabelText('Limit'), '0');
    await click(within(quota).getByRole('button', { name: 'Set quota' }));
    expect(core.sent).toEqual([{ kind: 'setQuota', key: 'ec2.capacity.m5.large', value: 0 }]);
    expect(screen.getByText('Quota ec2.capacity.m5.large is 0 (default: unlimited)')).toBeInTheDocument();
  });

  it('sets S3 replication lag between two different regions', async () => {
    render(<FacilitatorView />);
    const lag = await screen.findByRole('form', { name: 'S3 replication lag' });
    await type(within(lag).getByLabelText('To'), 'us-east-1');
    await click(within(lag).getByRole('button', { name: 'Set lag' }));
    expect(within(lag).getByRole('alert')).toHaveTextContent('Choose two different regions');
    await type(within(lag).getByLabelText('To'), 'us-west-2');
    await type(within(lag).getByLabelText('Extra lag (minutes)'), '45');
    await click(within(lag).getByRole('button', { name: 'Set lag' }));
    expect(core.sent).toEqual([
      { kind: 'replicationLag', sourceRegion: 'us-east-1', destinationRegion: 'us-west-2', lagMinutes: 45 },
    ]);
    expect(screen.getByText('S3 replication us-east-1 → us-west-2 lags 45 min more')).toBeInTheDocument();
  });

  it('shows the core’s refusal and keeps the faults as they were', async () => {
    render(<FacilitatorView />);
    const outage = await screen.findByRole('form', { name: 'Take a region down' });
    // The core knows only us-west-2 (the fake refuses as the handler does).
    core.view = { ...core.view!, regions: ['us-west-2'] };
    await click(within(outage).getByRole('button', { name: 'Take us-east-1 down' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The fault was not changed');
    expect(alert).toHaveTextContent('Region us-east-1 is not in this exercise; choose one of us-west-2.');
    expect(screen.getByText('us-east-1 down for every service: 503 ServiceUnavailable')).toBeInTheDocument();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('clears every fault at once', async () => {
    render(<FacilitatorView />);
    const inForce = await screen.findByRole('region', { name: 'Faults in force' });
    await click(within(inForce).getByRole('button', { name: 'Clear every fault' }));
    expect(core.sent).toEqual([{ kind: 'clearAll' }]);
    expect(within(inForce).getByText(/^No faults/)).toBeInTheDocument();
    expect(within(inForce).getByRole('button', { name: 'Clear every fault' })).toBeDisabled();
  });

  it('follows changes made elsewhere (the tabletop.faults event)', async () => {
    render(<FacilitatorView />);
    await screen.findByRole('region', { name: 'Faults in force' });
    expect(core.listeners).toHaveLength(1);
    await act(async () => {
      core.listeners[0]!({
        type: 'tabletop.faults',
        message: 'The restore into "sessions-dr" will fail.',
        faults: { ...outageScenario().faults, failingRestores: ['sessions-dr'] },
      });
    });
    expect(screen.getByRole('status')).toHaveTextContent('The restore into "sessions-dr" will fail.');
    expect(screen.getByText('The restore into "sessions-dr" fails')).toBeInTheDocument();
  });

  it('is not offered in LIVE mode, and says why if opened', async () => {
    useStore.setState({ appInfo: { status: 'ready', value: appInfo('LIVE') } });
    render(
      <>
        <ViewNav />
        <FacilitatorView />
      </>,
    );
    const nav = screen.getByRole('navigation', { name: 'Screens' });
    expect(within(nav).queryByRole('button', { name: 'Facilitator' })).not.toBeInTheDocument();
    expect(screen.getByText(/Faults exist only in tabletop exercises/)).toBeInTheDocument();
    expect(core.faultsCalls).toBe(0);
    cleanup();
    useStore.setState({ appInfo: { status: 'ready', value: appInfo('TABLETOP') } });
    render(<ViewNav />);
    expect(screen.getByRole('button', { name: 'Facilitator' })).toBeInTheDocument();
  });
});
