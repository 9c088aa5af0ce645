import os from 'node:os';
import path from 'node:path';

/** The product name, which is also the data folder's name (matches Electron's `userData`). */
export const PRODUCT_NAME = 'DR War Room';

/**
 * The platform's app-data folder for DR War Room, the same one Electron's
 * `app.getPath('userData')` gives, so the CLI and the desktop share incidents.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = env.HOME ?? os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}
