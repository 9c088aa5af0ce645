import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readActiveIncident, writeActiveIncident } from '../../../../electron/core/incident/active-incident';
import { ENTRY } from '../../../../electron/core/incident/entry-types';
import { sortNewestFirst, summarizeIncident } from '../../../../electron/core/incident/incident-summary';
import { foldIncident } from '../../../../electron/core/incident/reducer';
import { timelineSince } from '../../../../electron/core/incident/timeline';
import { chain, declared } from './support/fixtures';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('summarizeIncident', () => {
  it('takes the id from the folder, the rest from the state', async () => {
    const state = foldIncident(chain([await declared()]))!;
    const row = summarizeIncident('DR-20261126-07', state, 'tampered', true);
    expect(row).toEqual({
      id: 'DR-20261126-07',
      title: state.title,
      severity: state.severity,
      mode: 'TABLETOP',
      stage: 'assess',
      status: 'open',
      commander: 'Ana Ruiz',
      declaredAt: state.declaredAt,
      updatedAt: state.updatedAt,
      entries: 1,
      active: true,
      integrity: 'tampered',
    });
  });

  it('sorts newest declaration first, then by id descending', async () => {
    const state = foldIncident(chain([await declared()]))!;
    const row = (id: string, declaredAt: string) => ({
      ...summarizeIncident(id, state, 'ok', false),
      declaredAt,
    });
    const sorted = sortNewestFirst([
      row('DR-20261125-01', '2026-11-25T10:00:00.000Z'),
      row('DR-20261126-01', '2026-11-26T03:00:00.000Z'),
      row('DR-20261126-02', '2026-11-26T03:00:00.000Z'),
    ]);
    expect(sorted.map((r) => r.id)).toEqual(['DR-20261126-02', 'DR-20261126-01', 'DR-20261125-01']);
  });
});

describe('timelineSince', () => {
  it('starts after afterSeq, labels each entry with its recorded stage, and filters by stage and kind', async () => {
    const entries = chain([
      await declared(),
      { type: ENTRY.noteAdded, data: { text: 'a', kind: 'note' } },
      { type: ENTRY.noteAdded, data: { text: 'b', kind: 'decision' } },
      { type: ENTRY.stepCompleted, data: { stepId: 'confirm-outage' } },
    ]);
    const stages = ['assess', 'assess', 'activate'] as const;
    const all = timelineSince(entries, stages, {});
    expect(all.map((i) => [i.entry.seq, i.stage, i.kind])).toEqual([
      [1, 'assess', 'stage'],
      [2, 'assess', 'note'],
      [3, 'activate', 'decision'],
      [4, 'assess', 'step'],
    ]);
    expect(timelineSince(entries, stages, { afterSeq: 2 }).map((i) => i.entry.seq)).toEqual([3, 4]);
    expect(timelineSince(entries, stages, { stage: 'activate' }).map((i) => i.entry.seq)).toEqual([3]);
    expect(timelineSince(entries, stages, { kinds: ['note', 'step'] }).map((i) => i.entry.seq)).toEqual([
      2, 4,
    ]);
  });
});

describe('the active-incident marker', () => {
  it('round-trips an id, and reads null for a missing, malformed or foreign marker', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-active-'));
    dirs.push(dir);
    const incidents = path.join(dir, 'incidents');
    expect(await readActiveIncident(incidents)).toBeNull();
    await writeActiveIncident(incidents, 'DR-20261126-02');
    expect(await readActiveIncident(incidents)).toBe('DR-20261126-02');
    expect(JSON.parse(await readFile(path.join(incidents, 'active.json'), 'utf8'))).toEqual({
      incidentId: 'DR-20261126-02',
    });
    await writeFile(path.join(incidents, 'active.json'), '{not json');
    expect(await readActiveIncident(incidents)).toBeNull();
    await writeFile(path.join(incidents, 'active.json'), JSON.stringify({ incidentId: '../etc' }));
    expect(await readActiveIncident(incidents)).toBeNull();
  });
});
