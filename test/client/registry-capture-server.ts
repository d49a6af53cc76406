import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServer } from '../../src/server/compose.js';
import type { App } from '../../src/server/http/app.js';
import { startServer } from '../../src/server/start-server.js';
import { testServerConfig } from '../server/support/test-server.js';

/** One request as the server received it, in the transcripts' shape, with the status it got. */
export interface CapturedExchange {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string[]>;
  readonly request_body: unknown;
  readonly status: number;
}

/** A real tracking server over a fresh SQLite file that records whole requests (query and JSON body). */
export interface CaptureServer {
  readonly url: string;
  readonly exchanges: CapturedExchange[];
  close(): Promise<void>;
}

function queryOf(params: URLSearchParams): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  for (const [key, value] of params) (query[key] ??= []).push(value);
  return query;
}

function bodyOf(bytes: Buffer): unknown {
  if (bytes.length === 0) return null;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return { _bytes: bytes.length };
  }
}

export async function openCaptureServer(): Promise<CaptureServer> {
  const dir = await mkdtemp(join(tmpdir(), 'modeldock-registry-capture-'));
  const composed = await composeServer(testServerConfig(dir));
  const exchanges: CapturedExchange[] = [];
  const capturing: App = {
    handle: async (request) => {
      const chunks: Uint8Array[] = [];
      for await (const chunk of request.body) chunks.push(chunk);
      const bytes = Buffer.concat(chunks);
      const replay = (async function* () {
        if (bytes.length > 0) yield bytes;
      })();
      const response = await composed.app.handle({ ...request, body: replay });
      const { method, path } = request;
      exchanges.push({
        method,
        path,
        query: queryOf(request.query),
        request_body: bodyOf(bytes),
        status: response.status,
      });
      return response;
    },
    request: (url, init) => composed.app.request(url, init),
  };
  const { server, url } = await startServer(capturing, { host: '127.0.0.1', port: 0 });
  return {
    url,
    exchanges,
    close: async () => {
      await closeServer(server);
      await composed.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
