import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabletopFaultsView } from '../../electron/core/api/calls/tabletop';
import { callApi } from './support/api';
import { startApp, type RunningApp } from './support/harness';
import { openView, seriousViolations } from './support/page-checks';

/**
 * The facilitator screen of the default tabletop scenario (us-east-1 down with 503s): take
 * us-west-2's DynamoDB down by keyboard, see it confirmed and in force (also through the API the
 * participants' app uses), bring it back, and pass axe.
 */
describe('the facilitator screen', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('switches a fault on and off mid-exercise, confirmed on screen', async () => {
    const { page } = app;
    await openView(page, 'Facilitator');
    const inForce = page.getByRole('region', { name: 'Faults in force' });
    await inForce.getByText('us-east-1 down for every service: 503 ServiceUnavailable').waitFor();

    const outage = page.getByRole('form', { name: 'Take a region down' });
    await outage.getByRole('combobox', { name: 'Region' }).selectOption('us-west-2');
    await outage.getByRole('combobox', { name: 'How its APIs fail' }).selectOption('refused');
    await outage.getByRole('checkbox', { name: 'DynamoDB' }).focus();
    await page.keyboard.press('Space');
    await outage.getByRole('button', { name: 'Take us-west-2 down' }).focus();
    await page.keyboard.press('Enter');

    const status = page.getByRole('status').filter({ hasText: 'us-west-2 is down' });
    await status.waitFor();
    expect(await status.textContent()).toBe(
      'us-west-2 is down for DynamoDB: connections refused, from the next request.',
    );
    await inForce.getByText('us-west-2 down for DynamoDB: Connection refused').waitFor();
    const view = await callApi<TabletopFaultsView>(app, 'tabletop.faults');
    expect(view.faults.regionOutages).toEqual([
      { region: 'us-east-1', mode: '5xx' },
      { region: 'us-west-2', mode: 'refused', services: ['dynamodb'] },
    ]);

    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('heading', { level: 1, name: 'Facilitator' }).scrollIntoViewIfNeeded();
    await app.screenshot('facilitator');

    await inForce.getByRole('button', { name: 'Bring us-west-2 back up' }).click();
    await page.getByRole('status').filter({ hasText: 'us-west-2 is back up' }).waitFor();
    expect(await inForce.getByText(/us-west-2 down/).count()).toBe(0);
  });
});
