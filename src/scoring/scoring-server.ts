/**
 * The node:http adapter of the scoring app: reads bodies up to the size limit, answers through
 * {@link ScoringApp}, streams Server-Sent Events, and never lets one bad request stop the server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LoadedModel } from '../model/loaded-model.js';
import type { ModelHolder } from './model-holder.js';
import { ScoringApp, type ScoringOptions } from './scoring-app.js';
import { errorResponse, type ScoringResponse } from './scoring-response.js';

/** A node:http request listener. */
export type ScoringListener = (req: IncomingMessage, res: ServerResponse) => void;

const EMPTY = Buffer.alloc(0);
// Responses share a handful of header objects; each becomes node's flat header list once.
const headerLists = new WeakMap<object, readonly string[]>();

function headerList(headers: Readonly<Record<string, string>>, length: number): string[] {
  let list = headerLists.get(headers);
  if (!list) {
    list = Object.entries(headers).flat();
    headerLists.set(headers, list);
  }
  return [...list, 'content-length', String(length)];
}

async function stream(res: ServerResponse, response: ScoringResponse, events: AsyncIterable<string>) {
  res.writeHead(response.status, response.headers);
  for await (const event of events) {
    // A client that hung up stops the model's stream too (break returns the generator).
    if (res.destroyed) break;
    res.write(event);
  }
  res.end();
}

function send(res: ServerResponse, response: ScoringResponse, head: boolean): void | Promise<void> {
  if (response.stream) return stream(res, response, response.stream);
  // A known length avoids chunked encoding, and a string body goes out in one write with the
  // header block (node joins them; a Buffer body would be a second chunk of a writev).
  const { body } = response;
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  res.writeHead(response.status, headerList(response.headers, length));
  res.end(head ? undefined : body);
}

function failed(res: ServerResponse): void {
  if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
  res.end();
}

function tooLarge(app: ScoringApp, res: ServerResponse): void {
  res.setHeader('connection', 'close');
  const message = `Request body is larger than the limit of ${app.maxBodyBytes} bytes.`;
  void send(res, errorResponse('BAD_REQUEST', message, 413), false);
}

function respond(app: ScoringApp, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const method = req.method ?? 'GET';
  app
    .handle({ method, path: req.url ?? '/', headers: req.headers, body })
    .then((response) => send(res, response, method === 'HEAD'))
    .catch(() => failed(res));
}

/**
 * The request listener for a scoring app, usable with any node:http server.
 *
 * @example createServer(scoringListener(new ScoringApp(model))).listen(5000);
 */
export function scoringListener(app: ScoringApp): ScoringListener {
  return (req, res) => {
    const limit = app.maxBodyBytes;
    // A declared length over the limit is refused before a byte of the body is read.
    if (Number(req.headers['content-length']) > limit) {
      req.resume();
      return tooLarge(app, res);
    }
    let first: Buffer | undefined;
    let rest: Buffer[] | undefined;
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return; // refused already: the rest of the body is drained unread
      size += chunk.length;
      if (size > limit) return tooLarge(app, res);
      if (first === undefined) first = chunk;
      else (rest ??= [first]).push(chunk);
    });
    req.on('end', () => {
      if (size <= limit) respond(app, req, res, rest ? Buffer.concat(rest, size) : (first ?? EMPTY));
    });
    req.on('error', () => res.destroy());
  };
}

/**
 * A node:http server answering MLflow's scoring protocol for one model (or a {@link ModelHolder}
 * whose model can be swapped while serving); call `listen` on it.
 *
 * @example
 * const server = createScoringServer(await loadModel('models/iris'), { timeoutMs: 5000 });
 * server.listen(5000, '127.0.0.1');
 */
export function createScoringServer(
  model: LoadedModel | ModelHolder,
  options: ScoringOptions = {},
): Server & { app: ScoringApp } {
  const app = new ScoringApp(model, options);
  const server = createServer({ keepAliveTimeout: 65_000 }, scoringListener(app));
  return Object.assign(server, { app });
}
