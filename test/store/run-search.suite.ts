import { expect, it } from 'vitest';
import type { SearchRunsInput, TrackingStore } from '../../src/store/tracking-store.js';
import { failure, useFreshStore, type OpenFreshStore } from './tracking-store.suite.js';

interface Seeded {
  exp: string;
  ids: Record<string, string>;
}

/** Four runs: r1..r3 with metrics/params/tags, r4 with none. */
async function seed(store: TrackingStore): Promise<Seeded> {
  const exp = await store.createExperiment({ name: 'search' });
  const ids: Record<string, string> = {};
  const specs = [
    { name: 'r1', start: 1000, acc: 0.5, model: 'CNN', user: 'alice' },
    { name: 'r2', start: 2000, acc: 0.9, model: 'cnn', user: 'bob' },
    { name: 'r3', start: 3000, acc: Number.NaN, model: 'rnn', user: 'alice' },
    { name: 'r4', start: 4000, acc: undefined, model: undefined, user: 'carol' },
  ];
  for (const s of specs) {
    const run = await store.createRun({
      experimentId: exp,
      runName: s.name,
      startTime: s.start,
      userId: s.user,
    });
    ids[s.name] = run.info.run_id;
    if (s.acc !== undefined) {
      await store.logBatch(run.info.run_id, {
        metrics: [{ key: 'acc', value: s.acc, timestamp: 1, step: 0 }],
        params: [{ key: 'model', value: s.model ?? '' }],
        tags: [{ key: 'team', value: `t-${s.name}` }],
      });
    }
  }
  return { exp, ids };
}

/** search_runs: the grammar of search-grammar.md §1–2 translated to SQL. */
export function describeRunSearch(open: OpenFreshStore): void {
  const ctx = useFreshStore(open);
  const names = async (exp: string, input: Omit<SearchRunsInput, 'experimentIds'>): Promise<string[]> =>
    (await ctx.get().searchRuns({ experimentIds: [exp], ...input })).items.map((r) => r.info.run_name);

  it('orders by start_time DESC by default', async () => {
    const { exp } = await seed(ctx.get());
    expect(await names(exp, {})).toEqual(['r4', 'r3', 'r2', 'r1']);
  });

  it('filters on metrics, params, tags and attributes (search_runs filter_string)', async () => {
    const { exp, ids } = await seed(ctx.get());
    expect(await names(exp, { filter: 'metrics.acc > 0.6' })).toEqual(['r2']);
    expect(await names(exp, { filter: 'metrics.acc >= 0.5 and metrics.acc < 0.9' })).toEqual(['r1']);
    expect(await names(exp, { filter: "params.model = 'cnn'" })).toEqual(['r2']);
    expect(await names(exp, { filter: "params.model != 'cnn'" })).toEqual(['r3', 'r1']);
    expect(await names(exp, { filter: "params.model LIKE 'c%'" })).toEqual(['r2']);
    expect(await names(exp, { filter: "params.model ILIKE 'c%'" })).toEqual(['r2', 'r1']);
    expect(await names(exp, { filter: "params.`model` LIKE '_NN'" })).toEqual(['r1']);
    expect(await names(exp, { filter: "tags.team = 't-r1'" })).toEqual(['r1']);
    expect(await names(exp, { filter: 'tags."team" = "t-r2"' })).toEqual(['r2']);
    expect(await names(exp, { filter: "tags.`mlflow.runName` = 'r3'" })).toEqual(['r3']);
    expect(await names(exp, { filter: "attributes.run_name = 'r4'" })).toEqual(['r4']);
    expect(await names(exp, { filter: "user_id = 'alice'" })).toEqual(['r3', 'r1']);
    expect(await names(exp, { filter: "status = 'RUNNING' AND start_time >= 2000" })).toEqual([
      'r4',
      'r3',
      'r2',
    ]);
    expect(await names(exp, { filter: `attributes.run_id IN ('${ids['r1']}', '${ids['r2']}')` })).toEqual([
      'r2',
      'r1',
    ]);
    expect(await names(exp, { filter: `run_id NOT IN ('${ids['r1']}')` })).toEqual(['r4', 'r3', 'r2']);
    expect(await names(exp, { filter: `run_id IN ('${(ids['r1'] ?? '').toUpperCase()}')` })).toEqual([]);
  });

  it('orders by a metric with NaN after values and missing last, both directions', async () => {
    const { exp } = await seed(ctx.get());
    expect(await names(exp, { orderBy: ['metrics.acc DESC'] })).toEqual(['r2', 'r1', 'r3', 'r4']);
    expect(await names(exp, { orderBy: ['metrics.acc ASC'] })).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(await names(exp, { orderBy: ['params.model DESC'] })).toEqual(['r3', 'r2', 'r1', 'r4']);
    expect(await names(exp, { orderBy: ['tags.`team` ASC'] })).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(await names(exp, { orderBy: ['attributes.start_time ASC'] })).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(await names(exp, { orderBy: ['user_id', 'created DESC'] })).toEqual(['r3', 'r1', 'r2', 'r4']);
  });

  it('pages with a token on every full page and honours run_view_type', async () => {
    const store = ctx.get();
    const { exp, ids } = await seed(store);
    const first = await store.searchRuns({ experimentIds: [exp], maxResults: 2 });
    expect(first.items.map((r) => r.info.run_name)).toEqual(['r4', 'r3']);
    const second = await store.searchRuns({
      experimentIds: [exp],
      maxResults: 2,
      pageToken: first.nextPageToken ?? '',
    });
    expect(second.items.map((r) => r.info.run_name)).toEqual(['r2', 'r1']);
    const third = await store.searchRuns({
      experimentIds: [exp],
      maxResults: 2,
      pageToken: second.nextPageToken ?? '',
    });
    expect(third).toEqual({ items: [] });
    await store.deleteRun(ids['r1'] ?? '');
    expect(await names(exp, { runViewType: 'DELETED_ONLY' })).toEqual(['r1']);
    expect(await names(exp, { runViewType: 'ALL' })).toHaveLength(4);
  });

  it('returns full runs: latest metrics, params, tags and dataset inputs; filters on datasets', async () => {
    const store = ctx.get();
    const { exp, ids } = await seed(store);
    const dataset = { name: 'train', digest: 'd1', source_type: 'local', source: 's' };
    await store.logInputs(ids['r2'] ?? '', {
      datasets: [{ dataset, tags: [{ key: 'mlflow.data.context', value: 'training' }] }],
    });
    const [run] = (await store.searchRuns({ experimentIds: [exp], filter: "datasets.name = 'train'" })).items;
    expect(run?.info.run_name).toBe('r2');
    expect(run?.data.metrics).toEqual([{ key: 'acc', value: 0.9, timestamp: 1, step: 0 }]);
    expect(run?.inputs.dataset_inputs).toHaveLength(1);
    expect(await names(exp, { filter: "datasets.context IN ('training')" })).toEqual(['r2']);
    expect(await names(exp, { filter: "dataset.digest LIKE 'x%'" })).toEqual([]);
  });

  it('rejects bad filters and order_by with MLflow messages', async () => {
    const store = ctx.get();
    const { exp } = await seed(store);
    const search = (input: Omit<SearchRunsInput, 'experimentIds'>) =>
      failure(store.searchRuns({ experimentIds: [exp], ...input }));
    expect((await search({ filter: 'metrics.acc >>> 1' })).message).toMatch(
      /^Invalid comparator '>>>' not one of '\{/,
    );
    expect((await search({ orderBy: ['metrics.acc SIDEWAYS'] })).message).toBe(
      "Invalid ordering key in order_by clause 'metrics.acc SIDEWAYS'.",
    );
    expect((await search({ filter: 'params.model = cnn' })).message).toBe(
      "Expected a quoted string value for parameter (e.g. 'my-value'). Got value cnn",
    );
    expect((await search({ filter: "metrics.acc = '1'" })).message).toBe(
      "Expected numeric value type for metric. Found '1'",
    );
    expect((await search({ filter: "foo.bar = 'x'" })).message).toMatch(/^Invalid entity type 'foo'/);
    expect((await search({ filter: "attributes.bogus = 'x'" })).message).toMatch(
      /^Invalid attribute key 'bogus' specified/,
    );
    expect((await search({ filter: "user_id IN ('a')" })).message).toMatch(
      /^Only the 'run_id' attribute supports/,
    );
    expect((await search({ filter: "params.a = 'x' OR params.b = 'y'" })).message).toMatch(
      /^Invalid clause\(s\) in filter string/,
    );
    expect((await search({ filter: "params.a = 'x'; DROP TABLE runs" })).errorCode).toBe(
      'INVALID_PARAMETER_VALUE',
    );
    expect((await search({ orderBy: ['metrics.acc', 'metrics.acc DESC'] })).errorCode).toBe(
      'INVALID_PARAMETER_VALUE',
    );
    expect((await search({ maxResults: 50001 })).errorCode).toBe('INVALID_PARAMETER_VALUE');
    expect((await search({ pageToken: 'not a token' })).message).toMatch(/^Invalid page token/);
  });
}
