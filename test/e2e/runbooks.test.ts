import AxeBuilder from '@axe-core/playwright';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/harness';

/** The few browser globals the page functions use (this file is type-checked without DOM types). */
interface BrowserGlobals {
  document: { activeElement: { id: string } | null };
  navigator: { clipboard: { readText(): Promise<string> } };
}

/**
 * The runbook reader end to end: search as you type, open a runbook, copy a command with its
 * placeholders filled, deep links from the procedure's steps, and not one request leaving the
 * app's own origin.
 */
describe('the runbook reader', () => {
  let app: RunningApp;
  const requests: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    const record = (request: Request) => void requests.push(request.url());
    app.context.on('request', record);
    // Load the page again with the recorder attached, so the first load is recorded too.
    await app.page.reload();
    await app.page.getByRole('navigation', { name: 'Screens' }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens from the navigation and browses by service and stage', async () => {
    const page = app.page;
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Runbooks' }).click();
    const browse = page.getByRole('region', { name: 'Browse runbooks' });
    await browse.waitFor();
    await expect.poll(() => browse.locator('button.rb-item').count()).toBe(19);
    await browse.getByLabel('Service').selectOption('rds');
    await browse.getByLabel('Stage').selectOption('validate');
    await expect
      .poll(() => browse.locator('button.rb-item').allTextContents())
      .toEqual([expect.stringContaining('RDS backup test (quarterly)')]);
    await browse.getByLabel('Service').selectOption('all');
    await browse.getByLabel('Stage').selectOption('all');
  });

  it('searches as the commander types, tolerating a typo, and opens the best hit', async () => {
    const page = app.page;
    const box = page.getByRole('searchbox', { name: 'Search runbooks' });
    await box.pressSequentially('snaphsot cop', { delay: 20 });
    const results = page.getByRole('region', { name: 'Search results' });
    await expect
      .poll(() => results.getByRole('button').first().textContent())
      .toContain('RDS snapshot copy to the secondary region and restore');
    await results.getByRole('button').first().click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: /RDS snapshot copy/ }).isVisible())
      .toBe(true);
    // The reader focuses the title so keyboard and screen-reader users land on it.
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.activeElement?.id))
      .toBe('rb-title');
    await box.fill('');
  });

  it('renders Markdown without raw HTML, fills the regions from the procedure, and marks unfilled placeholders', async () => {
    const body = app.page.locator('.rb-body');
    await expect.poll(() => body.locator('.rb-code').count()).toBeGreaterThan(3);
    expect(await body.locator('script, img, iframe, style').count()).toBe(0);
    const firstCode = await body.locator('.rb-code pre').first().textContent();
    expect(firstCode).toContain('--region us-east-1');
    expect(await body.locator('.rb-ph-empty').count()).toBeGreaterThan(0);
  });

  it('copies a command with the values typed into its placeholders', async () => {
    const page = app.page;
    await page.getByRole('searchbox', { name: 'Search runbooks' }).fill('version rollback');
    const results = page.getByRole('region', { name: 'Search results' });
    await expect
      .poll(() => results.getByRole('button').first().textContent())
      .toContain('Roll an S3 object back');
    await page.getByRole('searchbox', { name: 'Search runbooks' }).press('Enter');
    await page
      .getByRole('heading', { level: 1, name: 'Roll an S3 object back to an earlier version' })
      .waitFor();

    await page.getByLabel('<bucket-name>').fill('acme-prod-orders');
    await page.getByLabel('<object-key>').fill('orders/summary.json');
    await page.getByLabel('<version-id>').fill('3HL4kqtJlcpXroDTDmJ');
    await expect
      .poll(() => page.locator('.rb-ph-filled', { hasText: '3HL4kqtJlcpXroDTDmJ' }).count())
      .toBeGreaterThan(0);

    const copyButton = page.getByRole('button', { name: /^Copy command \d+: aws s3api copy-object/ });
    await copyButton.click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Copied' }).textContent())
      .toContain('aws s3api copy-object');
    await expect.poll(() => copyButton.textContent()).toBe('Copied');
    const clipboard = await page.evaluate(() =>
      (globalThis as unknown as BrowserGlobals).navigator.clipboard.readText(),
    );
    expect(clipboard).toBe(
      [
        'aws s3api copy-object \\',
        '  --bucket acme-prod-orders \\',
        '  --key orders/summary.json \\',
        '  --copy-source "acme-prod-orders/orders/summary.json?versionId=3HL4kqtJlcpXroDTDmJ" \\',
        '  --region us-east-1',
      ].join('\n'),
    );
    await app.screenshot('runbook-reader');
  });

  it('follows links between runbooks inside the reader', async () => {
    const page = app.page;
    await page.locator('.rb-body a.rb-link[data-runbook="s3-archive-restore"]').first().click();
    await page.getByRole('heading', { level: 1, name: /Restore an archived S3 object/ }).waitFor();
    // Values typed earlier are the incident context: they fill this runbook too.
    await expect
      .poll(() => page.locator('.rb-body .rb-ph-filled', { hasText: 'acme-prod-orders' }).count())
      .toBeGreaterThan(0);
  });

  it('opens a step’s runbook from the procedure rail', async () => {
    const page = app.page;
    await page
      .getByRole('navigation', { name: 'DR procedure stages' })
      .getByRole('button', { name: /Validate/ })
      .click();
    await page
      .getByRole('button', { name: /Open the runbook for: Re-apply what restores do not carry over/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /DynamoDB point-in-time restore/ }).waitFor();
    await expect
      .poll(() =>
        app.page.getByRole('button', { name: 'Runbooks', exact: true }).getAttribute('aria-current'),
      )
      .toBe('page');
  });

  it('has no serious accessibility problem on the runbooks screen', async () => {
    const result = await new AxeBuilder({ page: app.page }).include('.rb-view').analyze();
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });

  it('sent no request anywhere but the app’s own origin', async () => {
    expect(requests.length).toBeGreaterThan(5);
    const foreign = requests.filter((url) => !url.startsWith(`${app.origin}/`));
    expect(foreign).toEqual([]);
  });
});
