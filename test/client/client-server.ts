import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServer } from '../../src/server/compose.js';
import type { App } from '../../src/server/http/app.js';
import { startServer } from '../../src/server/start-server.js';
import type { ServerConfig } from '../../src/server/config.js';
import { testServerConfig } from '../server/support/test-server.js';

/** A real tracking server on 127.0.0.1:<free port> over a fresh SQLite file, recording each request. */
export interface ClientTestServer {
  readonly url: string;
  readonly dir: string;
  /** `METHOD path` of every request served, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function openClientTestServer(overrides: Partial<ServerConfig> = {}): Promise<ClientTestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'modeldock-client-'));
  const composed = await composeServer(testServerConfig(dir, overrides));
  const requests: string[] = [];
  const recording: App = {
    handle: (request) => {
      requests.push(`${request.method} ${request.path}`);
      return composed.app.handle(request);
    },
    request: (url, init) => composed.app.request(url, init),
  };
  const { server, url } = await startServer(recording, { host: '127.0.0.1', port: 0 });
  return {
    url,
    dir,
    requests,
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
