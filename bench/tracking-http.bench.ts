/**
 * The tracking server over real HTTP, for SQLite and PostgreSQL, with the request shapes of
 * MLflow's Python client: create runs with a 10-metric log_batch, log_batch of 1000 metrics,
 * runs/search ordered by a metric over 10k runs, metrics/get-history on a 100k-point metric.
 * The server (composeServer + startServer) runs in this process on 127.0.0.1:0 and the client is a
 * sequential keep-alive node:http loop, so client and server share one event loop; the floor (a
 * bare node:http server with a fixed JSON answer) is measured the same way in the same run.
 * PostgreSQL uses a fresh database next to MODELDOCK_BENCH_POSTGRES (default
 * postgresql://postgres@127.0.0.1:5432/test), dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServer } from '../src/server/compose.js';
import type { ServerConfig } from '../src/server/config.js';
import { DEFAULT_LIMITS } from '../src/server/http/app.js';
import { startServer } from '../src/server/start-server.js';
import type { Metric, TrackingStore } from '../src/store/tracking-store.js';
import { BenchClient, measureFloor, printRows, timed, type Row } from './http-bench-client.js';

const API = '/api/2.0/mlflow';
const TOTAL_RUNS = 10_000;

function metrics(count: number, offset: number): Metric[] {
  return Array.from({ length: count }, (_, i) => ({
    key: count <= 10 ? `m${i}` : 'm',
    value: Math.random(),
    timestamp: 1_700_000_000_000 + offset + i,
    step: offset + i,
  }));
}

async function createRunWithBatch(client: BenchClient, experimentId: string): Promise<string> {
  const created = (await client.call('POST', `${API}/runs/create`, {
    experiment_id: experimentId,
    user_id: 'bench',
    start_time: Date.now(),
    tags: [
      { key: 'mlflow.user', value: 'bench' },
      { key: 'mlflow.source.name', value: 'bench.py' },
      { key: 'mlflow.source.type', value: 'LOCAL' },
    ],
  })) as { run: { info: { run_id: string } } };
  const runId = created.run.info.run_id;
  await client.call('POST', `${API}/runs/log-batch`, {
    run_id: runId,
    metrics: metrics(10, 0),
    params: [],
    tags: [],
  });
  return runId;
}

// The search needs 10k runs; the ones not created by the timed case are seeded through the store.
async function seedRuns(store: TrackingStore, experimentId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, count - i) }, async () => {
        const run = await store.createRun({ experimentId, userId: 'bench' });
        await store.logBatch(run.info.run_id, { metrics: metrics(10, 0) });
      }),
    );
  }
}

async function searchCase(client: BenchClient, experimentId: string, max: number): Promise<Row> {
  const body = {
    experiment_ids: [experimentId],
    filter: '',
    run_view_type: 'ACTIVE_ONLY',
    max_results: max,
    order_by: ['metrics.m3 DESC'],
  };
  const check = (await client.call('POST', `${API}/runs/search`, body)) as { runs?: unknown[] };
  if (check.runs?.length !== max) throw new Error(`runs/search returned ${check.runs?.length} runs`);
  return timed(
    `runs/search 10k runs, order by metric, max ${max}`,
    { ops: max > 100 ? 30 : 100, unitsPerOp: 1, unit: 'calls/s', warmup: 3 },
    () => client.raw('POST', `${API}/runs/search`, body),
  );
}

async function benchServer(
  base: string,
  store: TrackingStore,
  afterSeed: () => Promise<void>,
): Promise<Row[]> {
  const client = new BenchClient(base);
  try {
    const exp = (
      (await client.call('POST', `${API}/experiments/create`, { name: 'bench' })) as { experiment_id: string }
    ).experiment_id;
    const rows: Row[] = [];
    rows.push(
      await timed(
        'runs/create + runs/log-batch (10 metrics)',
        { ops: 1000, unitsPerOp: 1, unit: 'runs/s' },
        () => createRunWithBatch(client, exp),
      ),
    );
    const big = await createRunWithBatch(client, exp);
    rows.push(
      await timed('runs/log-batch (1000 metrics)', { ops: 100, unitsPerOp: 1000, unit: 'rows/s' }, (i) =>
        client.raw('POST', `${API}/runs/log-batch`, { run_id: big, metrics: metrics(1000, 10 + i * 1000) }),
      ),
    );
    const historyPath = `${API}/metrics/get-history?run_id=${big}&run_uuid=${big}&metric_key=m`;
    rows.push(
      await timed(
        'metrics/get-history (100k points)',
        { ops: 10, unitsPerOp: 1, unit: 'calls/s', warmup: 1 },
        () => client.raw('GET', historyPath),
      ),
    );
    await seedRuns(store, exp, TOTAL_RUNS - 1001);
    await afterSeed();
    for (const max of [100, 1000]) rows.push(await searchCase(client, exp, max));
    return rows;
  } finally {
    client.close();
  }
}

async function withServer(
  backendStoreUri: string,
  dir: string,
  body: (base: string, store: TrackingStore) => Promise<Row[]>,
): Promise<Row[]> {
  const config: ServerConfig = {
    host: '127.0.0.1',
    port: 0,
    backendStoreUri,
    artifactsDestination: join(dir, 'artifacts'),
    serveArtifacts: true,
    defaultArtifactRoot: 'mlflow-artifacts:/',
    workers: 1,
    limits: DEFAULT_LIMITS,
  };
  const composed = await composeServer(config);
  const { server, url } = await startServer(composed.app, config);
  try {
    return await body(url, composed.store);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await composed.close();
  }
}

async function sqlite(floor: Row): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'modeldock-http-bench-'));
  try {
    const rows = await withServer(`sqlite:///${join(dir, 'mlflow.db')}`, dir, (base, store) =>
      benchServer(base, store, async () => {}),
    );
    printRows('SQLite (better-sqlite3, WAL) over HTTP', rows, floor);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type PgClient = { connect(): Promise<void>; query(q: string): Promise<unknown>; end(): Promise<void> };

async function postgres(floor: Row): Promise<void> {
  const adminUri = process.env['MODELDOCK_BENCH_POSTGRES'] ?? 'postgresql://postgres@127.0.0.1:5432/test';
  const pg = createRequire(import.meta.url)('pg') as {
    Client: new (c: { connectionString: string }) => PgClient;
  };
  const database = `modeldock_http_bench_${randomBytes(4).toString('hex')}`;
  const uri = adminUri.replace(/\/[^/?]*(\?|$)/, `/${database}$1`);
  const run = async (connectionString: string, q: string): Promise<void> => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query(q);
    } finally {
      await client.end();
    }
  };
  try {
    await run(adminUri, `CREATE DATABASE ${database}`);
  } catch (error) {
    console.log(`\nPostgreSQL skipped: ${String(error)}`);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'modeldock-http-bench-'));
  try {
    // Autovacuum analyzes freshly loaded tables after a while; do it at once so the planner sees 10k runs.
    const rows = await withServer(uri, dir, (base, store) =>
      benchServer(base, store, () => run(uri, 'ANALYZE')),
    );
    printRows('PostgreSQL (pg) over HTTP', rows, floor);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await run(adminUri, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

function printGoals(): void {
  console.log(`
Goals from issue 4 — NOT measured in this run:
  - at least 20x the Python MLflow server on the same machine (Python MLflow is not installable here: no PyPI)
  - runs/search over 10k runs: p50 < 5 ms
  - log_batch: > 50k metric rows/s`);
}

export async function run(): Promise<void> {
  const floor = await measureFloor();
  printRows(
    'Floor (same client loop, bare node:http server answering a fixed 49-byte JSON body)',
    [floor],
    floor,
  );
  await sqlite(floor);
  await postgres(floor);
  printGoals();
}
