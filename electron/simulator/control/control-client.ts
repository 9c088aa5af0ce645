import type { FaultState } from '../core/fault-state';
import type { FaultsView } from './control-view';
import { controlErrorSchema, faultsViewSchema, SIMULATOR_FAULTS_PATH } from './control-view';

/** The faults a simulator has in force, and the ETag to change them from. */
export interface FaultsReading {
  view: FaultsView;
  etag: string | undefined;
}

/** Thrown by {@link writeFaults} when the faults changed since they were read (HTTP 412). */
export class FaultsChangedError extends Error {}

/** How long one control request may take before the client gives up. */
const REQUEST_TIMEOUT_MS = 15_000;

/** The control route's address on a simulator's base URL; a clear error for anything but http(s). */
export function faultsUrl(base: string): URL {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(
      `--url ${base} is not a URL: pass the address the simulator printed, e.g. http://127.0.0.1:4566.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(
      `--url ${base} is not an http:// address: pass the one the simulator printed, e.g. http://127.0.0.1:4566.`,
    );
  return new URL(SIMULATOR_FAULTS_PATH, url.origin);
}

function unreachable(base: string, error: unknown): Error {
  const cause = (error as { cause?: { code?: string } }).cause;
  const why =
    cause?.code === 'ECONNREFUSED'
      ? 'connection refused'
      : (error as Error).name === 'TimeoutError'
        ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`
        : (cause?.code ?? (error as Error).message);
  return new Error(
    `No simulator answers at ${base} (${why}). Start one with \`dr-war-room simulator --port 4566 --state FILE\` and pass the URL it prints with --url.`,
    { cause: error },
  );
}

async function send(base: string, init: RequestInit): Promise<FaultsReading> {
  const url = faultsUrl(base);
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    throw unreachable(base, error);
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (response.status === 412)
    throw new FaultsChangedError(
      controlErrorSchema.safeParse(data).data?.error ??
        'The faults kept changing while this change was being made: try again.',
    );
  const view = faultsViewSchema.safeParse(data);
  if (response.ok && view.success)
    return { view: view.data, etag: response.headers.get('etag') ?? undefined };
  const error = controlErrorSchema.safeParse(data);
  if (error.success) throw new Error(`The simulator at ${base} refused: ${error.data.error}`);
  throw new Error(
    `${base} answered HTTP ${response.status}, but not as a dr-war-room simulator: check --url (the address \`dr-war-room simulator\` printed).`,
  );
}

/** Read the faults in force at a running simulator (`GET /_simulator/faults`). */
export function readFaults(base: string): Promise<FaultsReading> {
  return send(base, { method: 'GET' });
}

/**
 * Replace the faults of a running simulator (`PUT /_simulator/faults`); with `etag`, only if
 * they are still the ones read (else {@link FaultsChangedError}).
 */
export function writeFaults(base: string, faults: FaultState, etag?: string): Promise<FaultsReading> {
  return send(base, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...(etag ? { 'if-match': etag } : {}) },
    body: JSON.stringify(faults),
  });
}

/**
 * Read the faults, make the new set with `change` (which may throw to refuse) and write it, again
 * from a fresh read when someone else changed them in between (up to `attempts` times).
 */
export async function changeFaults(
  base: string,
  change: (current: FaultsView) => FaultState,
  attempts = 5,
): Promise<FaultsReading> {
  for (let attempt = 1; ; attempt++) {
    const read = await readFaults(base);
    try {
      return await writeFaults(base, change(read.view), read.etag);
    } catch (error) {
      if (!(error instanceof FaultsChangedError) || attempt >= attempts) throw error;
    }
  }
}
