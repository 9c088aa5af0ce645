import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, or `CHROME_PATH`. */
export function chromiumPath(): string {
  const candidate = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(
      `Chromium not found at ${candidate}. Install it (apt-get install -y chromium) or set CHROME_PATH.`,
    );
  }
  return candidate;
}

/**
 * Launch headless Chromium with a fresh profile and the flags this machine needs
 * (no sandbox as root, no background network traffic).
 */
export async function launchChromium(): Promise<BrowserContext> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
