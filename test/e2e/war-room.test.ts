import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/api';
import { startApp, type RunningApp } from './support/harness';
import { openView, watchConsole } from './support/page-checks';

/** Resolve once the focused element has this id (a function, not a string: the page's CSP forbids eval). */
const focusedId = (app: RunningApp, id: string) =>
  app.page.waitForFunction(
    (want) =>
      (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement
        ?.id === want,
    id,
  );

/** Evaluate an expression in the page (this file is type-checked without DOM types). */
const inPage = <T>(app: RunningApp, expression: string) => app.page.evaluate(expression) as Promise<T>;

describe('the war room: header, keyboard, themes, export, layout', () => {
  let app: RunningApp;
  let seen: ReturnType<typeof watchConsole>;

  beforeAll(async () => {
    app = await startApp();
    seen = watchConsole(app.page);
    await app.page.locator('.stage-rail').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('declares an incident from the command palette, keyboard only', async () => {
    const page = app.page;
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    expect(await inPage<string>(app, 'document.activeElement?.getAttribute("role") ?? ""')).toBe('combobox');
    await page.keyboard.type('declare');
    expect(await palette.getByRole('option', { selected: true }).innerText()).toContain(
      'Declare an incident',
    );
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Declare an incident' });
    await dialog.waitFor();
    await dialog.getByLabel('Title').fill('us-east-1 outage: checkout down');
    await dialog.getByLabel('Incident commander').fill('Ana Ruiz');
    await dialog.getByRole('button', { name: 'Declare incident' }).click();
    await page.getByTestId('header-incident').waitFor();
    expect(await page.getByTestId('header-incident').innerText()).toContain(
      'us-east-1 outage: checkout down',
    );
  });

  it('shows the incident clock against the RTO, and both regions as last seen', async () => {
    const clock = app.page.getByTestId('incident-clock');
    await clock.waitFor();
    expect(await clock.getAttribute('data-level')).toBe('ok');
    expect(await clock.getAttribute('aria-label')).toMatch(/against an RTO of .+: within the RTO/);
    const regions = app.page.getByTestId('region-health').getByRole('listitem');
    expect(await regions.count()).toBe(2);
    // The default scenario: us-east-1 does not answer, us-west-2 does.
    expect(await regions.nth(0).getAttribute('aria-label')).toMatch(/^us-east-1 \(primary\): down/);
    expect(await regions.nth(1).getAttribute('aria-label')).toMatch(/^us-west-2 \(secondary\): healthy/);
    await app.screenshot('war-room-header');
  });

  it('Alt+1…5 select the stages; N writes a note; / searches the runbooks', async () => {
    const page = app.page;
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Alt+3');
    await page.locator('.stage-selected', { hasText: 'Recover' }).waitFor();
    await page.keyboard.press('Alt+1');
    await page.locator('.stage-selected', { hasText: 'Assess' }).waitFor();

    await page.keyboard.press('n');
    await focusedId(app, 'notes-box-text');
    // Typing in the notes box: bare keys type, they do not trigger shortcuts.
    await page.keyboard.type('n/?');
    expect(await page.locator('#notes-box-text').inputValue()).toBe('n/?');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.locator('#notes-box-text').fill('');

    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await focusedId(app, 'rb-search-input');
  });

  it('? lists the shortcuts; Escape closes and gives focus back', async () => {
    const page = app.page;
    const trigger = page
      .getByRole('button', { name: 'Go to the procedure' })
      .or(
        page
          .getByRole('navigation', { name: 'Screens' })
          .getByRole('button', { name: 'Procedure', exact: true }),
      );
    await trigger.first().focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const keys of ['Ctrl+K / ⌘K', 'Alt+1 … Alt+5', 'N or Ctrl+Shift+N', '/', '?']) {
      expect(await help.getByRole('cell', { name: keys, exact: true }).count()).toBe(1);
    }
    await app.screenshot('help-overlay');
    await page.keyboard.press('Escape');
    expect(await help.count()).toBe(0);
    expect(await inPage<string>(app, 'document.activeElement?.textContent ?? ""')).toBe('Procedure');
  });

  it('the palette reaches runbooks and opens one', async () => {
    const page = app.page;
    await page.keyboard.press('Control+k');
    await page.keyboard.type('runbook');
    const options = page.getByRole('dialog', { name: 'Command palette' }).getByRole('option');
    await options.filter({ hasText: 'Runbook:' }).first().waitFor();
    await app.screenshot('command-palette');
    const title = (await options.filter({ hasText: 'Runbook:' }).first().innerText()).split('Runbook: ')[1]!;
    await options.filter({ hasText: 'Runbook:' }).first().click();
    await page.locator('#rb-title').waitFor();
    expect(await page.locator('#rb-title').innerText()).toContain(title.split('\n')[0]!.trim());
  });

  it('switches to the light theme and presentation mode and remembers both after a reload', async () => {
    const page = app.page;
    await page.keyboard.press('Alt+t');
    await page.getByRole('button', { name: 'Large text (presentation mode)' }).click();
    expect(await inPage<string>(app, 'document.documentElement.dataset.theme')).toBe('light');
    await page.reload();
    await page.locator('.stage-rail').waitFor();
    expect(await inPage<string>(app, 'document.documentElement.dataset.theme')).toBe('light');
    expect(await inPage<string>(app, 'document.documentElement.dataset.presentation')).toBe('true');
    expect(await inPage<string>(app, 'getComputedStyle(document.body).fontSize')).toBe('20px');
    await openView(page, 'Incident');
    await app.screenshot('light-presentation');
    await page.keyboard.press('Alt+p');
    await page.keyboard.press('Alt+t');
    expect(await inPage<string>(app, 'document.documentElement.dataset.theme')).toBe('dark');
  });

  it('exports the saved record as standalone HTML in browser mode', async () => {
    const page = app.page;
    await openView(page, 'Record');
    await page.getByLabel('Summary').fill('Failed over to us-west-2 in a tabletop exercise.');
    await page.getByRole('button', { name: 'Save record' }).click();
    await page.getByRole('status', { name: 'Saved record' }).waitFor();
    expect(await page.getByRole('button', { name: 'Export PDF' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Export HTML' }).click();
    const exported = page.getByRole('status', { name: 'Exported record' });
    await exported.waitFor();
    const htmlPath = (await exported.locator('.saved-path').first().innerText()).trim();
    expect(htmlPath.startsWith(app.dataDir)).toBe(true);
    expect(htmlPath.endsWith('.html')).toBe(true);
    const { readFile } = await import('node:fs/promises');
    const html = await readFile(htmlPath, 'utf8');
    expect(html).toContain('Failed over to us-west-2 in a tabletop exercise.');
    expect(html).not.toMatch(/<script/i);
  });

  it('runs the assessment from the palette and draws readiness by service (echarts, no CSP violation)', async () => {
    const page = app.page;
    await page.keyboard.press('Control+k');
    await page.keyboard.type('run the assessment');
    await page.keyboard.press('Enter');
    const figure = page.getByRole('figure', { name: /Readiness by service/ });
    await figure.waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Run the assessment again' }).waitFor({ timeout: 60_000 });
    expect(await figure.locator('canvas').count()).toBeGreaterThan(0);
    expect(await figure.getByRole('table').getByRole('row').count()).toBeGreaterThan(1);
    // The header's region health now comes from the assessment.
    expect(
      await page.getByTestId('region-health').getByRole('listitem').first().getAttribute('aria-label'),
    ).toMatch(/assessment at/);
    await figure.scrollIntoViewIfNeeded();
    await app.screenshot('assess-readiness');
    expect(seen.cspViolations).toEqual([]);
  });

  it('shows the offline-from-AWS banner while the network is gone, and hides it when it is back', async () => {
    const page = app.page;
    const banner = page.getByTestId('offline-indicator');
    expect(await banner.count()).toBe(0);
    await app.context.setOffline(true);
    await banner.waitFor();
    expect(await banner.innerText()).toContain('Offline from AWS.');
    expect(await banner.getByRole('button', { name: 'Check again' }).count()).toBe(1);
    await app.screenshot('offline-banner');
    await app.context.setOffline(false);
    await banner.waitFor({ state: 'detached' });
  });

  it('fits 1280×720: nothing scrolls sideways and the header stays in view', async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    const titles = await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button')
      .allInnerTexts();
    for (const title of titles) {
      await openView(page, title);
      const overflow = await inPage<number>(
        app,
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect({ title, overflow }).toEqual({ title, overflow: 0 });
      const headerBottom = await inPage<number>(
        app,
        'document.querySelector(".app-header").getBoundingClientRect().bottom',
      );
      expect(headerBottom).toBeLessThan(720 / 4);
    }
    await openView(page, 'Procedure');
    await app.screenshot('war-room-1280x720');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('the header shows a seeded incident after a reload, and no CSP violation was logged', async () => {
    const view = await callApi<{ state: { id: string } }>(app, 'incident.active');
    expect(view.state.id).toMatch(/^DR-/);
    expect(seen.cspViolations).toEqual([]);
  });
});

describe('browser mode: a long action that finishes in the background', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
    // The page as it is when the commander is in another window: visible, not focused.
    await app.page.addInitScript('document.hasFocus = () => false;');
    await app.page.reload();
    await app.page.locator('.stage-rail').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('is announced in the notice area and counted in the tab title', async () => {
    await callApi(app, 'assess.run', {});
    const notice = app.page.locator('.notice', { hasText: 'Assessment finished' });
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/resources assessed/);
    expect(await app.page.title()).toBe('(1) DR War Room');
  });
});
