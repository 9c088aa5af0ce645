import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/harness';

describe('the app frame in browser mode', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the TABLETOP badge when no AWS credentials are configured', async () => {
    const badge = app.page.getByTestId('mode-badge');
    await expect.poll(() => badge.textContent()).toBe('TABLETOP');
  });

  it('shows the five stages of the DR procedure, in order, from the procedure file', async () => {
    const rail = app.page.getByRole('navigation', { name: 'DR procedure stages' });
    await rail.waitFor();
    const titles = await rail.locator('.stage-title').allTextContents();
    expect(titles).toEqual(['Assess', 'Activate', 'Recover', 'Validate', 'Document']);
    await app.screenshot('app-frame');
  });

  it('opens a stage and lists its steps', async () => {
    const rail = app.page.getByRole('navigation', { name: 'DR procedure stages' });
    await rail.getByRole('button', { name: /Recover/ }).click();
    await expect.poll(() => app.page.getByRole('heading', { level: 1 }).textContent()).toBe('Recover');
    await expect
      .poll(() => app.page.getByText('Build the recovery plan and review the dry run').first().isVisible())
      .toBe(true);
  });

  it('removes the token from the address bar', async () => {
    expect(app.page.url()).not.toContain('token=');
  });

  it('refuses API requests without the token, and with a foreign Host', async () => {
    const noToken = await fetch(`${app.origin}/api/app.info`, { method: 'POST', body: '{}' });
    expect(noToken.status).toBe(401);
    const foreignHost = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request(
          `${app.origin}/api/app.info`,
          { method: 'POST', headers: { Host: 'attacker.example:80', Authorization: `Bearer ${app.token}` } },
          (res) => resolve(res.statusCode ?? 0),
        );
        req.on('error', reject);
        req.end('{}');
      }, reject);
    });
    expect(foreignHost).toBe(403);
    const withToken = await fetch(`${app.origin}/api/app.info`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${app.token}` },
      body: '{}',
    });
    expect(withToken.status).toBe(200);
    expect(((await withToken.json()) as { ok: boolean }).ok).toBe(true);
  });
});
