import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, Notification, session } from 'electron';
import { Core } from '../core/app/core';
import { APP_INDEX_URL } from './app-origin';
import { registerAppSchemePrivileges, serveRenderer } from './app-protocol';
import { isAllowedExternalUrl } from './external-url-policy';
import { forwardEvents, registerIpcHandlers } from './ipc';
import { installMenu } from './menu';
import { installNavigationGuards } from './navigation-guards';
import { installNotifications } from './notifications';
import { denyAllPermissions } from './permissions';
import { electronPdfDeps, handlePdfRequests } from './print-to-pdf';
import { handleShellRequests } from './shell-requests';
import { buildWindowOptions } from './window-options';

const here = path.dirname(fileURLToPath(import.meta.url));
let mainWindow: BrowserWindow | null = null;

registerAppSchemePrivileges();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.on('web-contents-created', (_event, contents) => installNavigationGuards(contents));
  void app.whenReady().then(start);
}

/** Start the core, serve the renderer on app://, open the window. */
async function start(): Promise<void> {
  const appRoot = app.getAppPath();
  const runbooksDir = app.isPackaged
    ? path.join(process.resourcesPath, 'runbooks')
    : path.join(appRoot, 'runbooks');
  const core = await Core.create({
    dataDir: app.getPath('userData'),
    runbooksDir,
    transport: 'ipc',
    version: app.getVersion(),
  });

  denyAllPermissions(session.defaultSession);
  serveRenderer(path.join(here, '..', 'renderer'));
  installMenu(process.platform, app.isPackaged);
  registerIpcHandlers(core, () => mainWindow?.webContents.id ?? null);
  handleShellRequests(core, isAllowedExternalUrl);

  mainWindow = new BrowserWindow(
    buildWindowOptions({ preloadPath: path.join(here, '..', 'preload', 'index.cjs') }),
  );
  forwardEvents(core, mainWindow.webContents);
  handlePdfRequests(
    {
      dataDir: core.options.dataDir,
      subscribe: (listener) => core.events.subscribe(listener),
      emit: (event) => core.events.emit(event),
    },
    electronPdfDeps(),
  );
  installNotifications((listener) => core.events.subscribe(listener), {
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
    isWindowFocused: () => mainWindow?.isFocused() ?? false,
    focusWindow: () => {
      if (!mainWindow) return;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  app.on('before-quit', () => void core.close());
  await mainWindow.loadURL(APP_INDEX_URL);
}
