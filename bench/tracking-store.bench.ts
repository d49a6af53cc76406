/**
 * Store-level benchmark for both dialects: run creation with small batches, large log_batch,
 * search_runs ordered by a metric over 10k runs, and a 100k-point metric history.
 * PostgreSQL uses MODELDOCK_BENCH_POSTGRES (default postgresql://postgres@127.0.0.1:5432/test) in a fresh schema.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTrackingStore } from '../src/store/open-tracking-store.js';
import type { Metric, TrackingStore } from '../src/store/tracking-store.js';

interface Row {
  name: string;
  ops: number;
  unit: string;
  p50ms: number;
  p99ms: number;
}

async function timed(
  name: string,
  unitsPerOp: number,
  unit: string,
  ops: number,
  fn: (i: number) => Promise<unknown>,
): Promise<Row> {
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
  return { name, ops: (ops * unitsPerOp) / total, unit, p50ms: at(0.5), p99ms: at(0.99) };
}

function metrics(count: number, offset: number, key = 'm'): Metric[] {
  return Array.from({ length: count }, (_, i) => ({
    key: count <= 10 ? `${key}${i}` : key,
    value: Math.random(),
    timestamp: offset + i,
    step: offset + i,
  }));
}

async function seedRuns(store: TrackingStore, exp: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, count - i) }, async () => {
        const run = await store.createRun({ experimentId: exp });
        await store.logBatch(run.info.run_id, { metrics: metrics(10, 0) });
      }),
    );
  }
}

async function benchStore(
  store: TrackingStore,
  afterSeed: () => Promise<void> = async () => {},
): Promise<Row[]> {
  const rows: Row[] = [];
  const exp = await store.createExperiment({ name: 'bench' });
  rows.push(
    await timed('create run + log_batch(10 metrics)', 1, 'runs/s', 1000, async () => {
      const run = await store.createRun({ experimentId: exp });
      await store.logBatch(run.info.run_id, { metrics: metrics(10, 0) });
    }),
  );
  const big = (await store.createRun({ experimentId: exp })).info.run_id;
  rows.push(
    await timed('log_batch(1000 metrics)', 1000, 'rows/s', 100, (i) =>
      store.logBatch(big, { metrics: metrics(1000, i * 1000) }),
    ),
  );
  rows.push(
    await timed('get_metric_history (100k points)', 1, 'calls/s', 10, () => store.getMetricHistory(big, 'm')),
  );
  await seedRuns(store, exp, 9000 - 1);
  await afterSeed();
  for (const max of [100, 1000]) {
    rows.push(
      await timed(`search_runs 10k runs, order by metric, max ${max}`, 1, 'calls/s', 30, () =>
        store.searchRuns({ experimentIds: [exp], orderBy: ['metrics.m3 DESC'], maxResults: max }),
      ),
    );
  }
  rows.push(
    await timed('search_runs 10k runs, filter metric > 0.9, max 100', 1, 'calls/s', 30, () =>
      store.searchRuns({ experimentIds: [exp], filter: 'metrics.m3 > 0.9', maxResults: 100 }),
    ),
  );
  return rows;
}

function print(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  console.log(
    '  case'.padEnd(52) + 'throughput'.padStart(16) + 'p50 ms'.padStart(10) + 'p99 ms'.padStart(10),
  );
  for (const r of rows) {
    console.log(
      `  ${r.name}`.padEnd(52) +
        `${r.ops.toFixed(0)} ${r.unit}`.padStart(16) +
        r.p50ms.toFixed(2).padStart(10) +
        r.p99ms.toFixed(2).padStart(10),
    );
  }
}

async function sqlite(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'modeldock-bench-'));
  const store = await openTrackingStore(join(dir, 'mlflow.db'));
  try {
    print('SQLite (better-sqlite3, WAL)', await benchStore(store));
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function postgres(): Promise<void> {
  const uri = process.env['MODELDOCK_BENCH_POSTGRES'] ?? 'postgresql://postgres@127.0.0.1:5432/test';
  const pg = createRequire(import.meta.url)('pg') as {
    Client: new (c: { connectionString: string }) => {
      connect(): Promise<void>;
      query(q: string): Promise<unknown>;
      end(): Promise<void>;
    };
  };
  const schema = `modeldock_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (q: string): Promise<void> => {
    const client = new pg.Client({ connectionString: uri });
    await client.connect();
    await client.query(q);
    await client.end();
  };
  try {
    await admin(`CREATE SCHEMA ${schema}`);
  } catch (error) {
    console.log(`\nPostgreSQL skipped: ${String(error)}`);
    return;
  }
  const store = await openTrackingStore(uri, { schema });
  try {
    // Autovacuum analyzes freshly loaded tables after a while; the benchmark does it at once so the
    // planner sees the 10k runs it is searching.
    print(
      'PostgreSQL (pg)',
      await benchStore(store, () => admin(`ANALYZE ${schema}.runs; ANALYZE ${schema}.latest_metrics`)),
    );
  } finally {
    await store.close();
    await admin(`DROP SCHEMA ${schema} CASCADE`);
  }
}

export async function run(): Promise<void> {
  await sqlite();
  await postgres();
}
