import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecoverableView, RecoveryPlan, RecoveryRunView } from '../../electron/core/recover/types';
import { callApi, declareExercise } from './support/api';
import { startApp, type RunningApp } from './support/harness';
import { openView, seriousViolations } from './support/page-checks';

/**
 * The validation matrix after a tabletop recovery. The recovery runs through the core API calls
 * (the recover e2e drives its UI): the S3 replicas and DynamoDB global tables, which fail over
 * without a restore, so the run completes at the exercise's real-time speed.
 */
describe('the validation matrix after a tabletop recovery', () => {
  let app: RunningApp;
  let incidentId: string;

  beforeAll(async () => {
    app = await startApp();
    incidentId = await declareExercise(app);
    const view = await callApi<RecoverableView>(app, 'recover.resources', { incidentId });
    const selection = view.resources
      .filter((r) =>
        r.options.some(
          (o) =>
            o.available &&
            (o.data.strategy === 's3-replica-failover' || o.data.strategy === 'dynamodb-global-replica'),
        ),
      )
      .map((r) => ({
        resourceId: r.id,
        strategy:
          r.service === 's3' ? ('s3-replica-failover' as const) : ('dynamodb-global-replica' as const),
      }));
    expect(selection.length).toBeGreaterThan(2);
    const plan = await callApi<RecoveryPlan>(app, 'recover.plan', { incidentId, selection });
    await callApi(app, 'recover.confirm', { incidentId, planId: plan.id, typed: incidentId });
    // Wait for the run to settle (a wait, not a speed assertion).
    let status = 'running';
    for (let i = 0; i < 240 && status !== 'completed' && status !== 'failed'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await callApi<RecoveryRunView>(app, 'recover.status', { incidentId })).run.status;
    }
    if (status !== 'completed') throw new Error(`the recovery did not complete: ${status}`);
    await app.page.reload();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('runs the validation from the screen and shows resources × checks in words, with evidence on select', async () => {
    const { page } = app;
    await openView(page, 'Validate');
    await page.getByRole('heading', { level: 1, name: `Validate: ${incidentId}` }).waitFor();
    await page.getByRole('button', { name: 'Run validation' }).click();
    const matrix = page.getByRole('region', { name: /Validation matrix/ });
    await matrix.waitFor({ timeout: 60_000 });
    const orders = matrix.getByRole('row', { name: /acme-prod-orders/ });
    await orders.waitFor();
    expect(await orders.textContent()).toContain('acme-prod-orders-dr');
    // Checksums are proven from the bytes read back from the replica.
    const checksums = orders.getByRole('button', {
      name: /acme-prod-orders, Checksums of the objects: Pass/,
    });
    expect(await checksums.count()).toBe(1);
    // With us-east-1 down there is nothing to count against: a warning that says so, not a pass.
    const count = orders.getByRole('button', { name: /acme-prod-orders, Object count and bytes: Warn/ });
    await count.focus();
    await page.keyboard.press('Enter');
    const detail = page.getByRole('region', { name: /acme-prod-orders: Object count and bytes/ });
    await detail.waitFor();
    expect(await detail.textContent()).toMatch(/no source count to compare with/);
    const table = matrix.getByRole('row', { name: /orders-events/ });
    expect(await table.getByRole('button', { name: /Sampled items equal the source: Skipped/ }).count()).toBe(
      1,
    );
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /No check failed/ })
        .count(),
    ).toBe(1);
    expect(await page.getByRole('img', { name: /Bar chart of RTO and RPO/ }).count()).toBe(1);
    expect(await seriousViolations(page, '.validate-view')).toEqual([]);
    await page.getByRole('heading', { level: 1, name: `Validate: ${incidentId}` }).scrollIntoViewIfNeeded();
    await app.screenshot('validate');
  });

  it('the results are journaled: the incident shows the validation step done after a reload', async () => {
    const view = await callApi<{ state: { steps: Record<string, { status: string }> } }>(
      app,
      'incident.get',
      {
        incidentId,
      },
    );
    expect(view.state.steps['run-validation']?.status).toBe('done');
    const latest = await callApi<{ latest: { passed: boolean; resources: unknown[] } | null }>(
      app,
      'validate.latest',
      {
        incidentId,
      },
    );
    expect(latest.latest?.passed).toBe(true);
    expect(latest.latest?.resources.length).toBeGreaterThan(2);
    await app.page.reload();
    await openView(app.page, 'Validate');
    await app.page.getByRole('region', { name: /Validation matrix/ }).waitFor();
    expect(await app.page.getByRole('button', { name: 'Validate again' }).count()).toBe(1);
  });
});
