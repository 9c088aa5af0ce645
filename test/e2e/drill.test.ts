import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/harness';
import { seriousViolations } from './support/page-checks';

/**
 * The drills screen in the healthy tabletop scenario: choose S3 and a bucket, run the drill by
 * keyboard, confirm its dry run, watch it pass, read the record (checksum check, clean-up, CC7.3) and find it in the
 * history with its quarter.
 */
describe('the drills screen', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ args: ['--scenario', 'healthy'] });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('runs an S3 drill and shows its record and history', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Drills' }).click();
    await page.getByRole('heading', { level: 1, name: 'Backup drills' }).waitFor();
    const form = page.getByRole('form', { name: 'New drill' });
    await form.waitFor({ timeout: 60_000 });
    expect(await form.getByRole('checkbox', { name: 'S3' }).isChecked()).toBe(true);
    await form.getByRole('combobox', { name: /S3 bucket/ }).selectOption('acme-prod-orders');
    await form.getByRole('textbox', { name: /Run by/ }).fill('Ana');
    await form.getByRole('button', { name: 'Run drill' }).focus();
    await page.keyboard.press('Enter');

    // The dry run: what is created and every AWS call, then an explicit start.
    const confirm = page.getByRole('region', { name: 'Confirm the drill' });
    await confirm.waitFor();
    expect(await confirm.getByText(/aws s3api copy-object --bucket acme-prod-orders/).count()).toBe(1);
    expect(await confirm.getByText(/delete-object .*\(clean-up, tag checked\)/).count()).toBe(1);
    await confirm.getByRole('button', { name: 'Start the drill' }).click();

    const record = page.getByRole('region', { name: /^Record drill-/ });
    await record.waitFor({ timeout: 60_000 });
    await expect
      .poll(() => record.getByRole('heading', { level: 2 }).textContent(), { timeout: 30_000 })
      .toMatch(/PASS$/);
    const results = record.getByRole('table', { name: 'Results per service' });
    expect(await results.getByRole('row', { name: /S3 acme-prod-orders Pass/ }).count()).toBe(1);
    expect(await record.getByText('The restored object has the known checksum').count()).toBe(1);
    expect(await record.getByText(/SOC 2 CC7.3/).count()).toBeGreaterThan(0);
    const progress = page.getByRole('region', { name: /^Drill drill-.*PASSED$/ });
    await progress.waitFor();

    const history = page.getByRole('region', { name: 'History' });
    await history.getByRole('table', { name: 'Results per quarter' }).waitFor();
    expect(await history.getByRole('button', { name: /^Open drill record drill-/ }).count()).toBe(1);

    await record.getByRole('button', { name: 'Show the Markdown record' }).click();
    expect(
      await record
        .getByRole('region', { name: 'Markdown record' })
        .or(record.locator('pre.drill-markdown'))
        .textContent(),
    ).toContain('# Backup drill');
    await record.getByRole('button', { name: 'Hide the Markdown record' }).click();

    expect(await seriousViolations(page, '.drill-view')).toEqual([]);
    await progress.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await app.screenshot('drills');
  }, 180_000);
});
