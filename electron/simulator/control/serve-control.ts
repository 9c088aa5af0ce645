import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ControlTarget } from './control-route';
import { answerControlRequest, isControlRequest } from './control-route';

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Answer `req` on `res` when it is for the simulator's control route (`/_simulator/…`) and
 * return true; return false, touching nothing, when it is an AWS request.
 */
export function serveControlRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: () => Buffer,
  target: ControlTarget,
): boolean {
  if (!isControlRequest(path, req.headers.host)) return false;
  answerControlRequest(
    {
      method: req.method ?? 'GET',
      path,
      host: req.headers.host,
      remoteAddress: req.socket.remoteAddress,
      origin: header(req, 'origin'),
      contentType: header(req, 'content-type'),
      ifMatch: header(req, 'if-match'),
      body: body(),
    },
    target,
  ).then(
    (answer) => {
      if (!answer) return;
      const bytes = Buffer.from(answer.body, 'utf8');
      res.writeHead(answer.status, { ...answer.headers, 'content-length': String(bytes.length) });
      res.end(bytes);
    },
    (error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `Simulator failure: ${(error as Error).message}` }));
    },
  );
  return true;
}
