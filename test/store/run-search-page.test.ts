import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTrackingStore } from '../../src/store/open-tracking-store.js';
import type { Metric, Run, TrackingStore } from '../../src/store/tracking-store.js';
import { useFreshStore, type OpenFreshStore } from './tracking-store.suite.js';
import { pgAdmin, TEST_POSTGRES_URI } from '../support/postgres.js';

// search_runs loads a whole page of runs with their children in one statement that aggregates
// them as JSON inside the database; these cases pin what a user would see go wrong if that
// encoding lost a bit of a double, an infinity, a NaN, the order of keys or a run's inputs.

const URI = TEST_POSTGRES_URI;

const openSqlite: OpenFreshStore = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'modeldock-page-'));
  const store = await openTrackingStore(join(dir, 'mlflow.db'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

const admin = (statement: string): Promise<void> => pgAdmin(statement, URI);

const openPostgres: OpenFreshStore = async () => {
  const schema = `modeldock_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE SCHEMA ${schema}`);
  const store = await openTrackingStore(URI, { schema, maxConnections: 4 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await admin(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
};

const TRICKY = [
  0.1 + 0.2,
  1 / 3,
  Number.MIN_VALUE,
  Number.MAX_VALUE,
  -1e-300,
  123456789.12345679,
  Infinity,
  -Infinity,
  Number.NaN,
  -7,
];

async function runWithEverything(store: TrackingStore, experimentId: string): Promise<string> {
  const run = await store.createRun({ experimentId, runName: 'full', startTime: 1_700_000_000_000 });
  const id = run.info.run_id;
  const metrics: Metric[] = TRICKY.map((value, i) => ({
    key: `k${String(9 - i)}`,
    value,
    timestamp: 1_700_000_000_000 + i,
    step: 2 ** 40 + i,
  }));
  await store.logBatch(id, {
    metrics,
    params: [
      { key: 'zeta', value: 'last "quoted" \\ value' },
      { key: 'alpha', value: 'ünïcode ✓\n' },
    ],
    tags: [{ key: 'team', value: 'ml' }],
  });
  const dataset = { name: 'train', digest: 'abc', source_type: 'local', source: '{"uri": "/d"}' };
  await store.logInputs(id, {
    datasets: [{ dataset, tags: [{ key: 'mlflow.data.context', value: 'training' }] }],
    models: [{ model_id: 'm-2' }, { model_id: 'm-1' }],
  });
  await store.logOutputs(id, [{ model_id: 'm-3', step: 4 }]);
  return id;
}

function describePage(name: string, open: OpenFreshStore): void {
  describe(`${name}: search_runs page loading`, () => {
    const fresh = useFreshStore(open);

    it('returns every logged metric value exactly, with params, tags, inputs and outputs (search_runs)', async () => {
      const store = fresh.get();
      const exp = await store.createExperiment({ name: 'page' });
      const id = await runWithEverything(store, exp);
      await store.createRun({ experimentId: exp, runName: 'bare' });
      const page = await store.searchRuns({ experimentIds: [exp], orderBy: ['metrics.k9 DESC'] });
      const [full, bare] = page.items as [Run, Run];
      expect(full.info.run_id).toBe(id);
      expect(full.data.metrics.map((m) => m.key)).toEqual(TRICKY.map((_, i) => `k${i}`));
      for (const [i, value] of TRICKY.entries()) {
        const got = full.data.metrics.find((m) => m.key === `k${String(9 - i)}`);
        // MLflow's SQL store keeps ±inf as ±DBL_MAX.
        const stored =
          value === Infinity ? Number.MAX_VALUE : value === -Infinity ? -Number.MAX_VALUE : value;
        expect(Object.is(got?.value, stored), `k${String(9 - i)} = ${String(got?.value)}`).toBe(true);
        expect(got?.step).toBe(2 ** 40 + i);
      }
      expect(full.data.params).toEqual([
        { key: 'alpha', value: 'ünïcode ✓\n' },
        { key: 'zeta', value: 'last "quoted" \\ value' },
      ]);
      expect(full.data.tags).toContainEqual({ key: 'team', value: 'ml' });
      expect(full.inputs.model_inputs).toEqual([{ model_id: 'm-1' }, { model_id: 'm-2' }]);
      expect(full.inputs.dataset_inputs).toEqual([
        {
          tags: [{ key: 'mlflow.data.context', value: 'training' }],
          dataset: { name: 'train', digest: 'abc', source_type: 'local', source: '{"uri": "/d"}' },
        },
      ]);
      expect(full.outputs.model_outputs).toEqual([{ model_id: 'm-3', step: 4 }]);
      expect(await store.getRun(id)).toEqual(full);
      expect(bare.data.metrics).toEqual([]);
      expect(bare.inputs).toEqual({ dataset_inputs: [], model_inputs: [] });
    });

    it('breaks equal metric values by start_time DESC then run id, across pages (search_runs order_by)', async () => {
      const store = fresh.get();
      const exp = await store.createExperiment({ name: 'ties' });
      const made: Array<{ id: string; start: number; value: number }> = [];
      for (const [i, value] of [1, 2, 2, 2, 2, 3].entries()) {
        const start = 1_000 + (i % 3);
        const run = await store.createRun({ experimentId: exp, startTime: start });
        await store.logBatch(run.info.run_id, { metrics: [{ key: 'acc', value, timestamp: 1, step: 0 }] });
        made.push({ id: run.info.run_id, start, value });
      }
      const expected = [...made]
        .sort((a, b) => b.value - a.value || b.start - a.start || (a.id < b.id ? -1 : 1))
        .map((r) => r.id);
      const seen: string[] = [];
      let pageToken: string | undefined;
      do {
        const page = await store.searchRuns({
          experimentIds: [exp],
          orderBy: ['metrics.acc DESC'],
          maxResults: 2,
          ...(pageToken === undefined ? {} : { pageToken }),
        });
        seen.push(...page.items.map((r) => r.info.run_id));
        pageToken = page.nextPageToken;
      } while (pageToken !== undefined);
      expect(seen).toEqual(expected);
    });
  });
}

describePage('sqlite', openSqlite);
describePage('postgresql', openPostgres);
