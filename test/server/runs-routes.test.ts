import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, jsonClient, openTestServer, str, type TestServer } from './support/test-server.js';

const API = '/api/2.0/mlflow';

describe('run endpoints', () => {
  let server: TestServer;
  let client: ReturnType<typeof jsonClient>;
  let runId: string;
  beforeEach(async () => {
    server = await openTestServer();
    client = jsonClient(server.app);
    await client.post(`${API}/experiments/create`, { name: 'exp' });
    const created = await client.post(`${API}/runs/create`, {
      experiment_id: '1',
      run_name: 'r1',
      start_time: 1700000000000,
      tags: [{ key: 't', value: 'x' }],
    });
    runId = str(created.body, 'run', 'info', 'run_id');
  });
  afterEach(() => server.close());

  it('create run (MlflowClient.create_run → POST runs/create) answers a RUNNING run with a proxied artifact URI', async () => {
    const response = await client.get(`${API}/runs/get?run_id=${runId}&run_uuid=${runId}`);
    expect(response.body).toMatchObject({
      run: {
        info: {
          run_id: runId,
          run_uuid: runId,
          run_name: 'r1',
          experiment_id: '1',
          status: 'RUNNING',
          start_time: 1700000000000,
          artifact_uri: `mlflow-artifacts:/1/${runId}/artifacts`,
          lifecycle_stage: 'active',
        },
      },
    });
    expect(runId).toMatch(/^[0-9a-f]{32}$/);
    expect(at(response.body, 'run', 'info', 'end_time')).toBeUndefined();
  });

  it('get run for a missing id (MlflowClient.get_run) → 404 "Run with id=X not found"', async () => {
    const response = await client.get(`${API}/runs/get?run_id=0123456789abcdef0123456789abcdef`);
    expect(response).toEqual({
      status: 404,
      body: {
        error_code: 'RESOURCE_DOES_NOT_EXIST',
        message: 'Run with id=0123456789abcdef0123456789abcdef not found',
      },
    });
  });

  it('log metric (MlflowClient.log_metric → POST runs/log-metric) keeps NaN as "NaN" and int64 as numbers', async () => {
    const logged = await client.post(`${API}/runs/log-metric`, {
      run_id: runId,
      key: 'loss',
      value: 'NaN',
      timestamp: 1700000003000,
      step: 0,
    });
    expect(logged).toEqual({ status: 200, body: {} });
    await client.post(`${API}/runs/log-metric`, {
      run_id: runId,
      key: 'acc',
      value: 0.5,
      timestamp: '1700000000000',
      step: '1',
    });
    const run = await client.get(`${API}/runs/get?run_id=${runId}`);
    expect(at(run.body, 'run', 'data', 'metrics')).toEqual(
      expect.arrayContaining([
        { key: 'loss', value: 'NaN', timestamp: 1700000003000, step: 0 },
        { key: 'acc', value: 0.5, timestamp: 1700000000000, step: 1 },
      ]),
    );
  });

  it('log metric without value → 400 Missing value for required parameter', async () => {
    const response = await client.post(`${API}/runs/log-metric`, { run_id: runId, key: 'x', timestamp: 1 });
    expect(response.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message:
        "Missing value for required parameter 'value'. See the API docs for more information about request parameters.",
    });
  });

  it('log param (MlflowClient.log_param): same value again is OK, a changed value → 400', async () => {
    expect(
      (await client.post(`${API}/runs/log-parameter`, { run_id: runId, key: 'lr', value: '0.1' })).status,
    ).toBe(200);
    expect(
      (await client.post(`${API}/runs/log-parameter`, { run_id: runId, key: 'lr', value: '0.1' })).status,
    ).toBe(200);
    const changed = await client.post(`${API}/runs/log-parameter`, {
      run_id: runId,
      key: 'lr',
      value: '0.2',
    });
    expect(changed.status).toBe(400);
    expect(changed.body.message).toMatch(/^Changing param values is not allowed/);
  });

  it('log batch then metric history (log_batch, get_metric_history → GET metrics/get-history) pages with max_results', async () => {
    const metrics = [0, 1, 2].map((step) => ({
      key: 'acc',
      value: step / 10,
      timestamp: 1700000000000 + step,
      step,
    }));
    const batch = await client.post(`${API}/runs/log-batch`, {
      run_id: runId,
      metrics,
      params: [{ key: 'p', value: 'v' }],
      tags: [{ key: 'bt', value: 'y' }],
    });
    expect(batch).toEqual({ status: 200, body: {} });
    const page = await client.get(`${API}/metrics/get-history?run_id=${runId}&metric_key=acc&max_results=2`);
    expect(at(page.body, 'metrics')).toEqual(metrics.slice(0, 2));
    expect(typeof page.body.next_page_token).toBe('string');
    const all = await client.get(`${API}/metrics/get-history?run_id=${runId}&metric_key=acc`);
    expect(at(all.body, 'metrics')).toEqual(metrics);
    expect(
      await (
        await client.get(`${API}/metrics/get-history?run_id=${runId}&metric_key=none`)
      ).body,
    ).toEqual({});
  });

  it('update run (MlflowClient.set_terminated → POST runs/update) accepts the status by name or number', async () => {
    const byName = await client.post(`${API}/runs/update`, {
      run_id: runId,
      status: 'FINISHED',
      end_time: 1700000009000,
    });
    expect(byName.body).toMatchObject({ run_info: { status: 'FINISHED', end_time: 1700000009000 } });
    const byNumber = await client.post(`${API}/runs/update`, {
      run_id: runId,
      status: 4,
      run_name: 'renamed',
    });
    expect(byNumber.body).toMatchObject({ run_info: { status: 'FAILED', run_name: 'renamed' } });
  });

  it('set and delete tags (set_tag, delete_tag → runs/set-tag, runs/delete-tag); deleting twice → 404', async () => {
    await client.post(`${API}/runs/set-tag`, { run_id: runId, key: 'k', value: 'v' });
    expect((await client.post(`${API}/runs/delete-tag`, { run_id: runId, key: 'k' })).status).toBe(200);
    const again = await client.post(`${API}/runs/delete-tag`, { run_id: runId, key: 'k' });
    expect(again.status).toBe(404);
    expect(again.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('search runs ordered by a metric (MlflowClient.search_runs → POST runs/search)', async () => {
    const second = str(
      (await client.post(`${API}/runs/create`, { experiment_id: '1', run_name: 'r2' })).body,
      'run',
      'info',
      'run_id',
    );
    await client.post(`${API}/runs/log-metric`, { run_id: runId, key: 'acc', value: 0.9, timestamp: 1 });
    await client.post(`${API}/runs/log-metric`, { run_id: second, key: 'acc', value: 0.7, timestamp: 1 });
    const response = await client.post(`${API}/runs/search`, {
      experiment_ids: ['1'],
      filter: 'metrics.acc > 0.5',
      order_by: ['metrics.acc ASC'],
      max_results: 10,
    });
    expect((at(response.body, 'runs') as unknown[]).map((r) => at(r, 'info', 'run_id'))).toEqual([
      second,
      runId,
    ]);
  });

  it('delete and restore a run; logging to a deleted run → 400', async () => {
    await client.post(`${API}/runs/delete`, { run_id: runId });
    const logged = await client.post(`${API}/runs/log-metric`, {
      run_id: runId,
      key: 'acc',
      value: 1,
      timestamp: 1,
    });
    expect(logged.status).toBe(400);
    await client.post(`${API}/runs/restore`, { run_id: runId });
    expect(
      (await client.post(`${API}/runs/log-metric`, { run_id: runId, key: 'acc', value: 1, timestamp: 1 }))
        .status,
    ).toBe(200);
  });

  it('log model, 2.x client (POST runs/log-model) appends to the mlflow.log-model.history tag', async () => {
    const model = {
      artifact_path: 'model',
      flavors: { python_function: {} },
      utc_time_created: '2024-01-01 00:00:00.000000',
      run_id: runId,
    };
    expect(
      (await client.post(`${API}/runs/log-model`, { run_id: runId, model_json: JSON.stringify(model) }))
        .status,
    ).toBe(200);
    const tags = at(
      (await client.get(`${API}/runs/get?run_id=${runId}`)).body,
      'run',
      'data',
      'tags',
    ) as Array<{ key: string; value: string }>;
    expect(JSON.parse(tags.find((t) => t.key === 'mlflow.log-model.history')?.value ?? '[]')).toEqual([
      model,
    ]);
    const bad = await client.post(`${API}/runs/log-model`, { run_id: runId, model_json: '{"flavors": {}}' });
    expect(bad.status).toBe(400);
  });

  it('log inputs and outputs (log_input, runs/outputs) show up on get run', async () => {
    const dataset = { name: 'ds', digest: 'abc', source_type: 'local', source: '{}' };
    await client.post(`${API}/runs/log-inputs`, {
      run_id: runId,
      datasets: [{ tags: [{ key: 'mlflow.data.context', value: 'train' }], dataset }],
    });
    const run = await client.get(`${API}/runs/get?run_id=${runId}`);
    expect(at(run.body, 'run', 'inputs', 'dataset_inputs', 0, 'dataset')).toMatchObject(dataset);
  });

  it('sampled chart history (UI → GET metrics/get-history-bulk-interval and ajax get-history-bulk)', async () => {
    const metrics = [0, 1, 2].map((step) => ({
      key: 'acc',
      value: step,
      timestamp: 1700000000000 + step,
      step,
    }));
    await client.post(`${API}/runs/log-batch`, { run_id: runId, metrics });
    const interval = await client.get(
      `${API}/metrics/get-history-bulk-interval?run_ids=${runId}&metric_key=acc&max_results=10`,
    );
    expect(at(interval.body, 'metrics')).toEqual(metrics.map((m) => ({ ...m, run_id: runId })));
    const bulk = await client.get(
      `/ajax-api/2.0/mlflow/metrics/get-history-bulk?run_id=${runId}&metric_key=acc&max_results=2`,
    );
    expect(at(bulk.body, 'metrics')).toEqual(metrics.slice(0, 2).map((m) => ({ ...m, run_id: runId })));
    const missing = await client.get(`${API}/metrics/get-history-bulk-interval?metric_key=acc`);
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/^Missing value for required parameter 'run_ids'/);
  });
});
