import { describe, expect, it } from 'vitest';
import {
  boardAction,
  boardModel,
  formatDuration,
  ganttBars,
} from '../../../../electron/core/recover/board-model';
import { RECOVER_ENTRY, type RunEntry } from '../../../../electron/core/recover/entry-types';
import { buildPlan } from '../../../../electron/core/recover/planner';
import { foldRun } from '../../../../electron/core/recover/run-reducer';
import type { ActionRun } from '../../../../electron/core/recover/types';
import { db, input, instance } from './fixtures';

const T0 = Date.parse('2026-11-26T04:00:00.000Z');

describe('the board model', () => {
  const data = db('orders', { tags: { app: 'shop' } });
  const web = instance('web', { tags: { app: 'shop' } });
  const plan = buildPlan(input([data, web]));
  const restore = plan.chains[0]!.actions[0]!;

  it('estimates progress and ETA from AWS progress when given, else from the estimate', () => {
    const base: ActionRun = {
      id: restore.id,
      chainId: restore.chainId,
      state: 'waiting',
      startedAt: new Date(T0).toISOString(),
      finishedAt: null,
      progress: null,
      status: 'creating',
      output: {},
      error: null,
      attempts: 0,
    };
    const half = boardAction(restore, base, T0 + restore.estimatedMinutes * 30_000);
    expect(half.progress).toBe(50);
    expect(half.etaSeconds).toBe(restore.estimatedMinutes * 30);
    const aws = boardAction(restore, { ...base, progress: 25 }, T0 + 60_000);
    expect(aws.progress).toBe(25);
    expect(aws.etaSeconds).toBe(180);
    const late = boardAction(restore, base, T0 + restore.estimatedMinutes * 600_000);
    expect(late.progress).toBe(95);
    expect(
      boardAction(
        restore,
        { ...base, state: 'done', finishedAt: new Date(T0 + 1000).toISOString() },
        T0 + 9_999_000,
      ),
    ).toEqual(expect.objectContaining({ progress: 100, elapsedSeconds: 1, etaSeconds: null }));
  });

  it('adds the dependency wait to the overall ETA and draws pending bars after what they wait for', () => {
    const entries: RunEntry[] = [
      {
        seq: 1,
        time: new Date(T0).toISOString(),
        type: RECOVER_ENTRY.planCreated,
        data: { planId: plan.id, plan },
      },
      {
        seq: 2,
        time: new Date(T0).toISOString(),
        type: RECOVER_ENTRY.confirmed,
        data: { planId: plan.id, by: 'Ana' },
      },
      {
        seq: 3,
        time: new Date(T0).toISOString(),
        type: RECOVER_ENTRY.actionState,
        data: { planId: plan.id, actionId: restore.id, state: 'running' },
      },
    ];
    const run = foldRun(entries);
    const model = boardModel(plan, run, T0 + 60_000);
    const launch = plan.chains[1]!.actions[0]!;
    expect(model.etaSeconds).toBe((restore.estimatedMinutes - 1) * 60 + launch.estimatedMinutes * 60);
    expect(model.elapsedSeconds).toBe(60);
    const bars = ganttBars(plan, run, T0 + 60_000);
    const restoreBar = bars.find((b) => b.actionId === restore.id)!;
    const launchBar = bars.find((b) => b.actionId === launch.id)!;
    expect(restoreBar.estimated).toBe(true);
    expect(launchBar.start).toBe(restoreBar.end);
  });

  it('formats durations', () => {
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(250)).toBe('4 min 10 s');
    expect(formatDuration(3900)).toBe('1 h 05 min');
  });
});
