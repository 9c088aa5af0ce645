import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, declareExercise } from './support/api';
import { startApp, type RunningApp } from './support/harness';
import { seriousViolations, watchConsole } from './support/page-checks';

describe('an end-to-end tabletop recovery of the default scenario through the UI', () => {
  let app: RunningApp;
  let incidentId: string;
  let consoleSeen: ReturnType<typeof watchConsole>;

  let targets: {
    subnetGroups: string[];
    securityGroups: Array<{ id: string; vpcId: string }>;
    subnets: Array<{ id: string; vpcId: string }>;
  };

  let dataDir: string;

  beforeAll(async () => {
    // The mapping file gives the data volume, which no recovered instance carries, its zone.
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-e2e-recover-'));
    await writeFile(
      path.join(dataDir, 'recovery-mapping.yaml'),
      'defaults:\n  ec2:\n    availabilityZone: us-west-2a\n',
    );
    // The exercise clock at 600×: RDS restores and EBS copies finish in seconds.
    app = await startApp({ dataDir, args: ['--speed', '600'] });
    consoleSeen = watchConsole(app.page);
    incidentId = await declareExercise(app);
    targets = (await callApi<{ targets: typeof targets }>(app, 'recover.resources', { incidentId })).targets;
    await app.page.reload();
  });

  afterAll(async () => {
    await app?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('selects resources, previews the dry run with aws CLI equivalents, and refuses to start until the incident id is typed', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Recover' }).click();
    await page.getByRole('heading', { level: 1, name: `Recover: ${incidentId}` }).waitFor();
    const builder = page.getByRole('form', { name: 'Plan builder' });
    await builder.waitFor({ timeout: 60_000 });
    // Recover every service: S3 replicas and DynamoDB global tables fail over, RDS restores to a
    // point in time from the replicated backups (or promotes the replica), and the EBS data volume
    // is created from its snapshot in us-west-2. (With us-east-1 down the default scenario shows
    // no EC2 instance to relaunch: the assessment cannot read them.)
    const boxes = builder.getByRole('checkbox', { name: /^Recover / });
    for (const box of await boxes.all()) {
      const label = (await box.getAttribute('aria-label')) ?? '';
      const wanted = /^Recover (s3|dynamodb|rds|ec2) /.test(label);
      if ((await box.isChecked()) !== wanted && (await box.isEnabled())) await box.click();
    }
    expect(await builder.getByRole('checkbox', { name: /^Recover s3 acme-prod-orders$/ }).isChecked()).toBe(
      true,
    );
    expect(await builder.getByRole('checkbox', { name: /^Recover rds customers-db$/ }).isChecked()).toBe(
      true,
    );
    // The targets in us-west-2: the DR subnet group, a subnet, and security groups of its VPC.
    const subnet = targets.subnets[0]!;
    const groups = targets.securityGroups.filter((g) => g.vpcId === subnet.vpcId).map((g) => g.id);
    await builder.getByLabel('DB subnet group').selectOption(targets.subnetGroups[0]!);
    await builder.getByLabel('RDS security groups').selectOption(groups.slice(0, 1));
    await builder.getByRole('combobox', { name: /^Subnet/ }).selectOption(subnet.id);
    await builder.getByLabel('EC2 security groups').selectOption(groups.slice(0, 1));
    await builder.getByRole('button', { name: 'Build the plan (dry run)' }).click();
    const preview = page.getByRole('region', { name: /Dry run: plan/ });
    await preview.waitFor();
    const cli = await preview.locator('pre.cli').allTextContents();
    expect(cli.length).toBeGreaterThan(0);
    expect(
      cli.some((c) => c.startsWith('aws s3api head-object --region us-west-2 --bucket acme-prod-orders-dr')),
    ).toBe(true);
    expect(cli.some((c) => c.startsWith('aws dynamodb describe-table --region us-west-2'))).toBe(true);
    expect(
      cli.some((c) => c.startsWith('aws rds restore-db-instance-to-point-in-time --region us-west-2')),
    ).toBe(true);
    expect(cli.some((c) => c.startsWith('aws ec2 create-volume --region us-west-2'))).toBe(true);
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
        const status = await callApi<{
          run: { status: string; actions: Record<string, { state: string; status: string | null }> };
        }>(app, 'recover.status', { incidentId });
        throw new Error(
          `${String(error)}\ncore: ${JSON.stringify(status.run.status)} ${JSON.stringify(status.run.actions)}\nUI: ${await board.locator('.board-head').textContent()}`,
        );
      });
    expect(await board.getByRole('img', { name: /Gantt chart of \d+ recovery chains/ }).count()).toBe(1);
    const map = page.getByRole('region', { name: 'Endpoint map' });
    // One row per chain (11) plus the header.
    await expect.poll(() => map.getByRole('row').count(), { timeout: 10_000 }).toBe(12);
    const text = await map.textContent();
    expect(text).toContain('acme-prod-orders-dr');
    expect(text).toContain('orders-events');
    // The new DB endpoints in us-west-2 and the new volume id, for the connection strings.
    const rows = await map.getByRole('row').allTextContents();
    const db = rows.find((r) => r.includes('customers-db'));
    expect(db).toMatch(/customers-db-dr-[\w-]+/);
    expect(db).toMatch(/\.us-west-2\.rds\.amazonaws\.com/);
    expect(rows.some((r) => r.includes('orders-db-usw2') && /\.us-west-2\.rds\.amazonaws\.com/.test(r))).toBe(
      true,
    );
    expect(
      rows.some((r) => r.includes('ec2') && /vol-[0-9a-f]{8,}/.test(r)),
      rows.join('\n'),
    ).toBe(true);
    expect(await map.getByRole('button', { name: 'Copy the endpoint map' }).count()).toBe(1);
    await board.getByRole('heading', { name: /Operations board/ }).scrollIntoViewIfNeeded();
    await app.screenshot('recover-board');
    expect(await seriousViolations(page, '.recover-view')).toEqual([]);
    expect(consoleSeen.cspViolations).toEqual([]);
    expect(consoleSeen.errors).toEqual([]);
  });
});
