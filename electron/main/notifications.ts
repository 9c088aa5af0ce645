/**
 * System notifications when a long action finishes or fails while the window is in the background.
 * No `electron` import here: the shell passes in Electron's `Notification` and the window, so the
 * decision (pure) and the wiring are unit-tested without Electron, and the renderer reuses the
 * decision for its in-app fallback in browser mode.
 */
import type { AppEvent } from '../core/api/events';

/** What to tell the user about a finished action. */
export interface FinishedNotice {
  title: string;
  body: string;
  /** `failed` notifications ask for attention (critical urgency where the system has it). */
  outcome: 'done' | 'failed';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The notice for an event that ends a long action, or null for every other event (pure). */
export function finishedActionNotice(event: AppEvent): FinishedNotice | null {
  switch (event.type) {
    case 'assess.completed': {
      const c = event.summary.counts;
      const gaps = Object.values(c.gaps).reduce((a, b) => a + b, 0);
      return {
        title: 'Assessment finished',
        body: `${plural(c.total, 'resource')} assessed, ${plural(gaps, 'gap')} found${
          event.summary.unknowns > 0 ? `, ${event.summary.unknowns} facts unknown` : ''
        }.`,
        outcome: 'done',
      };
    }
    case 'assess.failed':
      return { title: 'Assessment failed', body: event.message, outcome: 'failed' };
    case 'session.expired':
      return {
        title: 'AWS session expired',
        body: `Profile ${event.profile}: AWS work is paused until you log in again.`,
        outcome: 'failed',
      };
    case 'incident.entry': {
      const { entry } = event;
      if (entry.type === 'recover.run.state') {
        const status = entry.data?.status;
        if (status === 'completed')
          return {
            title: 'Recovery finished',
            body: `${event.incidentId}: every restore completed. Validate next.`,
            outcome: 'done',
          };
        if (status === 'failed')
          return {
            title: 'Recovery stopped with failures',
            body: `${event.incidentId}: some restores failed. Open the Recover screen for the fix and a retry.`,
            outcome: 'failed',
          };
        return null;
      }
      if (entry.type === 'validate.completed') {
        // The entry carries the validation run: `passed`, and `counts.checks.fail`.
        const data = entry.data ?? {};
        const counts = data.counts as { checks?: { fail?: unknown } } | undefined;
        const failed = Number(counts?.checks?.fail ?? 0);
        return data.passed === false || failed > 0
          ? {
              title: 'Validation found problems',
              body: `${event.incidentId}: ${failed > 0 ? plural(failed, 'check') : 'some checks'} failed.`,
              outcome: 'failed',
            }
          : {
              title: 'Validation finished',
              body: `${event.incidentId}: all checks passed.`,
              outcome: 'done',
            };
      }
      return null;
    }
    default:
      return null;
  }
}

/** The part of an Electron `Notification` this module uses. */
export interface SystemNotification {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
}

/** What {@link installNotifications} needs from the shell. */
export interface NotifierDeps {
  /** `Notification.isSupported()`. */
  isSupported(): boolean;
  /** `new Notification(options)`. */
  create(options: {
    title: string;
    body: string;
    urgency: 'normal' | 'critical';
    silent: boolean;
  }): SystemNotification;
  /** True when the app window has focus (no notification then: the screen already shows it). */
  isWindowFocused(): boolean;
  /** Bring the window forward (on a click on the notification). */
  focusWindow(): void;
}

/**
 * Show a system notification for each finished or failed long action while the window is not
 * focused. Returns the unsubscribe function.
 */
export function installNotifications(
  subscribe: (listener: (event: AppEvent) => void) => () => void,
  deps: NotifierDeps,
): () => void {
  return subscribe((event) => {
    const notice = finishedActionNotice(event);
    if (!notice || deps.isWindowFocused() || !deps.isSupported()) return;
    const notification = deps.create({
      title: notice.title,
      body: notice.body,
      urgency: notice.outcome === 'failed' ? 'critical' : 'normal',
      silent: notice.outcome === 'done',
    });
    notification.on('click', () => deps.focusWindow());
    notification.show();
  });
}
