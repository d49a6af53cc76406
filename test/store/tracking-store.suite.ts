import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MlflowError } from '../../src/core/mlflow-error.js';
import type { TrackingStore } from '../../src/store/tracking-store.js';
import { describeLoggedModels } from './logged-models.suite.js';
import { describeRunSearch } from './run-search.suite.js';
import { describeRuns } from './runs.suite.js';

/** Opens a fresh, empty store; `close` releases it and removes its data. */
export type OpenFreshStore = () => Promise<{ store: TrackingStore; cleanup: () => Promise<void> }>;

/** Gives each test a fresh store through `get()`. */
export function useFreshStore(open: OpenFreshStore): { get: () => TrackingStore } {
  let current: { store: TrackingStore; cleanup: () => Promise<void> } | undefined;
  beforeEach(async () => {
    current = await open();
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return {
    get: () => {
      if (current === undefined) throw new Error('store not open');
      return current.store;
    },
  };
}

/** Resolves to the MlflowError a promise rejects with (fails the test if it resolves). */
export async function failure(
  promise: Promise<unknown>,
): Promise<Pick<MlflowError, 'errorCode' | 'message'>> {
  try {
    await promise;
  } catch (error) {
    const e = error as MlflowError;
    return { errorCode: e.errorCode, message: e.message };
  }
  throw new Error('expected the call to fail');
}

function describeExperiments(open: OpenFreshStore): void {
  const ctx = useFreshStore(open);

  it('has the Default experiment "0" with a proxied artifact location (mlflow.get_experiment("0"))', async () => {
    const exp = await ctx.get().getExperiment('0');
    expect(exp).toMatchObject({
      experiment_id: '0',
      name: 'Default',
      artifact_location: 'mlflow-artifacts:/0',
      lifecycle_stage: 'active',
    });
  });

  it('creates, gets and gets by name (MlflowClient.create_experiment)', async () => {
    const store = ctx.get();
    const id = await store.createExperiment({ name: 'exp-a', tags: [{ key: 'team', value: 'ml' }] });
    expect(id).toBe('1');
    const exp = await store.getExperiment(id);
    expect(exp).toMatchObject({
      name: 'exp-a',
      artifact_location: 'mlflow-artifacts:/1',
      tags: [{ key: 'team', value: 'ml' }],
    });
    expect(exp.creation_time).toBeGreaterThan(0);
    expect((await store.getExperimentByName('exp-a')).experiment_id).toBe(id);
    const custom = await store.createExperiment({ name: 'exp-b', artifactLocation: 's3://bucket/x' });
    expect((await store.getExperiment(custom)).artifact_location).toBe('s3://bucket/x');
  });

  it('answers MLflow errors for duplicates and unknown ids', async () => {
    const store = ctx.get();
    await store.createExperiment({ name: 'exp-a' });
    expect(await failure(store.createExperiment({ name: 'exp-a' }))).toMatchObject({
      errorCode: 'RESOURCE_ALREADY_EXISTS',
      message: expect.stringMatching(/^Experiment\(name=exp-a\) already exists\./) as unknown as string,
    });
    expect(await failure(store.getExperiment('999999'))).toEqual({
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      message: 'No Experiment with id=999999 exists',
    });
    expect((await failure(store.getExperiment('not-a-number'))).errorCode).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(await failure(store.getExperimentByName('missing'))).toEqual({
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      message: "Could not find experiment with name 'missing'",
    });
  });

  it('lets exactly one of several racing creates of one name win (mlflow.set_experiment from many workers)', async () => {
    const store = ctx.get();
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map(() => store.createExperiment({ name: 'race' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected')
        expect((r.reason as { errorCode: string }).errorCode).toBe('RESOURCE_ALREADY_EXISTS');
    }
  });

  it('renames, refusing a taken name and a deleted experiment', async () => {
    const store = ctx.get();
    const a = await store.createExperiment({ name: 'exp-a' });
    const b = await store.createExperiment({ name: 'exp-b' });
    await store.renameExperiment(b, 'exp-c');
    expect((await store.getExperiment(b)).name).toBe('exp-c');
    expect((await failure(store.renameExperiment(b, 'exp-a'))).errorCode).toBe('RESOURCE_ALREADY_EXISTS');
    await store.deleteExperiment(a);
    expect((await failure(store.renameExperiment(a, 'exp-z'))).errorCode).toBe('INVALID_STATE');
  });

  it('deletes and restores with its runs; twice is a 404 (delete_experiment / restore_experiment)', async () => {
    const store = ctx.get();
    const id = await store.createExperiment({ name: 'exp-a' });
    const run = await store.createRun({ experimentId: id });
    await store.deleteExperiment(id);
    expect((await store.getExperiment(id)).lifecycle_stage).toBe('deleted');
    expect((await store.getRun(run.info.run_id)).info.lifecycle_stage).toBe('deleted');
    expect(await failure(store.deleteExperiment(id))).toEqual({
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      message: `No Experiment with id=${id} exists`,
    });
    await store.restoreExperiment(id);
    expect((await store.getRun(run.info.run_id)).info.lifecycle_stage).toBe('active');
    expect((await failure(store.restoreExperiment(id))).errorCode).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await failure(store.createExperiment({ name: 'exp-a' }))).errorCode).toBe(
      'RESOURCE_ALREADY_EXISTS',
    );
  });

  it('sets and deletes experiment tags', async () => {
    const store = ctx.get();
    const id = await store.createExperiment({ name: 'exp-a' });
    await store.setExperimentTag(id, { key: 'stage', value: 'dev' });
    await store.setExperimentTag(id, { key: 'stage', value: 'prod' });
    expect((await store.getExperiment(id)).tags).toEqual([{ key: 'stage', value: 'prod' }]);
    await store.deleteExperimentTag(id, 'stage');
    expect((await store.getExperiment(id)).tags).toEqual([]);
    expect((await failure(store.deleteExperimentTag(id, 'stage'))).errorCode).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await failure(store.setExperimentTag(id, { key: 'v', value: 'x'.repeat(5001) }))).errorCode).toBe(
      'INVALID_PARAMETER_VALUE',
    );
  });

  it('searches with filter, order_by, view type and page tokens (search_experiments)', async () => {
    const store = ctx.get();
    for (const name of ['exp-a', 'exp-b', 'Exp-C']) {
      const id = await store.createExperiment({ name });
      await store.setExperimentTag(id, { key: 'k', value: name.toUpperCase() });
    }
    const names = async (input: Parameters<TrackingStore['searchExperiments']>[0]) =>
      (await store.searchExperiments(input)).items.map((e) => e.name);
    expect(await names({ filter: "name LIKE 'exp-%'", orderBy: ['name ASC'] })).toEqual(['exp-a', 'exp-b']);
    expect(await names({ filter: "name ILIKE 'exp-%'", orderBy: ['name DESC'] })).toEqual([
      'exp-b',
      'exp-a',
      'Exp-C',
    ]);
    expect(await names({ filter: "tags.k = 'EXP-B'" })).toEqual(['exp-b']);
    expect(await names({ filter: 'name="exp-a"' })).toEqual(['exp-a']);
    expect(await names({ orderBy: ['experiment_id DESC'] })).toEqual(['Exp-C', 'exp-b', 'exp-a', 'Default']);
    const first = await store.searchExperiments({ maxResults: 2, orderBy: ['experiment_id ASC'] });
    expect(first.items.map((e) => e.experiment_id)).toEqual(['0', '1']);
    const second = await store.searchExperiments({
      maxResults: 2,
      orderBy: ['experiment_id ASC'],
      pageToken: first.nextPageToken ?? '',
    });
    expect(second.items.map((e) => e.experiment_id)).toEqual(['2', '3']);
    expect(second.nextPageToken).toBeUndefined();
    await store.deleteExperiment('2');
    expect(await names({ viewType: 'DELETED_ONLY' })).toEqual(['exp-b']);
    expect((await names({ viewType: 'ALL' })).length).toBe(4);
  });

  it('rejects bad filters, order_by, max_results and page tokens with MLflow messages', async () => {
    const store = ctx.get();
    expect(await failure(store.searchExperiments({ filter: 'name = ' }))).toEqual({
      errorCode: 'INVALID_PARAMETER_VALUE',
      message: 'Invalid clause(s) in filter string: name, =',
    });
    expect((await failure(store.searchExperiments({ filter: "attribute.foo = 'x'" }))).message).toMatch(
      /^Invalid attribute key 'foo' specified\. Valid keys are '\{/,
    );
    expect((await failure(store.searchExperiments({ orderBy: ['bogus DESC'] }))).message).toMatch(
      /^Invalid attribute key 'bogus' specified/,
    );
    expect(await failure(store.searchExperiments({ maxResults: 100000 }))).toEqual({
      errorCode: 'INVALID_PARAMETER_VALUE',
      message: "Invalid value 100000 for parameter 'max_results' supplied. It must be at most 50000",
    });
    expect((await failure(store.searchExperiments({ pageToken: 'garbage!!' }))).message).toMatch(
      /^Invalid page token/,
    );
    expect(
      (await failure(store.searchExperiments({ pageToken: Buffer.from('{"offset": 0}').toString('base64') })))
        .errorCode,
    ).toBe('INVALID_PARAMETER_VALUE');
  });
}

/**
 * The conformance suite every TrackingStore implementation must pass. SQLite and PostgreSQL run
 * every case; no case is skipped on either dialect.
 */
export function describeTrackingStore(name: string, open: OpenFreshStore): void {
  describe(`${name}: experiments`, () => describeExperiments(open));
  describe(`${name}: runs`, () => describeRuns(open));
  describe(`${name}: search_runs`, () => describeRunSearch(open));
  describe(`${name}: logged models`, () => describeLoggedModels(open));
}
