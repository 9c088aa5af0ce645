import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JournalEntry } from '../../../../electron/core/incident/types';
import type { ResourceValidation, ValidationRun } from '../../../../electron/core/validate/types';
import { CheckDetail } from '../../../../renderer/src/views/validate/check-detail';
import { ReapplyConfirm } from '../../../../renderer/src/views/validate/reapply-confirm';
import { buildMatrix, canReapply, outcomesOf } from '../../../../renderer/src/views/validate/matrix-model';
import { ValidationMatrix } from '../../../../renderer/src/views/validate/validation-matrix';
import { runOfEntry } from '../../../../renderer/src/store/slices/validate';

afterEach(cleanup);

function resource(over: Partial<ResourceValidation>): ResourceValidation {
  return {
    resourceId: 'rds:orders-db',
    service: 'rds',
    kind: 'db-instance',
    source: 'orders-db',
    targetId: 'orders-db-dr',
    strategy: 'rds-pitr-cross-region',
    tier: 'critical',
    checks: [],
    status: 'pass',
    achievedRtoMinutes: 80,
    achievedRpoMinutes: 5,
    rpoBasis: 'restored to the latest restorable time → outage assessed',
    rtoTargetMinutes: 120,
    rpoTargetMinutes: 15,
    targetsMet: true,
    ...over,
  };
}

const db = resource({
  status: 'fail',
  checks: [
    { id: 'status', title: 'Instance available', status: 'pass', evidence: 'available.' },
    {
      id: 'class',
      title: 'Instance class as planned',
      status: 'fail',
      evidence: 'target has db.t3.micro; planned db.r6g.large.',
      fix: 'Modify the class.',
      requestIds: ['req-1'],
    },
    {
      id: 'endpoint',
      title: 'Database endpoint reachable',
      status: 'skipped',
      evidence: 'skipped: tabletop endpoint.',
    },
  ],
});
const table = resource({
  resourceId: 'dynamodb:carts',
  service: 'dynamodb',
  kind: 'table',
  source: 'carts',
  targetId: 'carts-dr',
  strategy: 'dynamodb-pitr-cross-region',
  status: 'warn',
  targetsMet: false,
  achievedRtoMinutes: 130,
  checks: [
    { id: 'status', title: 'Table ACTIVE', status: 'pass', evidence: 'ACTIVE.' },
    { id: 'item-count', title: 'Item count as the source', status: 'pass', evidence: '150 = 150.' },
    { id: 'pitr', title: 'PITR on (not restored)', status: 'warn', evidence: 'DISABLED.' },
  ],
});
const run: ValidationRun = {
  id: 'VAL-1',
  incidentId: 'DR-20261126-01',
  startedAt: '2026-11-26T11:00:00Z',
  finishedAt: '2026-11-26T11:01:00Z',
  mode: 'TABLETOP',
  options: { s3Sample: 50, dynamodbSample: 25, skipNetwork: null, only: [] },
  resources: [table, db],
  probes: [],
  notValidated: [],
  counts: { pass: 0, warn: 1, fail: 1, checks: { pass: 3, warn: 1, fail: 1, skipped: 1 } },
  passed: false,
};

describe('the matrix model', () => {
  it('has one column per check id, status first, then in a fixed order; cells null where a check does not apply', () => {
    const m = buildMatrix(run);
    expect(m.columns.map((c) => c.id)).toEqual(['status', 'item-count', 'class', 'endpoint', 'pitr']);
    expect(m.columns.map((c) => c.title)).toEqual(['Status', 'Item count', 'Class', 'Endpoint', 'PITR']);
    expect(m.rows[0]!.cells.map((c) => c?.status ?? null)).toEqual(['pass', 'pass', null, null, 'warn']);
  });

  it('offers the re-apply action only for restored tables with a PITR/TTL/tags finding', () => {
    expect(canReapply(table)).toBe(true);
    expect(canReapply({ ...table, strategy: 'dynamodb-global-replica' })).toBe(false);
    expect(canReapply(db)).toBe(false);
  });

  it('gives the targets chart its rows', () => {
    expect(outcomesOf(run)[0]).toMatchObject({
      resourceId: 'carts',
      achievedRtoMinutes: 130,
      met: false,
      validated: true,
    });
  });

  it('reads a run from a validate.completed journal entry only', () => {
    const entry = {
      seq: 9,
      time: run.finishedAt,
      type: 'validate.completed',
      actor: 'x',
      data: run,
    } as unknown as JournalEntry;
    expect(runOfEntry(entry)?.id).toBe('VAL-1');
    expect(runOfEntry({ ...entry, type: 'recover.confirmed' })).toBeNull();
  });
});

describe('the validation matrix', () => {
  it('says each status in words, not colour alone, and opens the evidence of a cell by keyboard or click', () => {
    const onOpen = vi.fn();
    render(<ValidationMatrix run={run} open={null} busy={false} onOpen={onOpen} onReapply={vi.fn()} />);
    const row = screen.getByRole('row', { name: /orders-db/ });
    expect(within(row).getAllByText('Fail', { exact: false }).length).toBeGreaterThan(0);
    expect(within(row).getAllByText('Skipped', { exact: false })).toHaveLength(1);
    const cell = within(row).getByRole('button', {
      name: 'orders-db, Instance class as planned: Fail. Show the evidence',
    });
    fireEvent.click(cell);
    expect(onOpen).toHaveBeenCalledWith({ resourceId: 'rds:orders-db', checkId: 'class' });
    expect(within(row).getAllByLabelText('not applicable')).toHaveLength(2);
    expect(within(row).getByText(/RTO 80 \/ 120 min/)).toBeTruthy();
    expect(screen.getByRole('region', { name: /Validation matrix/ })).toHaveAttribute('tabindex', '0');
  });

  it('re-applies table settings from the row', () => {
    const onReapply = vi.fn();
    render(<ValidationMatrix run={run} open={null} busy={false} onOpen={vi.fn()} onReapply={onReapply} />);
    fireEvent.click(screen.getByRole('button', { name: 'Re-apply PITR, TTL, tags…' }));
    expect(onReapply).toHaveBeenCalledWith('dynamodb:carts');
  });

  it('shows the evidence, the fix and the request ids of the opened cell', () => {
    const onClose = vi.fn();
    render(
      <CheckDetail run={run} open={{ resourceId: 'rds:orders-db', checkId: 'class' }} onClose={onClose} />,
    );
    expect(screen.getByRole('heading', { name: 'orders-db: Instance class as planned · Fail' })).toBeTruthy();
    expect(screen.getByText('target has db.t3.micro; planned db.r6g.large.')).toBeTruthy();
    expect(screen.getByText(/Modify the class\./)).toBeTruthy();
    expect(screen.getByText(/req-1/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close evidence' }));
    expect(onClose).toHaveBeenCalled();
  });
});

describe('the re-apply dry run', () => {
  const preview = {
    incidentId: 'DR-20261126-01',
    resourceId: 'dynamodb:carts',
    table: 'carts-dr',
    dryRun: true,
    planned: [
      {
        setting: 'pitr' as const,
        operation: 'UpdateContinuousBackups',
        cli: 'aws dynamodb update-continuous-backups --region us-west-2 --table-name carts-dr',
        detail: 'point-in-time recovery enabled',
      },
    ],
    applied: [],
    skipped: [{ setting: 'ttl' as const, reason: 'TTL already on expiresAt' }],
  };

  it('lists the aws CLI commands and sends only on an explicit confirmation', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(<ReapplyConfirm preview={preview} busy={false} onConfirm={onConfirm} onCancel={onCancel} />);
    expect(screen.getByText(/^aws dynamodb update-continuous-backups/)).toBeTruthy();
    expect(screen.getByText(/Nothing has been sent yet/)).toBeTruthy();
    expect(screen.getByText(/ttl \(TTL already on expiresAt\)/)).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Send 1 call to carts-dr' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });

  it('offers nothing to send when every setting is already as the source', () => {
    render(
      <ReapplyConfirm
        preview={{ ...preview, planned: [] }}
        busy={false}
        onConfirm={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    expect(screen.getByText(/Nothing to send/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Send/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
  });
});
