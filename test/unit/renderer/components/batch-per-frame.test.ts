import { describe, expect, it } from 'vitest';
import { batchPerFrame } from '../../../../renderer/src/components/war-room/batch-per-frame';

function manualScheduler() {
  const pending: Array<() => void> = [];
  return {
    scheduler: { schedule: (flush: () => void) => void pending.push(flush) },
    runFrame: () => pending.splice(0).forEach((f) => f()),
    pending,
  };
}

describe('batchPerFrame', () => {
  it('applies a burst once per frame, in order, with one scheduled flush', () => {
    const applied: number[] = [];
    const frames = manualScheduler();
    const listener = batchPerFrame<number>((n) => applied.push(n), frames.scheduler);
    for (let i = 1; i <= 500; i++) listener(i);
    expect(applied).toEqual([]);
    expect(frames.pending).toHaveLength(1);
    frames.runFrame();
    expect(applied).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
  });

  it('schedules again for events after a flush, and events raised while applying go to the next frame', () => {
    const applied: string[] = [];
    const frames = manualScheduler();
    let listener: (e: string) => void = () => undefined;
    listener = batchPerFrame<string>((e) => {
      applied.push(e);
      if (e === 'a') listener('a-followup');
    }, frames.scheduler);
    listener('a');
    frames.runFrame();
    expect(applied).toEqual(['a']);
    frames.runFrame();
    expect(applied).toEqual(['a', 'a-followup']);
    listener('b');
    frames.runFrame();
    expect(applied).toEqual(['a', 'a-followup', 'b']);
  });
});
