/**
 * 50 concurrent create-version calls at one model over real HTTP get exactly versions 1..50: on SQLite,
 * on PostgreSQL, and on PostgreSQL with two server processes sharing the database (issue 5, item 5).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { composeServer } from '../../src/server/compose.js';
import { startServer } from '../../src/server/start-server.js';
import { testServerConfig } from './support/test-server.js';
import { pgAdmin, TEST_POSTGRES_URI } from '../support/postgres.js';

const PG_URI = TEST_POSTGRES_URI;
const BIN = fileURLToPath(new URL('../../bin/modeldock.mjs', import.meta.url));
const API = '/api/2.0/mlflow';
const EXPECTED = Array.from({ length: 50 }, (_, i) => i + 1);

const admin = (statement: string): Promise<void> => pgAdmin(statement, PG_URI);

/** A fresh PostgreSQL database for one test; `drop` removes it. */
async function freshDatabase(): Promise<{ uri: string; drop: () => Promise<void> }> {
  const name = `modeldock_registry_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const uri = PG_URI.replace(/\/[^/]*$/, `/${name}`);
  return { uri, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function post(base: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${API}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status !== 200) throw new Error(`${path} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Fires 50 create-version calls at once, spread over the given servers; returns the sorted numbers. */
async function createFifty(bases: readonly string[]): Promise<number[]> {
  await post(bases[0] ?? '', '/registered-models/create', { name: 'm' });
  const calls = EXPECTED.map((i) =>
    post(bases[i % bases.length] ?? '', '/model-versions/create', {
      name: 'm',
      source: `runs:/${'a'.repeat(32)}/model`,
    }),
  );
  const created = await Promise.all(calls);
  return created
    .map((c) => Number((c['model_version'] as { version: string }).version))
    .sort((a, b) => a - b);
}

async function inProcess(backendStoreUri: string, run: (base: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'modeldock-concurrency-'));
  const composed = await composeServer(testServerConfig(dir, backendStoreUri ? { backendStoreUri } : {}));
  const { server, url } = await startServer(composed.app, { host: '127.0.0.1', port: 0 });
  try {
    await run(url);
  } finally {
    await new Promise((done) => server.close(done));
    await composed.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function freePort(): Promise<number> {
  const probe: Server = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const address = probe.address();
  await new Promise((done) => probe.close(done));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitHealthy(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${base} did not become healthy`);
}

/** Starts `modeldock server` as a separate process on a port of its own. */
async function spawnServer(uri: string, dir: string): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const args = [
    BIN,
    'server',
    '--backend-store-uri',
    uri,
    '--artifacts-destination',
    join(dir, 'artifacts'),
    '-p',
    String(port),
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, MODELDOCK_FROM_SOURCE: '1' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  await waitHealthy(base, child);
  return { base, child };
}

describe('concurrent model version creation over HTTP (register_model from many clients)', () => {
  it('SQLite: 50 concurrent creates → versions 1..50', async () => {
    await inProcess('', async (base) => {
      expect(await createFifty([base])).toEqual(EXPECTED);
    });
  });

  it('PostgreSQL: 50 concurrent creates → versions 1..50', async () => {
    const database = await freshDatabase();
    try {
      await inProcess(database.uri, async (base) => {
        expect(await createFifty([base])).toEqual(EXPECTED);
      });
    } finally {
      await database.drop();
    }
  });

  it('PostgreSQL, two server processes sharing the database: 50 concurrent creates → versions 1..50', async () => {
    const database = await freshDatabase();
    const dir = await mkdtemp(join(tmpdir(), 'modeldock-concurrency-'));
    const children: ChildProcess[] = [];
    try {
      // Started one after the other: the first migrates, the second finds the schema ready.
      const first = await spawnServer(database.uri, dir);
      children.push(first.child);
      const second = await spawnServer(database.uri, dir);
      children.push(second.child);
      expect(await createFifty([first.base, second.base])).toEqual(EXPECTED);
    } finally {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(
        children.map((c) => new Promise((done) => (c.exitCode === null ? c.once('exit', done) : done(null)))),
      );
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
