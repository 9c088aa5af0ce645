import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectMode } from '../../../../electron/core/credentials/detect-mode';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/aws');

describe('detectMode', () => {
  it('is LIVE with keys in the environment', async () => {
    expect(
      (await detectMode({ HOME: '/nonexistent', AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' })).mode,
    ).toBe('LIVE');
  });

  it('is LIVE with profiles in the config files, and says how many', async () => {
    const decision = await detectMode({
      HOME: '/nonexistent',
      AWS_CONFIG_FILE: path.join(fixtures, 'config-all-kinds'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(fixtures, 'credentials-all-kinds'),
    });
    expect(decision.mode).toBe('LIVE');
    expect(decision.reason).toMatch(/^12 AWS profiles found in /);
  });

  it('is TABLETOP without any AWS configuration', async () => {
    expect(await detectMode({ HOME: '/nonexistent' })).toEqual({
      mode: 'TABLETOP',
      reason: 'No AWS credentials are configured on this machine, so the app runs a tabletop exercise.',
    });
  });
});
