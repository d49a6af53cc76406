/**
 * Model Registry over HTTP (a real node:http server in this process, keep-alive fetch), on SQLite and on
 * PostgreSQL: create 500 versions, search versions with a name-and-tag filter at 5k versions,
 * get-latest-versions, and resolving `models:/name@alias` (alias lookup + download URI, as clients do).
 * PostgreSQL uses MODELDOCK_BENCH_POSTGRES (default postgresql://postgres@127.0.0.1:5432/test) in a fresh database.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServer } from '../src/server/compose.js';
import { DEFAULT_LIMITS } from '../src/server/http/app.js';
import { startServer } from '../src/server/start-server.js';
import type { RegistryStore } from '../src/store/registry-store.js';

const PG_URI = process.env['MODELDOCK_BENCH_POSTGRES'] ?? 'postgresql://postgres@127.0.0.1:5432/test';
const API = '/api/2.0/mlflow';
const SOURCE = `runs:/${'a'.repeat(32)}/model`;
const TOTAL_VERSIONS = 5000;
const MODELS = 10;

interface Row {
  name: string;
  opsPerSec: number;
  p50ms: number;
  p99ms: number;
}

async function timed(name: string, ops: number, fn: (i: number) => Promise<unknown>): Promise<Row> {
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < ops; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  const total = (performance.now() - start) / 1000;
  samples.sort((a, b) => a - b);
  const at = (q: number): number =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { name, opsPerSec: ops / total, p50ms: at(0.5), p99ms: at(0.99) };
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const init: RequestInit =
    body === undefined
      ? { method }
      : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(`${base}${API}${path}`, init);
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Fills the registry to 5k versions over 10 models (directly in the store), tagging every 10th. */
async function seed(registry: RegistryStore, existing: number): Promise<void> {
  for (let m = 1; m < MODELS; m++) await registry.createRegisteredModel({ name: `model-${m}` });
  const perModel = Math.ceil((TOTAL_VERSIONS - existing) / (MODELS - 1));
  for (let i = 0; i < perModel; i += 10) {
    await Promise.all(
      Array.from({ length: MODELS - 1 }, async (_, m) => {
        for (let k = i; k < Math.min(i + 10, perModel); k++) {
          const tags = k % 10 === 0 ? [{ key: 'validated', value: 'true' }] : [];
          await registry.createModelVersion({ name: `model-${m + 1}`, source: SOURCE, tags });
        }
      }),
    );
  }
}

async function benchBackend(label: string, backendStoreUri: string, dir: string): Promise<Row[]> {
  const composed = await composeServer({
    host: '127.0.0.1',
    port: 0,
    backendStoreUri,
    artifactsDestination: join(dir, 'artifacts'),
    serveArtifacts: true,
    defaultArtifactRoot: 'mlflow-artifacts:/',
    workers: 1,
    limits: DEFAULT_LIMITS,
  });
  const { server, url } = await startServer(composed.app, { host: '127.0.0.1', port: 0 });
  try {
    await call(url, 'POST', '/registered-models/create', { name: 'model-0' });
    const rows = [
      await timed(`${label}: create version (500)`, 500, (i) =>
        call(url, 'POST', '/model-versions/create', {
          name: 'model-0',
          source: SOURCE,
          tags: i % 10 === 0 ? [{ key: 'validated', value: 'true' }] : [],
        }),
      ),
    ];
    await seed(composed.registry, 500);
    for (const [version, stage] of [
      ['10', 'Staging'],
      ['20', 'Production'],
      ['30', 'Archived'],
    ] as const) {
      await composed.registry.transitionModelVersionStage('model-0', version, stage, false);
    }
    await composed.registry.setRegisteredModelAlias('model-0', 'champion', '42');
    const filter = encodeURIComponent("name = 'model-3' AND tags.validated = 'true'");
    rows.push(
      await timed(`${label}: search name+tag @5k versions`, 500, () =>
        call(url, 'GET', `/model-versions/search?filter=${filter}&max_results=10000`),
      ),
      await timed(`${label}: get-latest-versions`, 1000, () =>
        call(url, 'POST', '/registered-models/get-latest-versions', { name: 'model-0' }),
      ),
      await timed(`${label}: GET registered-models/alias`, 1000, () =>
        call(url, 'GET', '/registered-models/alias?name=model-0&alias=champion'),
      ),
      await timed(`${label}: models:/name@alias (alias + download URI)`, 1000, async () => {
        const found = (await call(url, 'GET', '/registered-models/alias?name=model-0&alias=champion')) as {
          model_version: { version: string };
        };
        return call(
          url,
          'GET',
          `/model-versions/get-download-uri?name=model-0&version=${found.model_version.version}`,
        );
      }),
    );
    return rows;
  } finally {
    await new Promise((done) => server.close(done));
    await composed.close();
  }
}

interface PgClient {
  connect(): Promise<void>;
  query(text: string): Promise<unknown>;
  end(): Promise<void>;
}

async function pgAdmin(statement: string): Promise<void> {
  const pg = createRequire(import.meta.url)('pg') as {
    Client: new (c: { connectionString: string }) => PgClient;
  };
  const client = new pg.Client({ connectionString: PG_URI });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function print(rows: Row[]): void {
  console.log(
    `${'  case'.padEnd(56)}${'ops/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}`,
  );
  for (const r of rows) {
    console.log(
      `  ${r.name}`.padEnd(56) +
        r.opsPerSec.toFixed(0).padStart(10) +
        r.p50ms.toFixed(2).padStart(10) +
        r.p99ms.toFixed(2).padStart(10),
    );
  }
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'modeldock-registry-bench-'));
  try {
    print(await benchBackend('sqlite', `sqlite:///${join(dir, 'mlflow.db')}`, dir));
    const database = `modeldock_bench_${randomBytes(6).toString('hex')}`;
    await pgAdmin(`CREATE DATABASE ${database}`);
    try {
      print(await benchBackend('postgresql', PG_URI.replace(/\/[^/]*$/, `/${database}`), dir));
    } finally {
      await pgAdmin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
