import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/app/core';
import { SECURITY_HEADERS } from '../core/security/csp';
import { bearerToken, checkHostAndOrigin, tokenMatches, type BridgeIdentity } from './request-guard';
import { readStaticFile } from './static-files';

/** Options of {@link startBridge}. */
export interface BridgeOptions {
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** A fixed token (tests); a random one by default. */
  token?: string;
}

/** A running bridge. */
export interface Bridge {
  /** The address to open, token included: `http://127.0.0.1:PORT/?token=…`. */
  url: string;
  /** The origin without the token. */
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Serve the built renderer and the contract's calls over HTTP on 127.0.0.1 only.
 * `POST /api/<call>` with `Authorization: Bearer <token>` answers the call's result value;
 * `GET /api/events?token=<token>` streams core events (server-sent events).
 * Requests with a foreign Host or Origin are refused; no CORS headers are ever sent.
 */
export async function startBridge(core: Core, options: BridgeOptions): Promise<Bridge> {
  const identity: BridgeIdentity = { port: 0, token: options.token ?? randomBytes(32).toString('base64url') };
  const sseClients = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(error) } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = checkHostAndOrigin(identity, { host: req.headers.host, origin: req.headers.origin });
    if (refusal) return sendText(res, refusal.status, refusal.message);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${identity.port}`);

    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return sendText(res, 405, 'Method not allowed.');
      if (!tokenMatches(identity.token, url.searchParams.get('token'))) {
        return sendText(
          res,
          401,
          'Unauthorized: the token is missing or wrong. Open the address the command printed.',
        );
      }
      return openEventStream(res);
    }
    if (url.pathname.startsWith('/api/')) {
      if (!tokenMatches(identity.token, bearerToken(req.headers.authorization))) {
        return sendJson(res, 401, {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Unauthorized: the token is missing or wrong.' },
        });
      }
      if (req.method !== 'POST') return sendText(res, 405, 'Method not allowed: API calls are POST.');
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        return sendJson(res, 400, {
          ok: false,
          error: {
            code: 'UNKNOWN_CALL',
            message: 'The call name in the address is not valid percent-encoding.',
          },
        });
      }
      const body = await readBody(req);
      if (body === null) {
        return sendJson(res, 413, {
          ok: false,
          error: { code: 'INVALID_INPUT', message: 'The request is too large.' },
        });
      }
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' },
        });
      }
      const result = await core.dispatch(name, input, { via: 'http' });
      return sendJson(res, 200, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) {
      if (url.pathname === '/' || url.pathname === '/index.html') {
        return sendText(res, 503, 'The app is not built yet: run `npm run build`, then start again.');
      }
      return sendText(res, 404, 'Not found.');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    sseClients.add(res);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    const unsubscribe = core.events.subscribe((event) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    res.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      sseClients.delete(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  identity.port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${identity.port}`;

  return {
    url: `${origin}/?token=${identity.token}`,
    origin,
    port: identity.port,
    token: identity.token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sseClients) client.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(value));
}

function sendText(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(`${message}\n`);
}
