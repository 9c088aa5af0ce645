import { request, type IncomingHttpHeaders } from 'node:http';

/** What a raw HTTP request got back. */
export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request as an attacker (or the browser client) would send it: any method, path and headers. */
export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * One raw HTTP request to 127.0.0.1:`port` with node:http, so that Host and Origin can be set
 * freely (`Host` defaults to the real one). An event stream never ends by itself: its answer is
 * the headers and the first bytes.
 */
export function rawRequest(port: number, options: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (res.headers['content-type']?.startsWith('text/event-stream')) req.destroy();
        });
        const done = () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          });
        res.on('end', done);
        res.on('close', done);
        res.on('error', () => undefined);
      },
    );
    req.on('error', (error) => {
      if (!String(error).includes('aborted') && !String(error).includes('socket hang up')) reject(error);
    });
    req.end(options.body);
  });
}
