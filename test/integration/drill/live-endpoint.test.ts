import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillRecord } from '../../../electron/core/api/calls/drill';
import { Core } from '../../../electron/core/app/core';
import { packageRootSync } from '../../../electron/core/paths/package-root';
import { createSimulator, startSimulatorServer, type SimulatorServer } from '../../../electron/simulator';

const ENV_KEYS = [
  'HOME',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ENDPOINT_URL',
  'AWS_PROFILE',
] as const;

/**
 * LIVE mode through a real HTTP endpoint (`AWS_ENDPOINT_URL`, as against LocalStack or any
 * AWS-compatible endpoint): the same drill code, every request serialised by the SDK, sent over
 * the network to the simulator server, with a static-key profile as a scheduler would use.
 */
describe('a drill in live mode against an AWS-compatible endpoint', () => {
  let home: string;
  let dataDir: string;
  let server: SimulatorServer;
  let core: Core;
  let record: DrillRecord;
  const saved: Partial<Record<(typeof ENV_KEYS)[number], string | undefined>> = {};

  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'drwr-drill-live-home-'));
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-drill-live-data-'));
    const sim = await createSimulator({ scenario: 'healthy', speed: 600 });
    server = await startSimulatorServer(sim, { port: 0 });
    const aws = path.join(home, '.aws');
    await mkdir(aws, { recursive: true });
    await writeFile(path.join(aws, 'config'), '[profile dr-drill]\nregion = us-east-1\n');
    await writeFile(
      path.join(aws, 'credentials'),
      '[dr-drill]\naws_access_key_id = AKIDDRILLEXAMPLE\naws_secret_access_key = drill-example-secret\n',
    );
    const env = {
      HOME: home,
      AWS_CONFIG_FILE: path.join(aws, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(aws, 'credentials'),
      AWS_ENDPOINT_URL: server.url,
      AWS_PROFILE: 'dr-drill',
    };
    for (const key of ENV_KEYS) {
      saved[key] = process.env[key];
      process.env[key] = env[key];
    }
    core = await Core.create({
      dataDir,
      runbooksDir: path.join(packageRootSync(), 'runbooks'),
      env,
      mode: 'LIVE',
      transport: 'http',
      version: 'test',
    });
    record = await core.drill.run({
      services: ['s3', 'rds', 'dynamodb'],
      targets: { s3: 'acme-prod-orders' },
      by: 'cron',
    });
  }, 180_000);

  afterAll(async () => {
    await core?.close();
    await server?.close();
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    await rm(home, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('passes, cleans up, and records the mode and the identity', () => {
    expect(record.mode).toBe('LIVE');
    expect(record.scenario).toBeNull();
    expect(record.services.map((s) => [s.service, s.status, s.error])).toEqual([
      ['s3', 'pass', null],
      ['rds', 'pass', null],
      ['dynamodb', 'pass', null],
    ]);
    expect(record.services.every((s) => s.leftovers.length === 0)).toBe(true);
    expect(record.identity).toMatch(/^arn:aws:/);
  });

  it('skips the endpoint reachability check unless asked, and says so', () => {
    const rds = record.services.find((s) => s.service === 'rds')!;
    const endpoint = rds.checks.find((c) => c.id === 'endpoint')!;
    expect(endpoint.status).toBe('skipped');
    expect(endpoint.evidence).toContain('not configured for this drill');
  });
});
