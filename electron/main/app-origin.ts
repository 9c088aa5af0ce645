/** The custom scheme the app's pages are served from (a real origin, so CSP `'self'` means the app). */
export const APP_SCHEME = 'app';

/** The host part of the app's origin. */
export const APP_HOST = 'dr-war-room';

/** The app's origin: `app://dr-war-room`. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The address of the app's page. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** True when a URL belongs to the app's own origin. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
