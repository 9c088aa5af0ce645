import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../../../electron/core/api/events';
import { EventBus } from '../../../../electron/core/app/event-bus';

const notice = (message: string): AppEvent => ({ type: 'app.notice', level: 'info', message });

describe('EventBus', () => {
  afterEach(() => vi.restoreAllMocks());

  it('delivers each event to every subscriber, in order', () => {
    const bus = new EventBus();
    const a: string[] = [];
    const b: string[] = [];
    bus.subscribe((e) => a.push(e.type === 'app.notice' ? e.message : e.type));
    bus.subscribe((e) => b.push(e.type === 'app.notice' ? e.message : e.type));
    bus.emit(notice('one'));
    bus.emit(notice('two'));
    expect(a).toEqual(['one', 'two']);
    expect(b).toEqual(['one', 'two']);
  });

  it('stops delivering after unsubscribe', () => {
    const bus = new EventBus();
    const seen: AppEvent[] = [];
    const stop = bus.subscribe((e) => seen.push(e));
    expect(bus.size).toBe(1);
    stop();
    expect(bus.size).toBe(0);
    bus.emit(notice('lost'));
    expect(seen).toEqual([]);
  });

  it('keeps delivering to the others when one subscriber throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bus = new EventBus();
    const seen: AppEvent[] = [];
    bus.subscribe(() => {
      throw new Error('broken listener');
    });
    bus.subscribe((e) => seen.push(e));
    bus.emit(notice('still here'));
    expect(seen).toEqual([notice('still here')]);
    expect(error).toHaveBeenCalledOnce();
  });

  it('lets a subscriber unsubscribe itself while an event is delivered', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const stop = bus.subscribe(() => {
      seen.push('first');
      stop();
    });
    bus.subscribe(() => seen.push('second'));
    bus.emit(notice('x'));
    bus.emit(notice('y'));
    expect(seen).toEqual(['first', 'second', 'second']);
  });
});
