import { expect, it } from 'vitest';
import { failure, useFreshStore, type OpenFreshStore } from './tracking-store.suite.js';

/** MLflow 3 logged models: create, finalize, tags, params, linked metrics and search. */
export function describeLoggedModels(open: OpenFreshStore): void {
  const ctx = useFreshStore(open);

  it('creates a pending model under the experiment and finalizes it (mlflow.<flavor>.log_model in 3.x)', async () => {
    const store = ctx.get();
    const exp = await store.createExperiment({ name: 'm' });
    const run = await store.createRun({ experimentId: exp });
    const model = await store.createLoggedModel({
      experimentId: exp,
      name: 'model',
      modelType: 'sklearn',
      sourceRunId: run.info.run_id,
      params: [{ key: 'alpha', value: '0.1' }],
      tags: [{ key: 'mlflow.source.name', value: 'x.py' }],
    });
    const id = model.info.model_id;
    expect(id).toMatch(/^m-[0-9a-f]{32}$/);
    expect(model.info).toMatchObject({
      experiment_id: exp,
      name: 'model',
      status: 'LOGGED_MODEL_PENDING',
      artifact_uri: `mlflow-artifacts:/${exp}/models/${id}/artifacts`,
      model_type: 'sklearn',
      source_run_id: run.info.run_id,
      tags: [{ key: 'mlflow.source.name', value: 'x.py' }],
    });
    expect(model.data.params).toEqual([{ key: 'alpha', value: '0.1' }]);
    const ready = await store.finalizeLoggedModel(id, 'LOGGED_MODEL_READY');
    expect(ready.info.status).toBe('LOGGED_MODEL_READY');
    expect((await store.createLoggedModel({ experimentId: exp })).info.name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
    expect((await failure(store.createLoggedModel({ experimentId: exp, name: 'a/b' }))).errorCode).toBe(
      'INVALID_PARAMETER_VALUE',
    );
  });

  it('sets and deletes tags, logs params, deletes softly with MLflow 404 messages', async () => {
    const store = ctx.get();
    const { info } = await store.createLoggedModel({ experimentId: '0', name: 'm' });
    await store.setLoggedModelTags(info.model_id, [
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ]);
    await store.setLoggedModelTags(info.model_id, [{ key: 'a', value: '3' }]);
    await store.deleteLoggedModelTag(info.model_id, 'b');
    await store.logLoggedModelParams(info.model_id, [{ key: 'p', value: 'v' }]);
    const got = await store.getLoggedModel(info.model_id);
    expect(got.info.tags).toEqual([{ key: 'a', value: '3' }]);
    expect(got.data.params).toEqual([{ key: 'p', value: 'v' }]);
    expect((await failure(store.deleteLoggedModelTag(info.model_id, 'b'))).errorCode).toBe(
      'RESOURCE_DOES_NOT_EXIST',
    );
    await store.deleteLoggedModel(info.model_id);
    expect(await failure(store.getLoggedModel(info.model_id))).toEqual({
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      message: `Logged model with ID '${info.model_id}' not found.`,
    });
  });

  it('links metrics logged with a model_id and searches by them (search_logged_models)', async () => {
    const store = ctx.get();
    const exp = await store.createExperiment({ name: 'm' });
    const run = (await store.createRun({ experimentId: exp })).info.run_id;
    const ids: string[] = [];
    for (const [i, acc] of [0.5, 0.9, 0.7].entries()) {
      const { info } = await store.createLoggedModel({
        experimentId: exp,
        name: `model-${i}`,
        tags: [{ key: 'i', value: String(i) }],
      });
      ids.push(info.model_id);
      // Distinct creation times, so the default order (creation_timestamp DESC) is deterministic.
      await new Promise((done) => setTimeout(done, 3));
      await store.logMetric(run, {
        key: 'acc',
        value: acc,
        timestamp: 10 + i,
        step: 0,
        model_id: info.model_id,
        dataset_name: 'val',
        dataset_digest: 'd',
      });
    }
    const model = await store.getLoggedModel(ids[1] ?? '');
    expect(model.data.metrics).toEqual([
      {
        key: 'acc',
        value: 0.9,
        timestamp: 11,
        step: 0,
        run_id: run,
        model_id: ids[1],
        dataset_name: 'val',
        dataset_digest: 'd',
      },
    ]);
    const search = async (input: object) =>
      (await store.searchLoggedModels({ experimentIds: [exp], ...input })).items.map((m) => m.info.name);
    expect(await search({})).toEqual(['model-2', 'model-1', 'model-0']);
    expect(await search({ filter: 'metrics.acc > 0.6' })).toEqual(['model-2', 'model-1']);
    expect(await search({ filter: "name = 'model-0'" })).toEqual(['model-0']);
    expect(await search({ filter: "tags.i IN ('1', '2')" })).toEqual(['model-2', 'model-1']);
    expect(await search({ orderBy: [{ field_name: 'metrics.acc', ascending: false }] })).toEqual([
      'model-1',
      'model-2',
      'model-0',
    ]);
    expect(await search({ datasets: [{ dataset_name: 'other' }] })).toEqual([]);
    const page = await store.searchLoggedModels({ experimentIds: [exp], maxResults: 2 });
    expect(page.nextPageToken).toBeDefined();
    const rest = await store.searchLoggedModels({
      experimentIds: [exp],
      maxResults: 2,
      pageToken: page.nextPageToken ?? '',
    });
    expect(rest.items.map((m) => m.info.name)).toEqual(['model-0']);
    expect(
      (
        await failure(
          store.searchLoggedModels({
            experimentIds: ['0'],
            maxResults: 2,
            pageToken: page.nextPageToken ?? '',
          }),
        )
      ).errorCode,
    ).toBe('INVALID_PARAMETER_VALUE');
    expect(
      (await failure(store.searchLoggedModels({ experimentIds: [exp], filter: "foo.x = 'a'" }))).message,
    ).toMatch(/^Invalid entity type/);
    expect(
      (await failure(store.searchLoggedModels({ experimentIds: [exp], orderBy: [{ field_name: 'tags.x' }] })))
        .message,
    ).toBe('Invalid order by field name: tags.x. Only metrics are supported.');
  });
}
