import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declareExercise } from './support/api';
import { startApp, type RunningApp } from './support/harness';
import { openStepRunbook, seriousViolations } from './support/page-checks';

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
        '  --tagging-directive REPLACE \\',
        "  --tagging 'dr-war-room:incident=<incident-id>&dr-war-room:source=acme-prod-orders' \\",
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
    await openStepRunbook(page, /Validate/, 'Re-apply what restores do not carry over');
    await page.getByRole('heading', { level: 1, name: /DynamoDB point-in-time restore/ }).waitFor();
    await expect
      .poll(() =>
        app.page.getByRole('button', { name: 'Runbooks', exact: true }).getAttribute('aria-current'),
      )
      .toBe('page');
  });

  it('has no serious accessibility problem on the runbooks screen', async () => {
    expect(await seriousViolations(app.page, '.rb-view')).toEqual([]);
  });

  it('sent no request anywhere but the app’s own origin', async () => {
    expect(requests.length).toBeGreaterThan(5);
    const foreign = requests.filter((url) => !url.startsWith(`${app.origin}/`));
    expect(foreign).toEqual([]);
  });
});

/**
 * A commander's path in the tabletop exercise: after the assessment, a runbook opened from its
 * procedure step names the scenario's real buckets and tables, the incident and its regions, and
 * the reader's "Fill for" switches the resource the commands are filled for.
 */
describe('runbooks opened from the steps of a tabletop incident', () => {
  let app: RunningApp;
  let incidentId: string;

  beforeAll(async () => {
    app = await startApp();
    incidentId = await declareExercise(app);
    await app.page.reload();
    await app.page.getByRole('navigation', { name: 'Screens' }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('runs the assessment of the incident', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Assess' }).click();
    await page.getByRole('button', { name: 'Run the assessment' }).click();
    await page.getByRole('button', { name: 'Run the assessment again' }).waitFor({ timeout: 60_000 });
    // The step runbooks below are filled from this scan's resources.
    await expect.poll(() => page.getByText(/^Scan scan-\S+ finished/).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByText(/\d+ of \d+ resources shown/).textContent())
      .toMatch(/^[1-9]\d* of [1-9]\d* resources shown/);
  });

  it('fills the S3 failover runbook from its step with the scenario’s bucket, the regions and the incident', async () => {
    const { page } = app;
    await openStepRunbook(page, /Recover/, 'Point applications at the recovered endpoints');
    await page.getByRole('heading', { level: 1, name: /Fail over S3 to the replica bucket/ }).waitFor();
    const chooser = page.getByRole('combobox', { name: 'Fill for:' });
    await chooser.waitFor();
    const labels = await chooser.locator('option').allTextContents();
    expect(labels[0]).toBe('acme-prod-orders (critical)');
    expect(labels.some((l) => l.startsWith('acme-prod-customer-docs '))).toBe(true);
    const code = page.locator('.rb-body .rb-code pre');
    await expect
      .poll(() => code.allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('--bucket acme-prod-orders \\\n  --region us-east-1'),
          expect.stringContaining('--bucket acme-prod-orders-dr \\\n  --region us-west-2'),
        ]),
      );
    await expect
      .poll(() => page.getByRole('group', { name: 'Fill for:' }).textContent())
      .toContain('Values of acme-prod-orders (us-east-1) from the latest assessment');
  });

  it('switches the resource in the chooser and the commands follow', async () => {
    const { page } = app;
    const chooser = page.getByRole('combobox', { name: 'Fill for:' });
    const docs = (await chooser.locator('option').allTextContents()).find((l) =>
      l.startsWith('acme-prod-customer-docs '),
    )!;
    await chooser.selectOption({ label: docs });
    const code = page.locator('.rb-body .rb-code pre');
    await expect
      .poll(() => code.allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('--bucket acme-prod-customer-docs-dr \\\n  --region us-west-2'),
        ]),
      );
    expect((await code.allTextContents()).some((c) => c.includes('acme-prod-orders'))).toBe(false);
    expect(await page.getByLabel('<bucket-name>').inputValue()).toBe('acme-prod-customer-docs');
    await page.getByRole('heading', { level: 1, name: /Fail over S3/ }).scrollIntoViewIfNeeded();
    await app.screenshot('runbook-step-fill');
  });

  it('has no serious accessibility problem in the reader with its resource chooser', async () => {
    expect(await seriousViolations(app.page, '.rb-main')).toEqual([]);
  });

  it('fills the DynamoDB runbook of its step with the scenario’s table and tags the incident', async () => {
    const { page } = app;
    await openStepRunbook(page, /Validate/, 'Re-apply what restores do not carry over');
    await page.getByRole('heading', { level: 1, name: /DynamoDB point-in-time restore/ }).waitFor();
    const chooser = page.getByRole('combobox', { name: 'Fill for:' });
    await chooser.waitFor();
    const table = (await chooser.locator('option').first().textContent())!.split(' ')[0]!;
    expect(table).toBe('orders-events');
    const code = page.locator('.rb-body .rb-code pre');
    await expect
      .poll(() => code.allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining(`--table-name ${table} \\\n  --region us-east-1`),
          expect.stringContaining(`Key=dr-war-room:incident,Value=${incidentId}`),
        ]),
      );
    // The restore creates a new table, named as the plan would name it in this incident.
    expect(await page.getByLabel('<target-table-name>').inputValue()).toBe(
      `${table}-${incidentId.toLowerCase()}`,
    );
    // us-east-1 is down, so its PITR window could not be read: the restore time is left to the commander.
    await expect
      .poll(() => page.getByRole('group', { name: 'Fill for:' }).textContent())
      .toMatch(/still to fill: .*<restore-time>/);
  });

  it('opens the runbook of an assessment option filled for that resource', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Assess' }).click();
    const table = page.getByRole('table', { name: 'Assessed resources' });
    await table.waitFor();
    await page.getByRole('searchbox').fill('orders-db');
    await table.getByRole('row', { name: /^orders-db, / }).click();
    const detail = page.getByRole('complementary', { name: 'orders-db' });
    await detail
      .getByRole('button', { name: /^Open the runbook for: Cross-region point-in-time restore/ })
      .click();
    await page
      .getByRole('heading', { level: 1, name: /RDS point-in-time restore into the secondary region/ })
      .waitFor();
    await expect
      .poll(() => page.locator('.rb-body .rb-code pre').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('orders-db')]));
    expect(await page.getByRole('combobox', { name: 'Fill for:' }).count()).toBe(0);
  });
  it('fills from the recovery plan once one is built, and each chain of the dry run opens its own runbook', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Recover' }).click();
    const builder = page.getByRole('form', { name: 'Plan builder' });
    await builder.waitFor({ timeout: 60_000 });
    const wanted = new Set(['Recover s3 acme-prod-orders', 'Recover s3 acme-prod-customer-docs']);
    for (const box of await builder.getByRole('checkbox', { name: /^Recover / }).all()) {
      const label = (await box.getAttribute('aria-label')) ?? '';
      if ((await box.isChecked()) !== wanted.has(label) && (await box.isEnabled())) await box.click();
    }
    await builder.getByRole('button', { name: 'Build the plan (dry run)' }).click();
    const preview = page.getByRole('region', { name: /Dry run: plan/ });
    await preview.waitFor();

    await preview.getByRole('button', { name: 'Open the runbook for: s3 acme-prod-customer-docs' }).click();
    await page.getByRole('heading', { level: 1, name: /Fail over S3 to the replica bucket/ }).waitFor();
    await expect
      .poll(() => page.locator('.rb-body .rb-code pre').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('--bucket acme-prod-customer-docs-dr')]));
    expect(await page.getByRole('combobox', { name: 'Fill for:' }).count()).toBe(0);

    await openStepRunbook(page, /Recover/, 'Point applications at the recovered endpoints');
    const chooser = page.getByRole('combobox', { name: 'Fill for:' });
    await expect
      .poll(() => chooser.locator('option').allTextContents())
      .toEqual(['acme-prod-orders (critical)', 'acme-prod-customer-docs (standard)']);
    await expect
      .poll(() => page.getByRole('group', { name: 'Fill for:' }).textContent())
      .toContain('from the incident’s recovery plan · strategy: S3: fail over to the replica bucket');
    await expect
      .poll(() => page.locator('.rb-body .rb-code pre').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('--bucket acme-prod-orders-dr')]));
  });
});
