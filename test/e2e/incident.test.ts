import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/harness';

/** Walk a tabletop incident from declaration to a saved lessons-learned record, through the UI only. */
describe('a tabletop incident from declaration to the saved record', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  const page = () => app.page;
  const heading = () => page().getByRole('heading', { level: 1 });

  async function tick(title: string) {
    const button = page().getByRole('button', { name: `Mark done: ${title}` });
    await button.click();
    await button.waitFor({ state: 'detached' });
  }

  async function signOffAndMove(from: string, to: string) {
    await page()
      .getByRole('button', { name: `Sign off ${from} as Ana Ruiz and move to ${to}` })
      .click();
    await expect
      .poll(() =>
        page()
          .getByRole('heading', { name: `${to} checklist` })
          .isVisible(),
      )
      .toBe(true);
  }

  it('declares the incident from the dialog', async () => {
    await page().getByRole('button', { name: 'Incident', exact: true }).click();
    await page().getByRole('button', { name: 'Declare incident' }).click();
    const dialog = page().getByRole('dialog', { name: 'Declare an incident' });
    await dialog.getByLabel('Title').fill('us-east-1 S3 and RDS unavailable');
    await dialog.getByLabel('Incident commander').fill('Ana Ruiz');
    await dialog.getByRole('button', { name: 'Declare incident' }).click();
    await expect
      .poll(() => heading().textContent())
      .toMatch(/^Exercise DR-\d{8}-01: us-east-1 S3 and RDS unavailable$/);
    await expect
      .poll(() =>
        page()
          .getByText(/TABLETOP/)
          .first()
          .isVisible(),
      )
      .toBe(true);
  });

  it('refuses to leave Assess with required steps open, saying which', async () => {
    await page().getByRole('button', { name: 'Sign off Assess as Ana Ruiz and move to Activate' }).click();
    const alert = page().getByRole('alert').filter({ hasText: 'That was refused' });
    await expect.poll(() => alert.textContent()).toContain('confirm-outage');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('works through Assess and the activation decision', async () => {
    await tick('Confirm the regional outage from at least two independent sources');
    await tick('Inventory both regions and measure recovery readiness');
    await tick('Review readiness gaps and the achievable RPO per tier');
    await expect.poll(() => page().locator('.rail-progress').first().textContent()).toContain('3/4 done');
    await signOffAndMove('Assess', 'Activate');

    await page()
      .getByLabel('What is affected? Which services, which region, which customers.')
      .fill('S3 and RDS in us-east-1; checkout');
    await page()
      .getByLabel('How long is the outage expected to last, and what does AWS say?')
      .fill('AWS: several hours');
    await page()
      .getByLabel('What data is at risk, and how much loss is acceptable?')
      .fill('Orders since the last 5-minute log backup');
    await page().getByLabel('Approved by', { exact: true }).fill('Chief Technology Officer');
    await page().getByLabel('Scribe', { exact: true }).fill('Bo Chen');
    await page().getByRole('button', { name: 'Record GO decision' }).click();
    await expect
      .poll(() =>
        page()
          .getByText(/Recorded: GO/)
          .isVisible(),
      )
      .toBe(true);
    await tick('Assign the commander, the scribe and the service owners');
    await tick('Freeze deployments and changes in both regions');
    await signOffAndMove('Activate', 'Recover');
  });

  it('keeps a note from the always-present notes box on the timeline', async () => {
    await page()
      .getByLabel(/^Note for DR-/)
      .fill('Restores started from replicated backups in us-west-2.');
    await page().getByRole('button', { name: 'Add as decision' }).click();
    await expect
      .poll(() =>
        page()
          .getByRole('status')
          .filter({ hasText: /Decision #\d+ saved/ })
          .isVisible(),
      )
      .toBe(true);
  });

  it('recovers and validates', async () => {
    await tick('Build the recovery plan and review the dry run');
    await tick('Run the recovery and watch it to completion');
    await tick('Point applications at the recovered endpoints (endpoint map)');
    await signOffAndMove('Recover', 'Validate');
    await tick('Run the integrity checks on every restored resource');
    await tick('Re-apply what restores do not carry over (PITR, TTL, tags)');
    await tick('Confirm the applications work end to end with their owners');
    await signOffAndMove('Validate', 'Document');
    await app.screenshot('incident');
  });

  it('drafts a status update as text', async () => {
    await page().getByRole('button', { name: 'Draft update from the journal' }).click();
    await expect
      .poll(() => page().getByLabel('Update text').inputValue())
      .toContain('[EXERCISE - NOT A REAL INCIDENT]');
    await page().getByRole('button', { name: 'Mark as sent' }).click();
    await expect
      .poll(() =>
        page()
          .getByText(/Last sent at/)
          .isVisible(),
      )
      .toBe(true);
  });

  it('shows the timeline, filterable by kind', async () => {
    await page().getByRole('button', { name: 'Timeline', exact: true }).click();
    await expect.poll(() => heading().textContent()).toMatch(/^Timeline of DR-/);
    const rows = page().locator('.timeline-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    for (const kind of ['note', 'stage', 'step', 'aws', 'status', 'record', 'system', 'other']) {
      await page().getByRole('checkbox', { name: kind, exact: true }).uncheck();
    }
    await expect.poll(() => rows.count()).toBe(2); // the activation decision and the note saved as a decision
    await expect
      .poll(() => rows.allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Restores started from replicated backups')]));
    await app.screenshot('timeline');
  });

  it('writes the record with a live preview, refuses a bad due date, saves it and shows its folder', async () => {
    await page().getByRole('button', { name: 'Record', exact: true }).click();
    await page()
      .getByLabel('Summary', { exact: true })
      .fill('Regional outage of S3 and RDS; failed over to us-west-2.');
    const preview = page().getByLabel('Record preview (Markdown)');
    await expect
      .poll(() => preview.textContent())
      .toContain('Regional outage of S3 and RDS; failed over to us-west-2.');
    await expect.poll(() => preview.textContent()).toContain('# Tabletop exercise: Lessons learned:');
    await page().getByRole('button', { name: 'Add action item' }).click();
    await page().getByLabel('Action item 1: what').fill('Replicate orders-db backups to us-west-2');
    await page().getByLabel('Action item 1: owner').fill('Dee Park');
    await page().getByLabel('Action item 1: due date').fill('2026-02-30');
    await expect.poll(() => page().getByText('actionItems[0].due').isVisible()).toBe(true);
    expect(await page().getByRole('button', { name: 'Save record' }).isDisabled()).toBe(true);
    await page().getByLabel('Action item 1: due date').fill('2099-12-15');
    await page().getByRole('button', { name: 'Save record' }).click();
    const saved = page().getByRole('status', { name: 'Saved record' });
    await expect.poll(() => saved.textContent()).toMatch(/\d{8}T\d{6}Z-DR-\d{8}-01-lessons-learned\.md/);
    await saved.getByRole('button', { name: 'Open folder' }).click();
    await expect.poll(() => saved.textContent()).toContain(`Folder: ${path.join(app.dataDir, 'records')}`);
    await app.screenshot('record');

    const names = await readdir(path.join(app.dataDir, 'records'));
    const md = names.find((n) => n.endsWith('.md'))!;
    expect(names).toContain(md.replace(/\.md$/, '.json'));
    const text = await readFile(path.join(app.dataDir, 'records', md), 'utf8');
    expect(text).toContain('| Replicate orders-db backups to us-west-2 | Dee Park | 2099-12-15 |');
    expect(text).toContain('Restores started from replicated backups in us-west-2.');
  });

  it('marks the record step done and closes the incident when Document is signed off', async () => {
    await page().getByRole('button', { name: 'Export evidence pack' }).click();
    await expect
      .poll(() => page().getByRole('status', { name: 'Evidence pack' }).textContent())
      .toContain('journal ok');
    await page().getByRole('button', { name: 'Incident', exact: true }).click();
    await tick('File the action items with owners and due dates');
    await page()
      .getByRole('button', { name: 'Sign off Document as Ana Ruiz and close the incident' })
      .click();
    await expect
      .poll(() =>
        page()
          .getByText(/The incident was closed at/)
          .isVisible(),
      )
      .toBe(true);
  });

  it('has no serious accessibility problems on the incident, timeline and record screens', async () => {
    for (const [screen, selector] of [
      ['Incident', '.incident-view'],
      ['Timeline', '.timeline-view'],
      ['Record', '.record-view'],
    ] as const) {
      await page().getByRole('button', { name: screen, exact: true }).click();
      await page().locator(selector).waitFor();
      const result = await new AxeBuilder({ page: page() }).include(selector).analyze();
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${screen}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
    }
  });
});
