import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, jsonClient, openTestServer, str, type TestServer } from './support/test-server.js';

const API = '/api/2.0/mlflow';
const PROXY = '/api/2.0/mlflow-artifacts/artifacts';

describe('logged model endpoints (MLflow 3)', () => {
  let server: TestServer;
  let client: ReturnType<typeof jsonClient>;
  let runId: string;
  beforeEach(async () => {
    server = await openTestServer();
    client = jsonClient(server.app);
    await client.post(`${API}/experiments/create`, { name: 'exp' });
    runId = str(
      (await client.post(`${API}/runs/create`, { experiment_id: '1' })).body,
      'run',
      'info',
      'run_id',
    );
  });
  afterEach(() => server.close());

  async function createModel(name = 'model'): Promise<string> {
    const created = await client.post(`${API}/logged-models`, {
      experiment_id: '1',
      name,
      source_run_id: runId,
      model_type: 'sklearn',
      params: [{ key: 'alpha', value: '0.5' }],
    });
    expect(created.status).toBe(200);
    return str(created.body, 'model', 'info', 'model_id');
  }

  it('create logged model (mlflow.<flavor>.log_model → POST logged-models) starts PENDING with its artifact URI', async () => {
    const id = await createModel();
    expect(id).toMatch(/^m-[0-9a-f]{32}$/);
    const got = await client.get(`${API}/logged-models/${id}`);
    expect(got.body).toMatchObject({
      model: {
        info: {
          model_id: id,
          experiment_id: '1',
          name: 'model',
          status: 'LOGGED_MODEL_PENDING',
          source_run_id: runId,
          artifact_uri: `mlflow-artifacts:/1/models/${id}/artifacts`,
        },
        data: { params: [{ key: 'alpha', value: '0.5' }] },
      },
    });
  });

  it('finalize (PATCH logged-models/{id} status LOGGED_MODEL_READY) answers the READY model', async () => {
    const id = await createModel();
    const finalized = await client.patch(`${API}/logged-models/${id}`, {
      model_id: id,
      status: 'LOGGED_MODEL_READY',
    });
    expect(at(finalized.body, 'model', 'info', 'status')).toBe('LOGGED_MODEL_READY');
  });

  it('upload model files through the proxy, then list them (log_model upload, GET …/artifacts/directories)', async () => {
    const id = await createModel();
    const put = await server.app.request(`${PROXY}/1/models/${id}/artifacts/MLmodel`, {
      method: 'PUT',
      body: 'flavors: {}\n',
    });
    expect(put.status).toBe(200);
    const listed = await client.get(`${API}/logged-models/${id}/artifacts/directories`);
    expect(listed.body).toEqual({
      root_uri: `mlflow-artifacts:/1/models/${id}/artifacts`,
      files: [{ path: 'MLmodel', is_dir: false, file_size: 12 }],
    });
    const file = await server.app.request(
      `/ajax-api/2.0/mlflow/logged-models/${id}/artifacts/files?artifact_file_path=MLmodel`,
    );
    expect(await file.text()).toBe('flavors: {}\n');
  });

  it('set and delete logged model tags (set_logged_model_tags, delete_logged_model_tag)', async () => {
    const id = await createModel();
    expect(
      (await client.patch(`${API}/logged-models/${id}/tags`, { tags: [{ key: 'k', value: 'v' }] })).status,
    ).toBe(200);
    expect(at((await client.get(`${API}/logged-models/${id}`)).body, 'model', 'info', 'tags')).toEqual([
      { key: 'k', value: 'v' },
    ]);
    expect((await client.delete(`${API}/logged-models/${id}/tags/k`)).status).toBe(200);
    expect((await client.delete(`${API}/logged-models/${id}/tags/k`)).status).toBe(404);
  });

  it('search logged models by name (the 3.x client resolving runs:/<run>/model → POST logged-models/search)', async () => {
    const id = await createModel('model');
    await createModel('other');
    const found = await client.post(`${API}/logged-models/search`, {
      experiment_ids: ['1'],
      filter: "name = 'model'",
      max_results: 10,
    });
    expect((at(found.body, 'models') as unknown[]).map((m) => at(m, 'info', 'model_id'))).toEqual([id]);
  });

  it('batch get for the UI (GET /ajax-api/2.0/mlflow/logged-models:batchGet) skips unknown ids', async () => {
    const id = await createModel();
    const response = await client.get(
      `/ajax-api/2.0/mlflow/logged-models:batchGet?model_ids=${id}&model_ids=m-00000000000000000000000000000000`,
    );
    expect((at(response.body, 'models') as unknown[]).map((m) => at(m, 'info', 'model_id'))).toEqual([id]);
  });

  it('delete a logged model (DELETE logged-models/{id}); getting it afterwards → 404', async () => {
    const id = await createModel();
    expect((await client.delete(`${API}/logged-models/${id}`)).status).toBe(200);
    const missing = await client.get(`${API}/logged-models/${id}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });
});

describe('run artifact endpoints', () => {
  let server: TestServer;
  let client: ReturnType<typeof jsonClient>;
  beforeEach(async () => {
    server = await openTestServer();
    client = jsonClient(server.app);
  });
  afterEach(() => server.close());

  it('list artifacts (MlflowClient.list_artifacts → GET artifacts/list) gives paths relative to the run root', async () => {
    const runId = str(
      (await client.post(`${API}/runs/create`, { experiment_id: '0' })).body,
      'run',
      'info',
      'run_id',
    );
    await server.app.request(`${PROXY}/0/${runId}/artifacts/model/MLmodel`, { method: 'PUT', body: 'x' });
    await server.app.request(`${PROXY}/0/${runId}/artifacts/hello.txt`, { method: 'PUT', body: 'hello' });
    const root = await client.get(`${API}/artifacts/list?run_id=${runId}`);
    expect(root.body).toEqual({
      root_uri: `mlflow-artifacts:/0/${runId}/artifacts`,
      files: [
        { path: 'hello.txt', is_dir: false, file_size: 5 },
        { path: 'model', is_dir: true },
      ],
    });
    const model = await client.get(`${API}/artifacts/list?run_id=${runId}&path=model`);
    expect(at(model.body, 'files')).toEqual([{ path: 'model/MLmodel', is_dir: false, file_size: 1 }]);
    expect((await client.get(`${API}/artifacts/list?run_id=${runId}&path=../../x`)).status).toBe(400);
    const legacy = await server.app.request(`/get-artifact?path=hello.txt&run_uuid=${runId}`);
    expect(await legacy.text()).toBe('hello');
  });

  it('with --no-serve-artifacts, runs live under a local root that artifacts/list still reads', async () => {
    const local = await openTestServer({
      serveArtifacts: false,
      defaultArtifactRoot: join(server.dir, 'mlruns'),
    });
    try {
      const c = jsonClient(local.app);
      const info = at((await c.post(`${API}/runs/create`, { experiment_id: '0' })).body, 'run', 'info');
      const artifactUri = str(info, 'artifact_uri');
      expect(artifactUri).toBe(join(server.dir, 'mlruns', '0', str(info, 'run_id'), 'artifacts'));
      await mkdir(artifactUri, { recursive: true });
      await writeFile(join(artifactUri, 'notes.txt'), 'hi');
      const listed = await c.get(`${API}/artifacts/list?run_id=${str(info, 'run_id')}`);
      expect(listed.body).toEqual({
        root_uri: artifactUri,
        files: [{ path: 'notes.txt', is_dir: false, file_size: 2 }],
      });
      expect((await local.app.request(`${PROXY}/0/x.txt`)).status).toBe(503);
    } finally {
      await local.close();
    }
  });
});
