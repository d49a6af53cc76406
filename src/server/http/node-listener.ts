import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type App, wireResponse } from './app.js';
import type { HttpRequest } from './http-types.js';

function toHttpRequest(req: IncomingMessage): HttpRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers))
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? url : url.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
    hasQueryString: q >= 0 && q < url.length - 1,
    headers,
    body: req,
  };
}

async function serve(app: App, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const response = await app.handle(toHttpRequest(req));
  const { headers, body } = wireResponse(response);
  // A body the handler did not read (an early 4xx, a 413) cannot be skipped cheaply: close instead.
  if (!req.complete) headers.connection = 'close';
  if (typeof body === 'string') headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(response.status, headers);
  if (body instanceof Readable) await pipeline(body, res).catch(() => undefined);
  else res.end(body);
}

/**
 * Adapts an {@link App} to `http.createServer`.
 *
 * @example http.createServer(nodeListener(app)).listen(5000);
 */
export function nodeListener(app: App): RequestListener {
  return (req, res) => {
    serve(app, req, res).catch(() => res.destroy());
  };
}
