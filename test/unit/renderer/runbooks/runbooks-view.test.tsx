import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIXTURES, documentFor, hitsFor, idleReader } from './fixtures';

const calls: Array<{ name: string; input: unknown }> = [];
/** Search answers held back until released, to test that a late answer never replaces a newer one. */
const heldSearches: Array<() => void> = [];
let holdSearches = false;

vi.mock('../../../../renderer/src/api/client', () => ({
  transport: 'http',
  subscribeEvents: () => () => undefined,
  api: {
    assess: {
      latest: async () => {
        calls.push({ name: 'assess.latest', input: {} });
        return { ok: true, value: null };
      },
    },
    runbooks: {
      list: async () => ({ ok: true, value: FIXTURES.map((f) => f.summary) }),
      problems: async () => ({ ok: true, value: [] }),
      reload: async () => {
        calls.push({ name: 'reload', input: {} });
        return { ok: true, value: [] };
      },
      search: async (input: { query: string }) => {
        calls.push({ name: 'search', input });
        const answer = { ok: true, value: hitsFor(input.query) };
        if (!holdSearches) return answer;
        return new Promise((resolve) => heldSearches.push(() => resolve(answer)));
      },
      get: async (input: { id: string; values: Record<string, string> }) => {
        calls.push({ name: 'get', input });
        if (!FIXTURES.some((f) => f.summary.id === input.id)) {
          return { ok: false, error: { code: 'NOT_FOUND', message: `There is no runbook "${input.id}".` } };
        }
        return { ok: true, value: documentFor(input.id, { 'primary-region': 'us-east-1', ...input.values }) };
      },
    },
  },
}));

const { useStore } = await import('../../../../renderer/src/store/index');
const { RunbooksView } = await import('../../../../renderer/src/views/runbooks/runbooks-view');
const { StepRunbookLink } = await import('../../../../renderer/src/views/runbooks/step-runbook-link');

const writeText = vi.fn(async (_text: string) => undefined);

beforeEach(() => {
  calls.length = 0;
  heldSearches.length = 0;
  holdSearches = false;
  writeText.mockClear();
  Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  useStore.setState({
    view: 'runbooks',
    ...idleReader(),
    runbookFilter: { service: 'all', stage: 'all' },
    assessment: { status: 'idle' },
    incident: null,
    recoverRun: null,
  });
});

afterEach(cleanup);

/** The runbook entries of the library (not its other buttons). */
function entries(region: HTMLElement): HTMLElement[] {
  return within(region)
    .queryAllByRole('button')
    .filter((button) => button.classList.contains('rb-item'));
}

describe('the runbooks screen', () => {
  it('lists the library grouped by service and filters it by service and stage', async () => {
    render(<RunbooksView />);
    const browse = await screen.findByRole('region', { name: 'Browse runbooks' });
    expect(entries(browse)).toHaveLength(3);
    expect(within(browse).getByRole('heading', { name: 'S3' })).toBeInTheDocument();
    fireEvent.change(within(browse).getByLabelText('Stage'), { target: { value: 'validate' } });
    expect(entries(browse).map((b) => b.textContent)).toEqual([expect.stringContaining('RDS backup test')]);
    fireEvent.change(within(browse).getByLabelText('Service'), { target: { value: 's3' } });
    expect(entries(browse)).toHaveLength(0);
    expect(within(browse).getByText(/No runbook for this service and stage/)).toBeInTheDocument();
  });

  it('searches once the typing settles, and Enter opens the best hit', async () => {
    render(<RunbooksView />);
    const box = screen.getByRole('searchbox', { name: 'Search runbooks' });
    fireEvent.change(box, { target: { value: 'r' } });
    fireEvent.change(box, { target: { value: 'ro' } });
    fireEvent.change(box, { target: { value: 'roll' } });
    const results = await screen.findByRole('region', { name: 'Search results' });
    await waitFor(() => expect(within(results).getAllByRole('button')).toHaveLength(1));
    expect(calls.filter((c) => c.name === 'search')).toEqual([
      { name: 'search', input: { query: 'roll', limit: 20 } },
    ]);
    expect(within(results).getByText(/^roll$/i, { selector: 'mark' })).toBeInTheDocument();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Roll an S3 object back' })).toHaveFocus();
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(screen.getByRole('region', { name: 'Browse runbooks' })).toBeInTheDocument());
  });

  it('keeps the answer to the latest query when an earlier answer arrives late', async () => {
    holdSearches = true;
    const first = useStore.getState().searchRunbooks('archived');
    const second = useStore.getState().searchRunbooks('roll');
    heldSearches[1]!();
    await second;
    heldSearches[0]!();
    await first;
    const hits = useStore.getState().runbookHits;
    expect(hits.status === 'ready' && hits.value.map((h) => h.id)).toEqual(['s3-version-rollback']);
  });

  it('copies a code block’s command with the values filled, and says what is left to fill', async () => {
    await act(() =>
      useStore.getState().showRunbook('s3-version-rollback', { 'bucket-name': 'acme-prod-orders' }),
    );
    render(<RunbooksView />);
    const copy = await screen.findByRole('button', { name: /^Copy command 1: aws s3api copy-object/ });
    await act(async () => fireEvent.click(copy));
    expect(writeText).toHaveBeenCalledWith(
      'aws s3api copy-object \\\n  --bucket acme-prod-orders \\\n  --copy-source "acme-prod-orders/k?versionId=<version-id>" \\\n  --region us-east-1',
    );
    const status = screen.getByRole('status', { name: '' });
    expect(status).toHaveTextContent('Copied: aws s3api copy-object');
    expect(status).toHaveTextContent('Still to fill before running: <version-id>.');
    expect(copy).toHaveTextContent('Copied');
  });

  it('fills a typed placeholder value into the runbook, for this and later runbooks', async () => {
    await act(() => useStore.getState().showRunbook('s3-version-rollback'));
    render(<RunbooksView />);
    fireEvent.change(await screen.findByLabelText('<version-id>'), { target: { value: 'v42' } });
    await waitFor(() =>
      expect(document.querySelector('.rb-ph-filled[data-placeholder="version-id"]')).toHaveTextContent('v42'),
    );
    expect(useStore.getState().runbookValues).toEqual({ 'version-id': 'v42' });
    expect(screen.getByText(/Placeholders: 2 of 3 filled/)).toBeInTheDocument();
  });

  it('follows a link to another runbook, and shows other links as text', async () => {
    await act(() => useStore.getState().showRunbook('s3-version-rollback'));
    render(<RunbooksView />);
    const body = await screen.findByText(/See/);
    expect(within(body).getByText('a site').tagName).toBe('SPAN');
    await act(async () => fireEvent.click(within(body).getByRole('link', { name: 'the archive runbook' })));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Restore an archived S3 object' }),
    ).toBeInTheDocument();
  });

  it('shows the core’s error when a runbook cannot be opened', async () => {
    await act(() => useStore.getState().showRunbook('no-such-runbook'));
    render(<RunbooksView />);
    expect(await screen.findByRole('alert')).toHaveTextContent('There is no runbook "no-such-runbook".');
  });
});

describe('deep links from procedure steps', () => {
  it('open the reader at the step’s runbook, with nothing to fill when nothing is known', async () => {
    useStore.setState({ view: 'procedure' });
    render(<StepRunbookLink runbookId="s3-archive-restore" stepTitle="Restore the archive" />);
    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: 'Open the runbook for: Restore the archive' })),
    );
    expect(useStore.getState().view).toBe('runbooks');
    expect(useStore.getState().openRunbookId).toBe('s3-archive-restore');
    expect(calls.at(-1)).toEqual({ name: 'get', input: { id: 's3-archive-restore', values: {} } });
  });
});

describe('keyboard use of the library', () => {
  it('moves from the search box into the list and back with the arrow keys', async () => {
    render(<RunbooksView />);
    const browse = await screen.findByRole('region', { name: 'Browse runbooks' });
    const items = entries(browse);
    const box = screen.getByRole('searchbox', { name: 'Search runbooks' });
    box.focus();
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(items[0]).toHaveFocus();
    fireEvent.keyDown(items[0]!, { key: 'ArrowDown' });
    expect(items[1]).toHaveFocus();
    fireEvent.keyDown(items[1]!, { key: 'ArrowUp' });
    fireEvent.keyDown(items[0]!, { key: 'ArrowUp' });
    expect(box).toHaveFocus();
  });
});

describe('reloading the library', () => {
  it('re-reads the files, then refreshes the list and the open runbook', async () => {
    await act(() => useStore.getState().showRunbook('s3-archive-restore'));
    render(<RunbooksView />);
    await screen.findByRole('region', { name: 'Browse runbooks' });
    calls.length = 0;
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Reload runbooks' })));
    await waitFor(() => expect(calls.map((c) => c.name)).toEqual(['reload', 'get']));
    expect(
      screen.getByRole('heading', { level: 1, name: 'Restore an archived S3 object' }),
    ).toBeInTheDocument();
  });
});

describe('the runbook of a recovery option', () => {
  it('opens with the option’s values', async () => {
    const { OptionRunbookButton } =
      await import('../../../../renderer/src/views/runbooks/option-runbook-button');
    render(
      <OptionRunbookButton
        option={{
          kind: 'version-rollback',
          title: 'Roll back object versions in the replica',
          data: {
            sourceArn: 'arn:aws:s3:::acme-prod-orders',
            sourceRegion: 'us-east-1',
            targetRegion: 'us-west-2',
            replicaName: 'acme-prod-orders-dr',
          },
        }}
      />,
    );
    await act(async () =>
      fireEvent.click(
        screen.getByRole('button', {
          name: 'Open the runbook for: Roll back object versions in the replica',
        }),
      ),
    );
    expect(useStore.getState().openRunbookId).toBe('s3-version-rollback');
    expect(useStore.getState().runbookValues).toMatchObject({
      'bucket-name': 'acme-prod-orders-dr',
      'primary-region': 'us-west-2',
    });
  });
});

describe('sections of a long runbook', () => {
  it('jump to a section and put the focus on its heading', async () => {
    await act(() => useStore.getState().showRunbook('s3-version-rollback'));
    render(<RunbooksView />);
    const nav = await screen.findByRole('navigation', { name: 'Sections of this runbook' });
    Element.prototype.scrollIntoView = vi.fn();
    fireEvent.click(within(nav).getByRole('button', { name: 'Verify' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Verify' })).toHaveFocus();
  });
});
