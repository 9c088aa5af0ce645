import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssessmentResult } from '../../../../electron/core/api/calls/assess';
import type { RecoveryPlan, RecoveryRunView } from '../../../../electron/core/recover/types';
import { emptyRun } from '../../../../electron/core/recover/run-reducer';
import { ACCOUNT, declaredIncident, estate, planOf } from '../../core/runbooks/step-fixtures';
import { runViewOf } from '../recover/run-view';
import { FAILOVER_FIXTURE, FIXTURES, GENERAL_FIXTURE, documentFor, idleReader } from './fixtures';

const calls: Array<{ name: string; input: unknown }> = [];
/** What the mocked core answers: the latest assessment and the incident's plan. */
const core: { assessment: AssessmentResult | null; plan: RecoveryPlan | null; hold: Promise<void> | null } = {
  assessment: null,
  plan: null,
  /** While set, the plan's answer waits for it (a slow core). */
  hold: null,
};

function runView(incidentId: string, plan: RecoveryPlan | null): RecoveryRunView {
  return runViewOf(incidentId, { ...emptyRun(), plan, lastSeq: 3 }, false);
}

vi.mock('../../../../renderer/src/api/client', () => ({
  transport: 'http',
  subscribeEvents: () => () => undefined,
  api: {
    assess: {
      latest: async () => {
        calls.push({ name: 'assess.latest', input: {} });
        return { ok: true, value: core.assessment };
      },
    },
    recover: {
      status: async (input: { incidentId: string }) => {
        calls.push({ name: 'recover.status', input });
        if (core.hold) await core.hold;
        return { ok: true, value: runView(input.incidentId, core.plan) };
      },
    },
    runbooks: {
      list: async () => ({
        ok: true,
        value: [...FIXTURES, FAILOVER_FIXTURE, GENERAL_FIXTURE].map((f) => f.summary),
      }),
      problems: async () => ({ ok: true, value: [] }),
      get: async (input: { id: string; values: Record<string, string> }) => {
        calls.push({ name: 'get', input });
        return { ok: true, value: documentFor(input.id, input.values) };
      },
    },
  },
}));

const { useStore } = await import('../../../../renderer/src/store/index');
const { RunbooksView } = await import('../../../../renderer/src/views/runbooks/runbooks-view');
const { StepRunbookLink } = await import('../../../../renderer/src/views/runbooks/step-runbook-link');
const { ChainRunbookButton, OptionRunbookButton } =
  await import('../../../../renderer/src/views/runbooks/option-runbook-button');

const incidentState = declaredIncident();

beforeEach(() => {
  calls.length = 0;
  core.assessment = estate();
  core.plan = null;
  core.hold = null;
  useStore.setState({
    view: 'procedure',
    ...idleReader(),
    assessment: { status: 'idle' },
    recoverRun: null,
    incident: {
      id: incidentState.id,
      state: incidentState,
      items: [],
      integrity: { status: 'ok', message: null, broken: null, tornBytesCut: 0 },
      readOnly: false,
      journalPath: '/tmp/journal.jsonl',
    },
  });
});

afterEach(cleanup);

/** Open the S3 failover runbook from its step, as the procedure rail does, with the reader on screen. */
async function openFromStep(runbookId = 's3-cross-region-failover'): Promise<void> {
  render(
    <>
      <StepRunbookLink runbookId={runbookId} stepTitle="Point applications at the recovered endpoints" />
      <RunbooksView />
    </>,
  );
  await act(async () =>
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Open the runbook for: Point applications at the recovered endpoints',
      }),
    ),
  );
}

/** The text of the rendered command blocks. */
function commands(): string[] {
  return [...document.querySelectorAll('.rb-body pre')].map((pre) => pre.textContent ?? '');
}

describe('a runbook opened from a procedure step', () => {
  it('loads the assessment and the plan, then fills the most relevant bucket and the incident’s regions', async () => {
    await openFromStep();
    await screen.findByRole('heading', { level: 1, name: 'Fail over S3 to the replica bucket' });
    expect(calls.map((c) => c.name)).toEqual(expect.arrayContaining(['assess.latest', 'recover.status']));
    expect(commands()[0]).toBe(
      'aws s3api get-bucket-replication --bucket acme-prod-orders --region us-east-1',
    );
    expect(commands()[1]).toContain('--bucket acme-prod-orders-dr --key acme-prod-orders/latest.json');
    expect(commands()[1]).toContain('--region us-west-2');
    expect(useStore.getState().runbookValues).toMatchObject({ 'incident-id': 'DR-20261126-01' });
  });

  it('lets the commander choose which bucket the placeholders are filled for, and says where they come from', async () => {
    await openFromStep();
    const chooser = await screen.findByRole('combobox', { name: 'Fill for:' });
    const options = within(chooser).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'acme-prod-orders (critical)',
      'acme-prod-logs (standard)',
      'acme-prod-payments-ledger (critical, no recovery option found)',
    ]);
    expect(chooser).toHaveValue('arn:aws:s3:::acme-prod-orders');
    const group = screen.getByRole('group', { name: 'Fill for:' });
    expect(group).toHaveTextContent(
      'Values of acme-prod-orders (us-east-1) from the latest assessment · option: Fail over to the replica bucket · 3 resources of this service in scope.',
    );
    expect(group).toHaveTextContent('5 of 6 placeholders filled; still to fill: <version-id>');

    await act(async () => fireEvent.change(chooser, { target: { value: 'arn:aws:s3:::acme-prod-logs' } }));
    await waitFor(() =>
      expect(commands()[0]).toBe(
        'aws s3api get-bucket-replication --bucket acme-prod-logs --region us-east-1',
      ),
    );
    expect(commands()[1]).toContain('--bucket acme-prod-logs-dr --key acme-prod-logs/latest.json');
    // The placeholder fields follow the chosen resource.
    expect(screen.getByLabelText('<bucket-name>')).toHaveValue('acme-prod-logs');
    expect(screen.getByRole('group', { name: 'Fill for:' })).toHaveTextContent('Values of acme-prod-logs');
  });

  it('drops the previous bucket’s values when switching to one that has fewer, and keeps what the commander typed', async () => {
    await openFromStep();
    const chooser = await screen.findByRole('combobox', { name: 'Fill for:' });
    await act(() => useStore.getState().setRunbookValue('version-id', 'v42'));
    await act(async () =>
      fireEvent.change(chooser, { target: { value: 'arn:aws:s3:::acme-prod-payments-ledger' } }),
    );
    await waitFor(() => expect(commands()[0]).toContain('--bucket acme-prod-payments-ledger'));
    const values = useStore.getState().runbookValues;
    expect(values['replica-bucket-name']).toBeUndefined();
    expect(values['object-key']).toBeUndefined();
    expect(values['version-id']).toBe('v42');
    expect(
      document.querySelector('.rb-body .rb-ph-empty[data-placeholder="replica-bucket-name"]'),
    ).not.toBeNull();
    expect(screen.getByRole('group', { name: 'Fill for:' })).toHaveTextContent(
      'This runbook is not acme-prod-payments-ledger’s planned or best recovery',
    );
  });

  it('fills from the incident’s recovery plan when it has chains of the service', async () => {
    core.plan = planOf(estate(), [
      { resourceId: 'arn:aws:s3:::acme-prod-logs' },
      { resourceId: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders-events` },
    ]);
    await openFromStep();
    await screen.findByRole('heading', { level: 1, name: 'Fail over S3 to the replica bucket' });
    expect(useStore.getState().runbookFill?.candidates.map((c) => c.name)).toEqual(['acme-prod-logs']);
    const one = screen.getByRole('group', { name: 'Fill for:' });
    // One resource in scope: named, not offered as a choice.
    expect(within(one).queryByRole('combobox')).toBeNull();
    expect(within(one).getByText('acme-prod-logs (standard)').tagName).toBe('OUTPUT');
    expect(one).toHaveTextContent(
      'Values of acme-prod-logs (us-east-1) from the incident’s recovery plan · strategy: S3: fail over to the replica bucket.',
    );
    expect(one).toHaveTextContent('5 of 6 placeholders filled; still to fill: <version-id>.');
    expect(commands()[1]).toContain('--bucket acme-prod-logs-dr');
  });

  it('opens a runbook normally when nothing is known about its service', async () => {
    core.assessment = null;
    await openFromStep();
    await screen.findByRole('heading', { level: 1, name: 'Fail over S3 to the replica bucket' });
    expect(screen.queryByRole('combobox', { name: 'Fill for:' })).toBeNull();
    expect(screen.getByRole('note')).toHaveTextContent(
      'No resource of this service is known to the incident yet',
    );
    expect(commands()[0]).toBe('aws s3api get-bucket-replication --bucket <bucket-name> --region us-east-1');
  });

  it('opens a general runbook with the incident’s values only and no chooser', async () => {
    await openFromStep('dr-procedure');
    await screen.findByRole('heading', { level: 1, name: 'The DR procedure' });
    expect(screen.queryByRole('group', { name: 'Fill for:' })).toBeNull();
    expect(screen.queryByRole('note')).toBeNull();
    expect(commands()[0]).toBe('echo DR-20261126-01 us-east-1 us-west-2');
    expect(calls.at(-1)).toMatchObject({ name: 'get', input: { id: 'dr-procedure' } });
    expect((calls.at(-1)!.input as { values: Record<string, string> }).values).toMatchObject({
      'incident-id': 'DR-20261126-01',
      'primary-region': 'us-east-1',
      'secondary-region': 'us-west-2',
    });
  });

  it('hides the chooser once an option’s runbook replaces the step’s values', async () => {
    await openFromStep();
    await screen.findByRole('combobox', { name: 'Fill for:' });
    const option = core.assessment!.resources.find((r) => r.name === 'acme-prod-logs')!.options[0]!;
    render(<OptionRunbookButton option={option} />);
    await act(async () =>
      fireEvent.click(
        screen.getByRole('button', { name: 'Open the runbook for: Fail over to the replica bucket' }),
      ),
    );
    await waitFor(() => expect(commands()[0]).toContain('--bucket acme-prod-logs'));
    expect(screen.queryByRole('combobox', { name: 'Fill for:' })).toBeNull();
    expect(useStore.getState().runbookFill).toBeNull();
  });
});

describe('the runbook of a plan chain', () => {
  it('opens its strategy’s runbook filled for the chain, without a chooser', async () => {
    const plan = planOf(estate(), [{ resourceId: 'arn:aws:s3:::acme-prod-logs' }]);
    useStore.setState({ assessment: { status: 'ready', value: estate() } });
    render(
      <>
        <ChainRunbookButton plan={plan} chain={plan.chains[0]!} />
        <RunbooksView />
      </>,
    );
    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: 'Open the runbook for: s3 acme-prod-logs' })),
    );
    await screen.findByRole('heading', { level: 1, name: 'Fail over S3 to the replica bucket' });
    expect(commands()[1]).toContain('--bucket acme-prod-logs-dr --key acme-prod-logs/latest.json');
    expect(useStore.getState().runbookValues).toMatchObject({ 'incident-id': 'DR-20261126-01' });
    expect(screen.queryByRole('group', { name: 'Fill for:' })).toBeNull();
  });
});

describe('replacing the resource a step chose', () => {
  it('drops its values, keeps what the commander typed over them, and gives the incident’s values back', async () => {
    const { withoutChosenResource } = await import('../../../../renderer/src/store/slices/runbooks');
    const fill = {
      runbookId: 's3-version-rollback',
      base: { 'incident-id': 'DR-1', 'primary-region': 'us-east-1' },
      source: 'assessment' as const,
      chosenId: 'b',
      candidates: [
        {
          id: 'b',
          name: 'b',
          service: 's3',
          region: 'us-east-1',
          tier: null,
          source: 'assessment' as const,
          strategy: null,
          optionTitle: null,
          matchesRunbook: true,
          values: {
            'incident-id': 'DR-1',
            'primary-region': 'us-west-2',
            'bucket-name': 'b-dr',
            'object-key': 'k',
          },
        },
      ],
    };
    expect(
      withoutChosenResource(
        {
          'incident-id': 'DR-1',
          'primary-region': 'us-west-2',
          'bucket-name': 'b-dr',
          'object-key': 'typed',
          x: '1',
        },
        fill,
      ),
    ).toEqual({ 'incident-id': 'DR-1', 'primary-region': 'us-east-1', 'object-key': 'typed', x: '1' });
    expect(withoutChosenResource({ a: '1' }, null)).toEqual({ a: '1' });
  });

  it('opening a step again starts from its most relevant resource, without the one chosen before', async () => {
    await openFromStep();
    const chooser = await screen.findByRole('combobox', { name: 'Fill for:' });
    await act(async () => fireEvent.change(chooser, { target: { value: 'arn:aws:s3:::acme-prod-logs' } }));
    await waitFor(() => expect(commands()[0]).toContain('--bucket acme-prod-logs '));
    await act(() => useStore.getState().openStepRunbook('s3-cross-region-failover'));
    await waitFor(() => expect(commands()[0]).toContain('--bucket acme-prod-orders '));
    expect(screen.getByRole('combobox', { name: 'Fill for:' })).toHaveValue('arn:aws:s3:::acme-prod-orders');
    expect(useStore.getState().runbookValues['replica-bucket-name']).toBe('acme-prod-orders-dr');
  });
});

describe('a step’s runbook still loading', () => {
  it('gives way to a runbook the commander opens meanwhile', async () => {
    let release = () => undefined as void;
    core.hold = new Promise<void>((resolve) => (release = resolve));
    const step = useStore.getState().openStepRunbook('s3-cross-region-failover');
    await act(() => useStore.getState().showRunbook('s3-archive-restore'));
    release();
    await act(() => step);
    const state = useStore.getState();
    expect(state.openRunbookId).toBe('s3-archive-restore');
    expect(state.openRunbook.status === 'ready' && state.openRunbook.value.id).toBe('s3-archive-restore');
    expect(state.runbookFill).toBeNull();
    expect(state.runbookValues['bucket-name']).toBeUndefined();
  });
});
