/**
 * The one typed event stream from the core to every subscriber (renderer, CLI, tests).
 * Each domain adds its event types to {@link AppEvent}.
 */
import type { JournalEntry } from '../incident/types';

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

/**
 * The core asks the desktop shell to open something outside the app: an allowlisted URL in the
 * system browser (the SSO verification page) or a folder of the data directory. In browser mode
 * the renderer shows the link or path instead.
 */
export interface ShellRequestEvent {
  type: 'shell.request';
  action: 'openExternal' | 'showFolder';
  target: string;
}

/** An entry was committed to an incident's journal (the renderer folds it with the same reducer). */
export interface IncidentEntryEvent {
  type: 'incident.entry';
  incidentId: string;
  entry: JournalEntry;
}

/** Another incident became the active one. */
export interface IncidentActiveEvent {
  type: 'incident.active';
  incidentId: string | null;
}

/** Every event the core emits. */
export type AppEvent =
  | NoticeEvent
  | ProcedureReloadedEvent
  | ShellRequestEvent
  | IncidentEntryEvent
  | IncidentActiveEvent;

/** The event type names. */
export type AppEventType = AppEvent['type'];
