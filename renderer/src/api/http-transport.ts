import { buildClient, type ApiClient } from '../../../electron/core/api/contract';
import type { AppEvent } from '../../../electron/core/api/events';
import type { Result } from '../../../electron/core/api/result';

const TOKEN_KEY = 'dr-war-room.token';

/**
 * The bridge token: taken from `?token=` on first load, kept in session storage, and removed
 * from the address bar so it is not shown, bookmarked or shared by accident.
 */
export function bridgeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The API over `fetch` to the bridge (browser mode). Network failures become error values. */
export function httpClient(token: string): ApiClient {
  return buildClient(async (name, input): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      if (response.status === 401) {
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: 'This page has no valid token. Open the address that `dr-war-room serve` printed.',
          },
        };
      }
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'UNAVAILABLE',
          message: `The DR War Room server does not answer (${String(error)}). Is \`dr-war-room serve\` still running?`,
        },
      };
    }
  });
}

/** Core events over server-sent events; reconnects on its own (EventSource). */
export function httpEvents(token: string, listener: (event: AppEvent) => void): () => void {
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (message: MessageEvent<string>) => {
    try {
      listener(JSON.parse(message.data) as AppEvent);
    } catch {
      // A malformed event is dropped; the next one is independent.
    }
  };
  return () => source.close();
}
