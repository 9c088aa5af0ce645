import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../../electron/core/api/events';
import { SessionService } from '../../../../electron/core/credentials/session-service';
import { callerIdentityXml, fakeHandler, queryErrorXml } from '../aws/fake-handler';

let dataDir: string;
let service: SessionService;
let events: AppEvent[];
let expired: boolean;
const handler = fakeHandler(() =>
  expired
    ? {
        status: 400,
        body: queryErrorXml('ExpiredToken', 'The security token included in the request is expired'),
      }
    : { status: 200, body: callerIdentityXml() },
);

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-reselect-'));
  events = [];
  expired = false;
  handler.requests.length = 0;
  service = new SessionService({
    dataDir,
    env: { HOME: dataDir },
    mode: 'TABLETOP',
    regions: async () => ({ primary: 'us-east-1', secondary: 'us-west-2' }),
    emit: (e) => events.push(e),
    simulator: async () => ({ requestHandler: handler, accountAlias: 'acme', state: <T>() => ({}) as T }),
  });
});

afterEach(async () => {
  await service.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100_000 && !condition(); i += 1) await new Promise<void>((r) => setImmediate(r));
  expect(condition()).toBe(true);
}

describe('choosing the current profile again', () => {
  it('resumes work paused on an expired session (credentials refreshed outside the app)', async () => {
    const status = await service.status();
    expect(status.identity?.accountAlias).toBe('acme');
    expired = true;
    const work = (await service.clients()).sts('us-west-2').send(new GetCallerIdentityCommand({}));
    await until(() => events.some((e) => e.type === 'session.expired'));
    expect((await service.status()).paused).toBe(true);
    expired = false;
    const after = await service.select('tabletop');
    expect((await work).Account).toBe('123456789012');
    expect(after.paused).toBe(false);
  });

  it('reports, rather than waits on, an expired session in the status', async () => {
    expired = true;
    const status = await service.status({ refresh: true });
    expect(status.identity).toBeNull();
    expect(status.regions.every((r) => r.error?.code === 'SESSION_EXPIRED')).toBe(true);
    expect(events.some((e) => e.type === 'session.expired')).toBe(false);
  });
});
