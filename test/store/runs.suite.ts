import { expect, it } from 'vitest';
import { failure, useFreshStore, type OpenFreshStore } from './tracking-store.suite.js';

/** Runs, params, tags, metrics, inputs and outputs. */
export function describeRuns(open: OpenFreshStore): void {
  const ctx = useFreshStore(open);

  it('creates a run with a name, tags and an artifact uri under its experiment (start_run)', async () => {
    const store = ctx.get();
    const exp = await store.createExperiment({ name: 'e' });
    const run = await store.createRun({
      experimentId: exp,
      runName: 'first',
      userId: 'root',
      startTime: 1000,
      tags: [{ key: 'k', value: 'v' }],
    });
    const id = run.info.run_id;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(run.info).toEqual({
      run_id: id,
      run_uuid: id,
      run_name: 'first',
      experiment_id: exp,
      user_id: 'root',
      status: 'RUNNING',
      start_time: 1000,
      artifact_uri: `mlflow-artifacts:/${exp}/${id}/artifacts`,
      lifecycle_stage: 'active',
    });
    expect(run.data.tags).toEqual(
      expect.arrayContaining([
        { key: 'k', value: 'v' },
        { key: 'mlflow.runName', value: 'first' },
      ]),
    );
    const unnamed = await store.createRun({});
    expect(unnamed.info.experiment_id).toBe('0');
    expect(unnamed.info.run_name).toMatch(/^[a-z]+-[a-z]+-\d{1,3}$/);
    expect(
      (await failure(store.createRun({ runName: 'a', tags: [{ key: 'mlflow.runName', value: 'b' }] })))
        .errorCode,
    ).toBe('INVALID_PARAMETER_VALUE');
    expect((await failure(store.getRun('0123456789abcdef0123456789abcdef'))).message).toBe(
      'Run with id=0123456789abcdef0123456789abcdef not found',
    );
  });

  it('updates status, end time and name; the name tag follows (end_run, set_tag mlflow.runName)', async () => {
    const store = ctx.get();
    const { info } = await store.createRun({ runName: 'a' });
    const updated = await store.updateRun(info.run_id, { status: 'FINISHED', endTime: 5000, runName: 'b' });
    expect(updated).toMatchObject({ status: 'FINISHED', end_time: 5000, run_name: 'b' });
    expect((await store.getRun(info.run_id)).data.tags).toContainEqual({ key: 'mlflow.runName', value: 'b' });
    await store.setTag(info.run_id, { key: 'mlflow.runName', value: 'c' });
    expect((await store.getRun(info.run_id)).info.run_name).toBe('c');
  });

  it('soft-deletes and restores; writing to a deleted run is refused (delete_run)', async () => {
    const store = ctx.get();
    const { info } = await store.createRun({});
    await store.deleteRun(info.run_id);
    expect((await store.getRun(info.run_id)).info.lifecycle_stage).toBe('deleted');
    expect(
      await failure(store.logMetric(info.run_id, { key: 'acc', value: 1, timestamp: 1, step: 0 })),
    ).toEqual({
      errorCode: 'INVALID_PARAMETER_VALUE',
      message: `The run ${info.run_id} must be in the 'active' state. Current state is deleted.`,
    });
    await store.restoreRun(info.run_id);
    expect((await store.getRun(info.run_id)).info.lifecycle_stage).toBe('active');
    expect((await failure(store.deleteRun('0123456789abcdef0123456789abcdef'))).errorCode).toBe(
      'RESOURCE_DOES_NOT_EXIST',
    );
  });

  it('keeps params immutable and tags upsertable, with MLflow messages (log_param, set_tag, delete_tag)', async () => {
    const store = ctx.get();
    const id = (await store.createRun({})).info.run_id;
    await store.logParam(id, { key: 'lr', value: '0.1' });
    await store.logParam(id, { key: 'lr', value: '0.1' });
    expect((await failure(store.logParam(id, { key: 'lr', value: '0.2' }))).message).toBe(
      `Changing param values is not allowed. Param with key='lr' was already logged with value='0.1' for run ID='${id}'. Attempted logging new value '0.2'.`,
    );
    await store.logBatch(id, { params: [{ key: 'p1', value: 'a' }] });
    expect((await failure(store.logBatch(id, { params: [{ key: 'p1', value: 'changed' }] }))).message).toBe(
      `Changing param values is not allowed. Params were already logged='[{'key': 'p1', 'old_value': 'a', 'new_value': 'changed'}]' for run ID='${id}'.`,
    );
    expect((await failure(store.logParam(id, { key: 'bad key!', value: 'x' }))).message).toBe(
      `Invalid value "bad key!" for parameter 'key' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).`,
    );
    expect((await failure(store.logParam(id, { key: '../x', value: 'x' }))).errorCode).toBe(
      'INVALID_PARAMETER_VALUE',
    );
    await store.logParam(id, { key: 'long', value: 'x'.repeat(7000) });
    const run = await store.getRun(id);
    expect(run.data.params.find((p) => p.key === 'long')?.value.length).toBe(6000);
    await store.setTag(id, { key: 'k', value: 'v1' });
    await store.setTag(id, { key: 'k', value: 'v2' });
    expect((await store.getRun(id)).data.tags).toContainEqual({ key: 'k', value: 'v2' });
    await store.deleteTag(id, 'k');
    expect(await failure(store.deleteTag(id, 'k'))).toEqual({
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      message: `No tag with name: k in run with id ${id}`,
    });
  });

  it('keeps the latest metric per key by (step, timestamp, value); NaN round-trips and ±inf is stored as ±DBL_MAX, as MLflow does (log_metric)', async () => {
    const store = ctx.get();
    const id = (await store.createRun({})).info.run_id;
    await store.logMetric(id, { key: 'loss', value: 3, timestamp: 10, step: 2 });
    await store.logMetric(id, { key: 'loss', value: 9, timestamp: 99, step: 1 });
    await store.logMetric(id, { key: 'loss', value: 3, timestamp: 10, step: 2 });
    await store.logBatch(id, {
      metrics: [
        { key: 'inf', value: Number.POSITIVE_INFINITY, timestamp: 1, step: 0 },
        { key: 'nan', value: Number.NaN, timestamp: 1, step: 0 },
        { key: 'neg', value: Number.NEGATIVE_INFINITY, timestamp: 1, step: 0 },
      ],
    });
    const metrics = (await store.getRun(id)).data.metrics;
    expect(metrics.find((m) => m.key === 'loss')).toEqual({ key: 'loss', value: 3, timestamp: 10, step: 2 });
    expect(metrics.find((m) => m.key === 'inf')?.value).toBe(Number.MAX_VALUE);
    expect(metrics.find((m) => m.key === 'neg')?.value).toBe(-Number.MAX_VALUE);
    expect(metrics.find((m) => m.key === 'nan')?.value).toBeNaN();
    // The identical re-log was a no-op.
    expect((await store.getMetricHistory(id, 'loss')).items).toHaveLength(2);
  });

  it('returns metric history in (timestamp, step, value) order with page tokens (get_metric_history)', async () => {
    const store = ctx.get();
    const id = (await store.createRun({})).info.run_id;
    const points = Array.from({ length: 25 }, (_, i) => ({
      key: 'm',
      value: i,
      timestamp: 1000 - i,
      step: i,
    }));
    await store.logBatch(id, { metrics: points });
    const all = await store.getMetricHistory(id, 'm');
    expect(all.items.map((m) => m.step)).toEqual(points.map((p) => p.step).reverse());
    expect(all.nextPageToken).toBeUndefined();
    const page1 = await store.getMetricHistory(id, 'm', { maxResults: 10 });
    const page2 = await store.getMetricHistory(id, 'm', {
      maxResults: 10,
      pageToken: page1.nextPageToken ?? '',
    });
    expect(page2.items[0]?.step).toBe(14);
    expect((await store.getMetricHistory(id, 'other')).items).toEqual([]);
    expect((await failure(store.getMetricHistory('0123456789abcdef0123456789abcdef', 'm'))).errorCode).toBe(
      'RESOURCE_DOES_NOT_EXIST',
    );
  });

  it('samples history of several runs for charts (get-history-bulk-interval)', async () => {
    const store = ctx.get();
    const a = (await store.createRun({})).info.run_id;
    const b = (await store.createRun({})).info.run_id;
    await store.logBatch(a, {
      metrics: Array.from({ length: 100 }, (_, i) => ({ key: 'm', value: i, timestamp: i, step: i })),
    });
    await store.logBatch(b, {
      metrics: [
        { key: 'm', value: 1, timestamp: 1, step: 3 },
        { key: 'm', value: 2, timestamp: 2, step: 7 },
      ],
    });
    const sampled = await store.getMetricHistoryBulkInterval({
      runIds: [b, a],
      metricKey: 'm',
      maxResults: 10,
    });
    expect(sampled[0]).toMatchObject({ run_id: b, step: 3 });
    const aSteps = sampled.filter((m) => m.run_id === a).map((m) => m.step);
    expect(aSteps[0]).toBe(0);
    expect(aSteps[aSteps.length - 1]).toBe(99);
    expect(aSteps.length).toBeLessThanOrEqual(14);
    const ranged = await store.getMetricHistoryBulkInterval({
      runIds: [a],
      metricKey: 'm',
      startStep: 10,
      endStep: 12,
    });
    expect(ranged.map((m) => m.step)).toEqual([10, 11, 12]);
    expect(
      (await failure(store.getMetricHistoryBulkInterval({ runIds: [a], metricKey: 'm', startStep: 1 })))
        .errorCode,
    ).toBe('INVALID_PARAMETER_VALUE');
  });

  it('enforces log_batch limits (MlflowClient.log_batch)', async () => {
    const store = ctx.get();
    const id = (await store.createRun({})).info.run_id;
    const metrics = Array.from({ length: 1001 }, (_, i) => ({ key: 'm', value: i, timestamp: i, step: i }));
    expect((await failure(store.logBatch(id, { metrics }))).message).toMatch(/at most 1000 metrics/);
    const params = Array.from({ length: 101 }, (_, i) => ({ key: `p${i}`, value: 'v' }));
    expect((await failure(store.logBatch(id, { params }))).errorCode).toBe('INVALID_PARAMETER_VALUE');
    expect(
      (
        await failure(
          store.logBatch(id, {
            params: [
              { key: 'a', value: '1' },
              { key: 'a', value: '2' },
            ],
          }),
        )
      ).message,
    ).toMatch(/^Duplicate parameter keys/);
    await store.logBatch(id, { metrics: metrics.slice(0, 1000) });
    expect((await store.getMetricHistory(id, 'm')).items).toHaveLength(1000);
  });

  it('records dataset inputs with tags, model inputs and outputs (log_input, log_outputs)', async () => {
    const store = ctx.get();
    const id = (await store.createRun({})).info.run_id;
    const dataset = {
      name: 'train',
      digest: 'abc123',
      source_type: 'local',
      source: '{"uri": "/data"}',
      schema: '{}',
    };
    await store.logInputs(id, {
      datasets: [{ dataset, tags: [{ key: 'mlflow.data.context', value: 'training' }] }],
      models: [{ model_id: 'm-1' }],
    });
    await store.logInputs(id, {
      datasets: [{ dataset, tags: [{ key: 'mlflow.data.context', value: 'training' }] }],
    });
    await store.logOutputs(id, [{ model_id: 'm-2', step: 3 }]);
    const run = await store.getRun(id);
    expect(run.inputs).toEqual({
      dataset_inputs: [{ tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset }],
      model_inputs: [{ model_id: 'm-1' }],
    });
    expect(run.outputs).toEqual({ model_outputs: [{ model_id: 'm-2', step: 3 }] });
  });
}
