import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** The decision for a navigation or a new window. */
export type NavigationDecision = 'allow' | 'deny';

/** Navigation inside the app's own origin is allowed; everything else is refused. */
export function decideNavigation(url: string): NavigationDecision {
  return isAppUrl(url) ? 'allow' : 'deny';
}

/**
 * Keep the page where it is: refuse navigation away from the app, every `window.open`,
 * `<webview>` attachment, and redirects off the app's origin.
 */
export function installNavigationGuards(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (decideNavigation(url) === 'deny') event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (decideNavigation(url) === 'deny') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
