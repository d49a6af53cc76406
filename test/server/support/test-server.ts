import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServer } from '../../../src/server/compose.js';
import type { ServerConfig } from '../../../src/server/config.js';
import { type App, DEFAULT_LIMITS } from '../../../src/server/http/app.js';

/** A tracking server composed in-process on a fresh SQLite file and artifact folder. */
export interface TestServer {
  readonly app: App;
  readonly dir: string;
  close(): Promise<void>;
}

/** The config of a test server whose database and artifacts live in `dir`. */
export function testServerConfig(dir: string, overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    backendStoreUri: `sqlite:///${join(dir, 'mlflow.db')}`,
    artifactsDestination: join(dir, 'artifacts'),
    serveArtifacts: true,
    defaultArtifactRoot: 'mlflow-artifacts:/',
    workers: 1,
    limits: DEFAULT_LIMITS,
    ...overrides,
  };
}

export async function openTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'modeldock-server-'));
  const config = testServerConfig(dir, overrides);
  const composed = await composeServer(config, (error) => console.error('unexpected server error', error));
  return {
    app: composed.app,
    dir,
    close: async () => {
      await composed.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** JSON helpers over `app.request`, for tests that read like client calls. */
export function jsonClient(app: App) {
  const call = async (method: string, path: string, body?: unknown) => {
    const init = body === undefined ? { method } : { method, json: body };
    const response = await app.request(path, init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}) => call('POST', path, body),
    patch: (path: string, body: unknown = {}) => call('PATCH', path, body),
    delete: (path: string, body?: unknown) => call('DELETE', path, body),
  };
}

/** Reads a nested value: `at(body, 'run', 'info', 'run_id')`; numbers index arrays. */
export function at(value: unknown, ...keys: Array<string | number>): unknown {
  let current = value;
  for (const key of keys) current = (current as Record<string | number, unknown> | undefined)?.[key];
  return current;
}

/** Like {@link at}, for a value that must be a string (ids, URIs). */
export function str(value: unknown, ...keys: Array<string | number>): string {
  const found = at(value, ...keys);
  if (typeof found !== 'string')
    throw new Error(`expected a string at ${keys.join('.')}, got ${JSON.stringify(found)}`);
  return found;
}
