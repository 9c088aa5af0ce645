import { useEffect } from 'react';
import { finishedActionNotice } from '../../../../electron/main/notifications';
import { subscribeEvents } from '../../api/client';
import { useStore } from '../../store/index';

/** The document title with `count` unseen finished actions as a badge (pure). */
export function badgedTitle(base: string, count: number): string {
  return count > 0 ? `(${count}) ${base}` : base;
}

/**
 * Browser mode's stand-in for system notifications (the page may not ask for the permission):
 * when a long action finishes or fails while the tab is hidden or unfocused, a notice goes to the
 * in-app notice area and the tab title counts it until the window has focus again. In the desktop
 * app the main process shows the system notification instead.
 */
export function useBackgroundNotices(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const base = document.title.replace(/^\(\d+\) /, '');
    let unseen = 0;
    const reset = () => {
      if (document.visibilityState === 'visible' && document.hasFocus()) {
        unseen = 0;
        document.title = base;
      }
    };
    const unsubscribe = subscribeEvents((event) => {
      const notice = finishedActionNotice(event);
      if (!notice) return;
      if (document.visibilityState === 'visible' && document.hasFocus()) return;
      unseen += 1;
      document.title = badgedTitle(base, unseen);
      useStore
        .getState()
        .pushNotice(notice.outcome === 'failed' ? 'error' : 'info', `${notice.title}: ${notice.body}`);
    });
    window.addEventListener('focus', reset);
    document.addEventListener('visibilitychange', reset);
    return () => {
      unsubscribe();
      window.removeEventListener('focus', reset);
      document.removeEventListener('visibilitychange', reset);
      document.title = base;
    };
  }, [enabled]);
}
