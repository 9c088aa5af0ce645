/**
 * The one typed event stream from the core to every subscriber (renderer, CLI, tests).
 * Each domain adds its event types to {@link AppEvent}.
 */
import type { JournalEntry } from '../incident/types';
import type { LoginStateView, SessionStatusView } from './calls/session';
import type { AssessEvent } from './calls/assess';
import type { DrillRunView } from './calls/drill';
import type { FaultsInForce } from './calls/tabletop';

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

/** The SSO session of the profile expires within 15 minutes (sent once per session). */
export interface SessionExpiringEvent {
  type: 'session.expiring';
  profile: string;
  /** ISO 8601 UTC. */
  expiresAt: string;
  secondsLeft: number;
}

/** The session expired: AWS work pauses until a login (`during` names the call that met it, if any). */
export interface SessionExpiredEvent {
  type: 'session.expired';
  profile: string;
  during: string | null;
}

/** The session status changed (profile chosen, identity checked, login done). */
export interface SessionChangedEvent {
  type: 'session.changed';
  status: SessionStatusView;
}

/** An in-app login changed state (no code or token: the user code is only in the start answer). */
export interface SessionLoginEvent {
  type: 'session.login';
  login: LoginStateView;
}

/**
 * The desktop shell is asked to print a saved record's HTML export to a PDF beside it
 * (Electron's `printToPDF`); it answers with an `app.notice`. Browser mode never sends it.
 */
export interface RecordPdfEvent {
  type: 'record.pdf';
  incidentId: string;
  htmlPath: string;
  pdfPath: string;
}

/** A drill started, progressed or finished (the whole run view, small). */
export interface DrillProgressEvent {
  type: 'drill.progress';
  run: DrillRunView;
}

/** A validation run checked one more resource (`done` of `total`). */
export interface ValidateProgressEvent {
  type: 'validate.progress';
  incidentId: string;
  done: number;
  total: number;
  resourceId: string;
  status: 'pass' | 'warn' | 'fail';
}

/** The tabletop facilitator changed the simulated account's faults (`message` says what changed). */
export interface TabletopFaultsEvent {
  type: 'tabletop.faults';
  message: string;
  faults: FaultsInForce;
}

/** Every event the core emits. */
export type AppEvent =
  | NoticeEvent
  | ProcedureReloadedEvent
  | ShellRequestEvent
  | IncidentEntryEvent
  | IncidentActiveEvent
  | SessionExpiringEvent
  | SessionExpiredEvent
  | SessionChangedEvent
  | SessionLoginEvent
  | RecordPdfEvent
  | AssessEvent
  | DrillProgressEvent
  | ValidateProgressEvent
  | TabletopFaultsEvent;

/** The event type names. */
export type AppEventType = AppEvent['type'];
