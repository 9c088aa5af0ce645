/**
 * The one typed event stream from the core to every subscriber (renderer, CLI, tests).
 * Each domain adds its event types to {@link AppEvent}.
 */

/** A message for the user that is not tied to one call. */
export interface NoticeEvent {
  type: 'app.notice';
  level: 'info' | 'warning' | 'error';
  message: string;
}

/** The procedure file was reloaded (successfully or not). */
export interface ProcedureReloadedEvent {
  type: 'procedure.reloaded';
  ok: boolean;
}

/** Every event the core emits. */
export type AppEvent = NoticeEvent | ProcedureReloadedEvent;

/** The event type names. */
export type AppEventType = AppEvent['type'];
