import type { AppEvent } from '../api/events';

/** A listener of the core's event stream. */
export type EventListener = (event: AppEvent) => void;

/** The core's event stream: emit once, every subscriber receives it in order. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  /** Subscribe; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Deliver an event to every subscriber; a throwing subscriber does not stop the others. */
  emit(event: AppEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error(`event listener failed on ${event.type}:`, error);
      }
    }
  }

  /** How many subscribers there are (tests, diagnostics). */
  get size(): number {
    return this.listeners.size;
  }
}
