import type { Session } from 'electron';

/**
 * Deny every permission request and check (camera, notifications prompts, geolocation …):
 * the app needs none from the web platform. System notifications are sent by the main process.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
