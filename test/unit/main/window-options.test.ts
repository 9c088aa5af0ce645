import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '../../../electron/main/window-options';

describe('buildWindowOptions', () => {
  const options = buildWindowOptions({ preloadPath: '/app/out/preload/index.cjs' });
  const prefs = options.webPreferences ?? {};

  it('isolates the page from the preload and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
  });

  it('gives the page no Node.js, in the page, its workers or its sub-frames', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses insecure content', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('turns off experimental features, <webview>, drag-and-drop navigation and spellcheck downloads', () => {
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.safeDialogs).toBe(true);
  });

  it('never enables a remote module, plugins or a Node-enabled preload alternative', () => {
    const raw = prefs as Record<string, unknown>;
    expect(raw.enableRemoteModule).toBeUndefined();
    expect(raw.plugins).toBeUndefined();
    expect(raw.nodeIntegration).not.toBe(true);
  });

  it('loads exactly the given preload script', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('stays hidden until the page is ready, on a dark background by default', () => {
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toBe('#0f1419');
    expect(buildWindowOptions({ preloadPath: '/p', backgroundColor: '#ffffff' }).backgroundColor).toBe(
      '#ffffff',
    );
  });

  it('is titled for the app and sized for a war-room screen', () => {
    expect(options.title).toBe('DR War Room');
    expect(options.minWidth).toBeGreaterThanOrEqual(1280);
    expect(options.minHeight).toBeGreaterThanOrEqual(720);
  });

  it('returns a fresh object each call (no shared mutable state)', () => {
    const a = buildWindowOptions({ preloadPath: '/p' });
    const b = buildWindowOptions({ preloadPath: '/p' });
    expect(a).not.toBe(b);
    expect(a.webPreferences).not.toBe(b.webPreferences);
    expect(a).toEqual(b);
  });
});
