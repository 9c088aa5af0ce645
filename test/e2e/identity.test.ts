import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSimulator,
  startSimulatorServer,
  type Simulator,
  type SimulatorServer,
} from '../../electron/simulator';
import { startApp, type RunningApp } from './support/harness';

describe('the identity and the session expiry in the header (tabletop)', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the account id, alias and role of the simulated identity', async () => {
    const account = app.page.getByTestId('identity-account');
    await expect.poll(() => account.textContent(), { timeout: 30_000 }).toMatch(/\d{12}/);
    expect(await account.textContent()).toMatch(/^.+ · \d{12}$/);
    expect(await app.page.getByTestId('identity-role').textContent()).toBe('IncidentCommander');
    const button = app.page.getByRole('button', {
      name: /^Account \d{12} .*role IncidentCommander, profile tabletop/,
    });
    expect(await button.count()).toBe(1);
  });

  it('shows that us-west-2 answers while us-east-1 does not (the outage scenario)', async () => {
    const reach = app.page.getByLabel('STS reachability by region');
    expect(await reach.getByLabel('us-east-1 does not answer').count()).toBe(1);
    expect(await reach.getByLabel('us-west-2 answers').count()).toBe(1);
  });

  it('counts the session down', async () => {
    const countdown = app.page.getByTestId('session-countdown');
    await expect.poll(() => countdown.textContent()).toMatch(/^Session 7h [0-5]\dm$/);
    expect(await countdown.getAttribute('role')).toBe('timer');
    expect(await countdown.getAttribute('aria-label')).toMatch(
      /^the AWS session expires in 7 hours \d+ minutes?$/,
    );
    await app.screenshot('identity-header');
  });

  it('logs in again from the profile picker with the keyboard, the facilitator approving the code', async () => {
    const identity = app.page.getByRole('button', { name: /Change the AWS profile/ });
    await identity.focus();
    await app.page.keyboard.press('Enter');
    const picker = app.page.getByRole('dialog', { name: 'Which AWS profile should the app act as?' });
    await picker.waitFor();
    await picker.getByRole('button', { name: 'Log in to tabletop' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Log in to AWS' });
    await dialog.waitFor();
    const code = dialog.getByTestId('login-user-code');
    await expect.poll(() => code.textContent()).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    await app.screenshot('login-dialog');
    for (const selector of ['[data-testid="identity-badge"]', '.login-dialog']) {
      const result = await new AxeBuilder({ page: app.page }).include(selector).analyze();
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${selector}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
    }
    await dialog.getByRole('button', { name: 'Approve as facilitator' }).click();
    await expect
      .poll(() => dialog.getByTestId('login-state').textContent(), { timeout: 30_000 })
      .toMatch(/^Logged in\./);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await app.page.getByRole('dialog').count()).toBe(0);
    await expect
      .poll(() => app.page.getByTestId('session-countdown').textContent())
      .toMatch(/^Session 7h [0-5]\dm$/);
  });

  it('closes the login dialog with Escape, cancelling the login', async () => {
    await app.page.getByRole('button', { name: /Change the AWS profile/ }).click();
    await app.page.getByRole('button', { name: 'Log in to tabletop' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Log in to AWS' });
    await dialog.getByTestId('login-user-code').waitFor();
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.page.getByRole('dialog').count()).toBe(0);
  });
});

describe('the profile picker on start (LIVE, against the simulator over HTTP)', () => {
  let sim: Simulator;
  let server: SimulatorServer;
  let files: string;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    sim = await createSimulator({ scenario: 'healthy', speed: 1 });
    server = await startSimulatorServer(sim, { port: 0 });
    files = await mkdtemp(path.join(os.tmpdir(), 'drwr-e2e-aws-'));
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-e2e-data-'));
    await writeFile(
      path.join(files, 'config'),
      [
        '[profile ops-static]',
        'region = us-west-2',
        '',
        '[sso-session corp]',
        'sso_start_url = https://d-9067642ac7.awsapps.com/start',
        'sso_region = us-west-2',
        '',
        '[profile prod]',
        'sso_session = corp',
        `sso_account_id = ${sim.accountId}`,
        'sso_role_name = IncidentCommander',
        'this line is broken',
        '',
      ].join('\n'),
    );
    await writeFile(
      path.join(files, 'credentials'),
      '[ops-static]\naws_access_key_id = AKIDE2ESTATIC\naws_secret_access_key = e2e-secret\n',
    );
    env = {
      AWS_CONFIG_FILE: path.join(files, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(files, 'credentials'),
      AWS_ENDPOINT_URL: server.url,
    };
  });

  afterAll(async () => {
    await server?.close();
    sim?.close();
    await rm(files, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('asks which profile to act as, shows the config problem, and remembers the choice', async () => {
    const app = await startApp({ env, dataDir });
    try {
      const picker = app.page.getByRole('dialog', { name: 'Which AWS profile should the app act as?' });
      await picker.waitFor({ timeout: 30_000 });
      expect(await picker.getByRole('radio').count()).toBe(2);
      expect(await picker.getByText('prod', { exact: true }).count()).toBe(1);
      expect(await picker.getByText(/expected "key = value", found "this line is broken"/).count()).toBe(1);
      await picker.getByRole('radio', { name: /ops-static/ }).check();
      await app.screenshot('profile-picker');
      await picker.getByRole('button', { name: 'Continue as ops-static' }).click();
      await expect.poll(() => app.page.getByRole('dialog').count()).toBe(0);
      await expect
        .poll(() => app.page.getByTestId('identity-account').textContent(), { timeout: 30_000 })
        .toContain(sim.accountId);
    } finally {
      await app.close();
    }
    const again = await startApp({ env, dataDir });
    try {
      const picker = again.page.getByRole('dialog', { name: 'Which AWS profile should the app act as?' });
      await picker.waitFor({ timeout: 30_000 });
      expect(await picker.getByRole('radio', { name: /ops-static/ }).isChecked()).toBe(true);
      await picker.getByRole('button', { name: 'Cancel' }).click();
      expect(await again.page.getByTestId('mode-badge').textContent()).toBe('LIVE');
    } finally {
      await again.close();
    }
  });
});
