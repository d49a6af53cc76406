/**
 * The node:http adapter of the scoring app: reads bodies up to the size limit, answers through
 * {@link ScoringApp}, streams Server-Sent Events, and never lets one bad request stop the server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LoadedModel } from '../model/loaded-model.js';
import { ScoringApp, type ScoringOptions } from './scoring-app.js';
import { errorResponse, type ScoringResponse } from './scoring-response.js';

/** A node:http request listener. */
export type ScoringListener = (req: IncomingMessage, res: ServerResponse) => void;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function send(res: ServerResponse, response: ScoringResponse, head: boolean): Promise<void> {
  if (response.stream) {
    res.writeHead(response.status, response.headers);
    for await (const event of response.stream) {
      // A client that hung up stops the model's stream too (break returns the generator).
      if (res.destroyed) break;
      res.write(event);
    }
    res.end();
    return;
  }
  // A known length avoids chunked encoding: one write per response, as MLflow's server sends.
  const length =
    typeof response.body === 'string' ? Buffer.byteLength(response.body) : response.body.byteLength;
  res.writeHead(response.status, { ...response.headers, 'content-length': length });
  res.end(head ? undefined : response.body);
}

/**
 * The request listener for a scoring app, usable with any node:http server.
 *
 * @example createServer(scoringListener(new ScoringApp(model))).listen(5000);
 */
export function scoringListener(app: ScoringApp): ScoringListener {
  return (req, res) => {
    const run = async (): Promise<void> => {
      let body: Buffer;
      try {
        body = await readBody(req, app.maxBodyBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        res.setHeader('connection', 'close');
        const message = `Request body is larger than the limit of ${app.maxBodyBytes} bytes.`;
        return send(res, errorResponse('BAD_REQUEST', message, 413), false);
      }
      const headers = req.headers as Record<string, string | undefined>;
      const response = await app.handle({ method: req.method ?? 'GET', path: req.url ?? '/', headers, body });
      await send(res, response, req.method === 'HEAD');
    };
    run().catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
    });
  };
}

/**
 * A node:http server answering MLflow's scoring protocol for one model; call `listen` on it.
 *
 * @example
 * const server = createScoringServer(await loadModel('models/iris'), { timeoutMs: 5000 });
 * server.listen(5000, '127.0.0.1');
 */
export function createScoringServer(
  model: LoadedModel,
  options: ScoringOptions = {},
): Server & { app: ScoringApp } {
  const app = new ScoringApp(model, options);
  const server = createServer({ keepAliveTimeout: 65_000 }, scoringListener(app));
  return Object.assign(server, { app });
}
