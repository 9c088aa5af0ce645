import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulatorServices } from '../../../../electron/simulator/core/services';
import {
  listScenarios,
  loadScenarioFile,
  parseScenario,
  resolveScenarioFile,
  ScenarioError,
} from '../../../../electron/simulator/scenario/load-scenario';
import { defaultScenariosDir, findPackageRoot } from '../../../../electron/simulator/scenario/package-root';

const broken = path.resolve('test/fixtures/scenarios/broken');

describe('scenario files', () => {
  it('finds the package root and the bundled scenarios', async () => {
    expect(await findPackageRoot()).toBe(path.resolve('.'));
    const list = await listScenarios(await defaultScenariosDir());
    const names = list.map((s) => s.name);
    expect(names).toContain('us-east-1-outage');
    expect(names).toContain('healthy');
  });

  it('loads the default outage scenario with its faults and sections', async () => {
    const file = await resolveScenarioFile('us-east-1-outage', await defaultScenariosDir());
    const scenario = await loadScenarioFile(file, simulatorServices);
    expect(scenario.accountId).toMatch(/^\d{12}$/);
    expect(scenario.regions).toEqual(['us-east-1', 'us-west-2']);
    expect(scenario.faults.regionOutages).toEqual([{ region: 'us-east-1', mode: '5xx' }]);
    expect(scenario.sections['s3']).toBeDefined();
    expect(scenario.sections['sts']).toBeDefined();
    expect(scenario.notes.length).toBeGreaterThan(3);
  });

  it('names the file and the field of a bad bucket', async () => {
    const file = path.join(broken, 'bad-bucket-region.yaml');
    await expect(loadScenarioFile(file, simulatorServices)).rejects.toThrow(
      `${file}: s3.buckets[1].name: must be a valid bucket name`,
    );
  });

  it('names the field of a bad top-level value and of a bad fault', async () => {
    const account = path.join(broken, 'bad-account.yaml');
    await expect(loadScenarioFile(account, simulatorServices)).rejects.toThrow(
      `${account}: accountId: must be 12 digits`,
    );
    const fault = path.join(broken, 'bad-fault.yaml');
    await expect(loadScenarioFile(fault, simulatorServices)).rejects.toThrow(
      `${fault}: faults.regionOutages[0].mode:`,
    );
  });

  it('rejects unknown sections, listing the known ones', async () => {
    const file = path.join(broken, 'unknown-section.yaml');
    await expect(loadScenarioFile(file, simulatorServices)).rejects.toThrow(
      /unknown-section\.yaml: lambda: unknown key; expected one of .*s3/,
    );
  });

  it('reports YAML syntax errors with the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'drwr-scenario-'));
    try {
      const file = path.join(dir, 'bad-yaml.yaml');
      await writeFile(file, 'name: bad-yaml\ntitle: [unclosed\n');
      const error = await loadScenarioFile(file, simulatorServices).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ScenarioError);
      expect((error as Error).message).toContain(`${file}: (YAML):`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing file and an unknown scenario name clearly', async () => {
    await expect(loadScenarioFile('/nonexistent/x.yaml', simulatorServices)).rejects.toThrow(
      '/nonexistent/x.yaml: cannot read the file',
    );
    await expect(resolveScenarioFile('nope', await defaultScenariosDir())).rejects.toThrow(
      /Unknown scenario "nope" in .*; available: .*us-east-1-outage/,
    );
  });

  it('validates inline data and refuses non-mappings', () => {
    expect(() => parseScenario([], 'inline', simulatorServices)).toThrow(
      'inline: (top level): must be a mapping',
    );
    const ok = parseScenario(
      { name: 'x', title: 'X', accountId: '111122223333', regions: ['us-east-1'] },
      'inline',
      simulatorServices,
    );
    expect(ok).toMatchObject({ seed: 1, speed: 1, notes: [], sections: {} });
  });

  it('rejects a replication rule whose destination bucket is missing', () => {
    expect(() =>
      parseScenario(
        {
          name: 'x',
          title: 'X',
          accountId: '111122223333',
          regions: ['us-east-1'],
          s3: {
            buckets: [
              {
                name: 'src',
                region: 'us-east-1',
                versioning: 'Enabled',
                replication: { role: 'r', rules: [{ id: 'a', destinationBucket: 'arn:aws:s3:::nowhere' }] },
              },
            ],
          },
        },
        'inline',
        simulatorServices,
      ),
    ).toThrow(
      'inline: s3.buckets[0].replication.rules[0].destinationBucket: destination bucket nowhere is not in the scenario',
    );
  });

  it('rejects older versions in an unversioned bucket', () => {
    expect(() =>
      parseScenario(
        {
          name: 'x',
          title: 'X',
          accountId: '111122223333',
          regions: ['us-east-1'],
          s3: {
            buckets: [
              { name: 'abc', region: 'us-east-1', objects: [{ key: 'k', previousVersions: [{ size: 1 }] }] },
            ],
          },
        },
        'inline',
        simulatorServices,
      ),
    ).toThrow('inline: s3.buckets[0].objects[0].previousVersions: older versions need a versioned bucket');
  });
});
