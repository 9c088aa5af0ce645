/**
 * Network reachability checks (I/O): DNS resolution, TCP connect and HTTP(S) GET, each with a
 * timeout. They answer values, never throw.
 */
import { lookup } from 'node:dns/promises';
import { connect } from 'node:net';

/** What a probe found. */
export interface ProbeOutcome {
  ok: boolean;
  detail: string;
}

/** Resolve a host name (all addresses). */
export async function resolveHost(host: string): Promise<ProbeOutcome & { addresses: string[] }> {
  try {
    const found = await lookup(host, { all: true });
    return {
      ok: true,
      addresses: found.map((a) => a.address),
      detail: `${host} resolves to ${found.map((a) => a.address).join(', ')}`,
    };
  } catch (error) {
    return {
      ok: false,
      addresses: [],
      detail: `${host} does not resolve (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

/** Open a TCP connection to host:port and close it. */
export function tcpConnect(host: string, port: number, timeoutMs = 5_000): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect({ host, port });
    const done = (ok: boolean, detail: string) => {
      socket.destroy();
      resolve({ ok, detail });
    };
    socket.setTimeout(timeoutMs, () =>
      done(false, `${host}:${port} did not accept a connection within ${timeoutMs} ms`),
    );
    socket.once('connect', () =>
      done(true, `${host}:${port} accepted a TCP connection (${Date.now() - started} ms)`),
    );
    socket.once('error', (e) => done(false, `${host}:${port} refused or failed: ${e.message}`));
  });
}

/** GET a URL; pass when the status is expected (default 200–399). */
export async function httpGet(
  url: string,
  expect: readonly number[] | undefined,
  timeoutMs = 5_000,
): Promise<ProbeOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(url, { signal: controller.signal, redirect: 'manual' });
    await res.body?.cancel();
    const ok =
      expect && expect.length > 0 ? expect.includes(res.status) : res.status >= 200 && res.status < 400;
    return {
      ok,
      detail: `GET ${url} answered ${res.status}${ok ? '' : ` (expected ${expect?.join(' or ') ?? '200–399'})`}`,
    };
  } catch (error) {
    const reason = controller.signal.aborted
      ? `no answer within ${timeoutMs} ms`
      : error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    return { ok: false, detail: `GET ${url} failed: ${reason}` };
  } finally {
    clearTimeout(timer);
  }
}
