/** The simulated sign-in of a tabletop exercise: its profile list and its initial SSO session. */
import type { ProfilesResult } from './profiles';
import { TABLETOP_PROFILE, TABLETOP_START_URL, tabletopProfileInfo } from './session-choices';
import { cliTime, readSsoToken, writeSsoToken } from './token-cache';

/** The simulated session length of a tabletop exercise (8 hours, Identity Center's default). */
export const TABLETOP_SESSION_MS = 8 * 3600 * 1000;

/** The profiles of a tabletop exercise (PURE): its one simulated identity, no files, no issues. */
export function tabletopProfiles(secondaryRegion: string): ProfilesResult {
  return {
    profiles: [tabletopProfileInfo(secondaryRegion)],
    issues: [],
    configFile: '',
    credentialsFile: '',
    envProfile: null,
  };
}

/**
 * A tabletop exercise starts signed in: write a simulated 8-hour session into the exercise's own
 * token cache `dir`, unless one is already there (expired or not: the exercise may be about expiry).
 * The region and the clock are asked for only when a token is written.
 */
export async function ensureTabletopToken(
  dir: string,
  region: () => Promise<string>,
  now: () => Date,
): Promise<void> {
  const existing = await readSsoToken(dir, TABLETOP_PROFILE).catch(() => null);
  if (existing) return;
  const secondary = await region();
  await writeSsoToken(dir, TABLETOP_PROFILE, {
    startUrl: TABLETOP_START_URL,
    region: secondary,
    accessToken: 'tabletop-initial-session',
    expiresAt: cliTime(new Date(now().getTime() + TABLETOP_SESSION_MS)),
  });
}
