import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/harness';

/**
 * The assessment screen in the default tabletop scenario (us-east-1 down): run a scan from the
 * UI, watch it finish, see region health, the counts and the table, filter it, and open a
 * resource's detail panel by keyboard.
 */
describe('the assessment screen', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('runs a scan, shows health, counts and the table, and opens a resource', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Assess' }).click();
    await page.getByRole('heading', { level: 1, name: 'Assess' }).waitFor();
    await page.getByRole('button', { name: 'Run the assessment' }).click();

    const table = page.getByRole('table', { name: 'Assessed resources' });
    await table.waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Run the assessment again' }).waitFor({ timeout: 60_000 });

    const health = page.getByRole('list', { name: 'Region health' });
    await expect(health.getByText('us-east-1')).toBeTruthy();
    expect(await health.locator('.assess-region-down').count()).toBe(1);
    expect(await health.locator('.assess-region-healthy').count()).toBe(1);

    const counts = page.getByRole('group', { name: 'Resources by readiness' });
    const all = counts.getByRole('button', { name: /All$/ });
    const total = Number((await all.textContent())?.replace(/\D+/g, ''));
    expect(total).toBeGreaterThan(10);
    const rows = table.getByRole('row');
    expect(await rows.count()).toBeGreaterThan(5);

    // Filter to what cannot be recovered: the production ledger bucket without replication is there.
    await counts.getByRole('button', { name: /Not recoverable$/ }).click();
    const ledger = table.getByRole('row', { name: /^acme-prod-payments-ledger, Not recoverable$/ });
    await ledger.waitFor();
    await counts.getByRole('button', { name: /Not recoverable$/ }).click();

    // Open a resource with the keyboard: its options, RPO/RTO and unknowns show.
    await page.getByRole('searchbox').fill('orders-db');
    const row = table.getByRole('row', { name: /^orders-db, / });
    await row.focus();
    await page.keyboard.press('Enter');
    const detail = page.getByRole('complementary', { name: 'orders-db' });
    await detail.waitFor();
    expect(await detail.getByText('Promote the cross-region read replica').count()).toBeGreaterThan(0);
    expect(await detail.getByText(/Cross-region point-in-time restore/).count()).toBeGreaterThan(0);
    expect(await detail.getByRole('heading', { name: 'Not known' }).count()).toBe(1);
    await page.getByRole('searchbox').fill('');
    await app.screenshot('assess');
    await detail.getByRole('button', { name: 'Close the detail panel' }).click();
    expect(await page.getByRole('complementary', { name: 'orders-db' }).count()).toBe(0);
  });
});
