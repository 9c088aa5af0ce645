import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../../../electron/core/api/errors';
import { ProcedureService } from '../../../../electron/core/app/procedure-service';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/procedure');

const copies: string[] = [];
afterAll(async () => {
  await Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * The fixture's file. A file Prettier cannot parse is kept as `dr-procedure.yaml.broken` (so the
 * format check passes) and is loaded from a temporary copy named as the loader expects.
 */
function fixtureFile(name: string): string {
  const plain = path.join(fixtures, name, 'dr-procedure.yaml');
  return existsSync(`${plain}.broken`) ? `${plain}.broken` : plain;
}

/** A runbooks folder holding the fixture as `dr-procedure.yaml`. */
async function runbooksDir(name: string): Promise<string> {
  const file = fixtureFile(name);
  if (!file.endsWith('.broken')) return path.dirname(file);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-procedure-'));
  copies.push(dir);
  await copyFile(file, path.join(dir, 'dr-procedure.yaml'));
  return dir;
}

/** The line of a fixture marked `# <- broken` (the first one when several are marked). */
async function markedLine(name: string): Promise<number> {
  const lines = (await readFile(fixtureFile(name), 'utf8')).split('\n');
  const index = lines.findIndex((line) => line.includes('broken'));
  if (index < 0) throw new Error(`fixture ${name} has no "# <- broken" marker`);
  return index + 1;
}

async function loadError(name: string): Promise<AppError> {
  const error: unknown = await new ProcedureService(await runbooksDir(name)).get().then(
    () => new Error(`fixture ${name} loaded without an error`),
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw error;
  return error;
}

describe('the procedure loader on broken files', () => {
  it('loads the valid fixture, with defaults applied', async () => {
    const procedure = await new ProcedureService(path.join(fixtures, 'valid')).get();
    expect(procedure.stages.map((stage) => stage.id)).toEqual([
      'assess',
      'activate',
      'recover',
      'validate',
      'document',
    ]);
    expect(procedure.stages[0]?.steps[0]?.required).toBe(true);
    expect(procedure.regions).toEqual({ primary: 'us-east-1', secondary: 'us-west-2' });
  });

  it.each([
    ['bad-region', 'regions.secondary', /AWS region name/],
    ['same-regions', 'regions.secondary', /differ from the primary/],
    ['missing-title', 'stages[1].title', /expected string/],
    ['wrong-stage-order', 'stages[1].id', /stage 2 must be "activate"/],
    ['duplicate-step', 'stages[3].steps[0].id', /"restore" is used twice/],
    ['action-without-name', 'stages[2].steps[0].action', /must name its action/],
    ['unknown-field', 'stages[0].steps[0]', /Unrecognized key: "owner"/],
  ])('%s: names the file, the field %s and the line', async (name, field, problem) => {
    const error = await loadError(name);
    const line = await markedLine(name);
    expect(error.code).toBe('DATA_FILE_INVALID');
    expect(error.message).toContain('runbooks/dr-procedure.yaml');
    expect(error.message).toContain(`${field} (line ${line})`);
    expect(error.message).toMatch(problem);
    expect(error.message).toContain('Fix the file and reload.');
    expect(error.detail).toMatchObject({ file: 'runbooks/dr-procedure.yaml', field, line });
  });

  it('lists every problem, each with its field and line', async () => {
    const error = await loadError('wrong-stage-order');
    expect(error.message).toContain('(and 1 more problem)');
    expect(error.detail?.problems).toEqual([
      expect.objectContaining({ field: 'stages[1].id', line: 21 }),
      expect.objectContaining({ field: 'stages[2].id', line: 29 }),
    ]);
  });

  it.each([
    ['bad-yaml', /not valid YAML: Nested mappings/],
    ['duplicate-key', /not valid YAML: Map keys must be unique/],
  ])('%s: a YAML syntax error names the file and the line', async (name, problem) => {
    const error = await loadError(name);
    const line = await markedLine(name);
    expect(error.code).toBe('DATA_FILE_INVALID');
    expect(error.message).toContain(`runbooks/dr-procedure.yaml (line ${line})`);
    expect(error.message).toMatch(problem);
    expect(error.detail).toMatchObject({ file: 'runbooks/dr-procedure.yaml', line });
  });

  it('says when the file is missing', async () => {
    const error = await loadError('no-such-folder');
    expect(error.code).toBe('DATA_FILE_INVALID');
    expect(error.message).toBe('runbooks/dr-procedure.yaml: cannot read the file (file not found).');
  });

  it('remembers a broken file’s error for every caller until reloaded', async () => {
    const service = new ProcedureService(path.join(fixtures, 'bad-region'));
    const first = await service.get().catch((e: unknown) => e);
    const second = await service.get().catch((e: unknown) => e);
    expect(second).toBe(first);
    const third = await service.reload().catch((e: unknown) => e);
    expect(third).not.toBe(first);
    expect(String(third)).toBe(String(first));
  });
});
