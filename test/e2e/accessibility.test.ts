import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/api';
import { startApp, type RunningApp } from './support/harness';
import { openView, seriousViolations, watchConsole } from './support/page-checks';

/** The screens of `renderer/src/views/registry.ts`, read from the running page's navigation. */
async function viewTitles(app: RunningApp): Promise<string[]> {
  return app.page.getByRole('navigation', { name: 'Screens' }).getByRole('button').allInnerTexts();
}

describe('accessibility: every view in both themes has no serious or critical axe violation', () => {
  let app: RunningApp;
  let console_: ReturnType<typeof watchConsole>;

  beforeAll(async () => {
    app = await startApp();
    console_ = watchConsole(app.page);
    // An open incident with a little history, so the views show their full content.
    const incident = await callApi<{ state: { id: string } }>(app, 'incident.declare', {
      title: 'Accessibility walk-through',
      commander: 'Axe Tester',
    });
    await callApi(app, 'incident.note', { incidentId: incident.state.id, text: 'First note', kind: 'note' });
    await app.page.reload();
    await app.page.getByTestId('incident-clock').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  for (const theme of ['dark', 'light'] as const) {
    it(`passes axe on every view in the ${theme} theme`, async () => {
      const current = await app.page.evaluate('document.documentElement.dataset.theme');
      if (current !== theme) await app.page.keyboard.press('Alt+t');
      expect(await app.page.evaluate('document.documentElement.dataset.theme')).toBe(theme);
      const titles = await viewTitles(app);
      expect(titles.length).toBeGreaterThanOrEqual(6);
      const failures: Record<string, unknown> = {};
      for (const title of titles) {
        await openView(app.page, title);
        const found = await seriousViolations(app.page);
        if (found.length > 0) failures[title] = found;
      }
      expect(failures).toEqual({});
    });
  }

  it('passes axe with the command palette and the help overlay open', async () => {
    await app.page.keyboard.press('Control+k');
    await app.page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    expect(await seriousViolations(app.page, '.palette')).toEqual([]);
    await app.page.keyboard.press('Escape');
    await app.page.keyboard.press('?');
    await app.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await seriousViolations(app.page, '.help-overlay')).toEqual([]);
    await app.page.keyboard.press('Escape');
  });

  it('logged no Content-Security-Policy violation while showing every view (charts included)', () => {
    expect(console_.cspViolations).toEqual([]);
  });
});
