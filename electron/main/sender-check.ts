import { isAppUrl } from './app-origin';

/** What an IPC event tells about its sender. */
export interface SenderFacts {
  /** `event.sender.id` */
  webContentsId: number;
  /** `event.senderFrame?.url` (null when the frame is gone). */
  frameUrl: string | null | undefined;
  /** Whether the frame is the top frame of its page. */
  isMainFrame: boolean;
}

/** Only the app's own window, its top frame, on the app's origin, may call the core. */
export function isTrustedSender(facts: SenderFacts, appWebContentsId: number | null): boolean {
  return (
    appWebContentsId !== null &&
    facts.webContentsId === appWebContentsId &&
    facts.isMainFrame &&
    typeof facts.frameUrl === 'string' &&
    isAppUrl(facts.frameUrl)
  );
}
