import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/harness';
import { seriousViolations, watchConsole } from './support/page-checks';

/** Call the bridge API with the session token (test setup only; the recovery itself goes through the UI). */
async function api<T>(app: RunningApp, name: string, input: unknown): Promise<T> {
  const res = await fetch(`${app.origin}/api/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value as T;
}

describe('an end-to-end tabletop recovery of the default scenario through the UI', () => {
  let app: RunningApp;
  let incidentId: string;
  let consoleSeen: ReturnType<typeof watchConsole>;

  beforeAll(async () => {
    app = await startApp();
    consoleSeen = watchConsole(app.page);
    const view = await api<{ state: { id: string } }>(app, 'incident.declare', {
      title: 'us-east-1 outage exercise',
      commander: 'Ana Commander',
    });
    incidentId = view.state.id;
    await app.page.reload();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('selects resources, previews the dry run with aws CLI equivalents, and refuses to start until the incident id is typed', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Recover' }).click();
    await page.getByRole('heading', { level: 1, name: `Recover: ${incidentId}` }).waitFor();
    const builder = page.getByRole('form', { name: 'Plan builder' });
    await builder.waitFor({ timeout: 60_000 });
    // Recover the stores that fail over without a restore: S3 replicas and DynamoDB global tables.
    const boxes = builder.getByRole('checkbox', { name: /^Recover / });
    for (const box of await boxes.all()) {
      const label = (await box.getAttribute('aria-label')) ?? '';
      const wanted = /^Recover (s3|dynamodb) /.test(label);
      if ((await box.isChecked()) !== wanted && (await box.isEnabled())) await box.click();
    }
    expect(await builder.getByRole('checkbox', { name: /^Recover s3 acme-prod-orders$/ }).isChecked()).toBe(
      true,
    );
    await builder.getByRole('button', { name: 'Build the plan (dry run)' }).click();
    const preview = page.getByRole('region', { name: /Dry run: plan/ });
    await preview.waitFor();
    const cli = await preview.locator('pre.cli').allTextContents();
    expect(cli.length).toBeGreaterThan(0);
    expect(
      cli.some((c) => c.startsWith('aws s3api head-object --region us-west-2 --bucket acme-prod-orders-dr')),
    ).toBe(true);
    expect(cli.some((c) => c.startsWith('aws dynamodb describe-table --region us-west-2'))).toBe(true);
    const start = preview.getByRole('button', { name: 'Start the recovery' });
    const confirm = preview.getByLabel(/Type the incident id/);
    await confirm.fill('yes');
    expect(await start.isDisabled()).toBe(true);
    await confirm.fill(incidentId);
    expect(await start.isEnabled()).toBe(true);
    await preview.getByRole('heading', { name: /Dry run: plan/ }).scrollIntoViewIfNeeded();
    await app.screenshot('recover-plan');
    expect(await seriousViolations(page, '.recover-view')).toEqual([]);
    await start.click();
  });

  it('shows the operations board to completion, with the Gantt and the endpoint map', async () => {
    const { page } = app;
    const board = page.getByRole('region', { name: /Operations board/ });
    await board.waitFor();
    await expect
      .poll(() => board.locator('.run-completed').count(), { timeout: 60_000, interval: 250 })
      .toBe(1)
      .catch(async (error: unknown) => {
        const status = await api<{
          run: { status: string; actions: Record<string, { state: string; status: string | null }> };
        }>(app, 'recover.status', { incidentId });
        throw new Error(
          `${String(error)}\ncore: ${JSON.stringify(status.run.status)} ${JSON.stringify(status.run.actions)}\nUI: ${await board.locator('.board-head').textContent()}`,
        );
      });
    expect(await board.getByRole('img', { name: /Gantt chart of \d+ recovery chains/ }).count()).toBe(1);
    const map = page.getByRole('region', { name: 'Endpoint map' });
    await expect.poll(() => map.getByRole('row').count()).toBeGreaterThan(2);
    const text = await map.textContent();
    expect(text).toContain('acme-prod-orders-dr');
    expect(text).toContain('orders-events');
    expect(await map.getByRole('button', { name: 'Copy the endpoint map' }).count()).toBe(1);
    await board.getByRole('heading', { name: /Operations board/ }).scrollIntoViewIfNeeded();
    await app.screenshot('recover-board');
    expect(await seriousViolations(page, '.recover-view')).toEqual([]);
    expect(consoleSeen.cspViolations).toEqual([]);
    expect(consoleSeen.errors).toEqual([]);
  });
});
