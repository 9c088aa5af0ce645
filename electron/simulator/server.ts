import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSimConnectionError } from './core/connection-error';
import type { Simulator } from './core/create-simulator';
import { simulatorServices } from './core/services';
import { serveControlRequest } from './control/serve-control';
import type { ControlTarget } from './control/control-route';

/** Options of {@link startSimulatorServer}. */
export interface SimulatorServerOptions {
  /** Port; 0 picks a free one. */
  port: number;
  /** Interface to bind (default 127.0.0.1: never exposed beyond this machine by default). */
  host?: string;
  /**
   * Called after `PUT /_simulator/faults` changed the faults (the owner of the state file saves
   * there); the change is answered once it resolves.
   */
  onFaultsChanged?: () => Promise<void>;
}

/** A listening simulator server. */
export interface SimulatorServer {
  /** `http://HOST:PORT`, for `--endpoint-url` / `AWS_ENDPOINT_URL`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serve the simulator over HTTP, speaking the same protocols as in-process (S3 path-style),
 * for the `aws` CLI with `--endpoint-url` and SDK clients with `endpoint`. A `refused` fault
 * destroys the socket; a `timeout` fault never answers until the client gives up.
 * `/_simulator/faults` is the facilitator's control route (loopback only; see `control/`).
 */
export async function startSimulatorServer(
  sim: Simulator,
  options: SimulatorServerOptions,
): Promise<SimulatorServer> {
  const host = options.host ?? '127.0.0.1';
  const control: ControlTarget = {
    faults: sim.faults,
    regions: sim.regions,
    services: simulatorServices.map((s) => s.signingName),
    ...(options.onFaultsChanged ? { persist: options.onFaultsChanged } : {}),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      if (serveControlRequest(req, res, q < 0 ? url : url.slice(0, q), () => Buffer.concat(chunks), control))
        return;
      const controller = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) controller.abort();
      });
      const hostHeader = req.headers.host ?? host;
      sim
        .handle(
          {
            method: req.method ?? 'GET',
            hostname: hostHeader.replace(/:\d+$/, ''),
            path: q < 0 ? url : url.slice(0, q),
            rawQuery: q < 0 ? '' : url.slice(q + 1),
            headers: req.headers,
            body: Buffer.concat(chunks),
          },
          { abortSignal: controller.signal },
        )
        .then((answer) => {
          const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
          const headers: Record<string, string> = { ...answer.headers };
          const isHead = (req.method ?? '').toUpperCase() === 'HEAD';
          if (headers['content-length'] === undefined)
            headers['content-length'] = String(isHead ? 0 : body.length);
          res.writeHead(answer.status, headers);
          res.end(isHead ? undefined : body);
        })
        .catch((error: unknown) => {
          if (isSimConnectionError(error)) {
            req.socket.destroy();
            return;
          }
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`Simulator failure: ${error instanceof Error ? error.message : String(error)}`);
        });
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${options.port} on ${host} is already in use; pick another with --port (0 picks a free one).`,
            )
          : error,
      ),
    );
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
