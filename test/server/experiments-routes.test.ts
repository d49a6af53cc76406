import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, jsonClient, openTestServer, str, type TestServer } from './support/test-server.js';

const API = '/api/2.0/mlflow';

describe('experiment endpoints', () => {
  let server: TestServer;
  let client: ReturnType<typeof jsonClient>;
  beforeEach(async () => {
    server = await openTestServer();
    client = jsonClient(server.app);
  });
  afterEach(() => server.close());

  it('create experiment (MlflowClient.create_experiment → POST /api/2.0/mlflow/experiments/create)', async () => {
    const created = await client.post(`${API}/experiments/create`, {
      name: 'exp-a',
      tags: [{ key: 'team', value: 'ml' }],
    });
    expect(created).toEqual({ status: 200, body: { experiment_id: '1' } });
    const got = await client.get(`${API}/experiments/get?experiment_id=1`);
    expect(got.body).toMatchObject({
      experiment: {
        experiment_id: '1',
        name: 'exp-a',
        artifact_location: 'mlflow-artifacts:/1',
        lifecycle_stage: 'active',
        tags: [{ key: 'team', value: 'ml' }],
      },
    });
    expect(typeof at(got.body, 'experiment', 'creation_time')).toBe('number');
  });

  it('create experiment with a duplicate name (MlflowClient.create_experiment) → 400 RESOURCE_ALREADY_EXISTS', async () => {
    await client.post(`${API}/experiments/create`, { name: 'exp-a' });
    const duplicate = await client.post(`${API}/experiments/create`, { name: 'exp-a' });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error_code).toBe('RESOURCE_ALREADY_EXISTS');
  });

  it('create experiment with an empty name → 400 Missing value for required parameter', async () => {
    const response = await client.post(`${API}/experiments/create`, { name: '' });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/^Missing value for required parameter 'name'/);
  });

  it('get experiment by name (MlflowClient.get_experiment_by_name → GET experiments/get-by-name), missing → 404', async () => {
    await client.post(`${API}/experiments/create`, { name: 'exp-a' });
    const found = await client.get(`${API}/experiments/get-by-name?experiment_name=exp-a`);
    expect(str(found.body, 'experiment', 'experiment_id')).toBe('1');
    const missing = await client.get(`${API}/experiments/get-by-name?experiment_name=missing`);
    expect(missing).toEqual({
      status: 404,
      body: {
        error_code: 'RESOURCE_DOES_NOT_EXIST',
        message: "Could not find experiment with name 'missing'",
      },
    });
  });

  it('get the Default experiment (MlflowClient.get_experiment("0"))', async () => {
    const response = await client.get(`${API}/experiments/get?experiment_id=0`);
    expect(response.body).toMatchObject({ experiment: { experiment_id: '0', name: 'Default' } });
  });

  it('get experiment with a non-numeric id is a 4xx, never a retried 500', async () => {
    const response = await client.get(`${API}/experiments/get?experiment_id=not-a-number`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('search experiments (MlflowClient.search_experiments → POST and GET experiments/search) pages with a token', async () => {
    for (const name of ['a', 'b', 'c']) await client.post(`${API}/experiments/create`, { name });
    const first = await client.post(`${API}/experiments/search`, { max_results: 2, order_by: ['name ASC'] });
    expect((at(first.body, 'experiments') as unknown[]).map((e) => at(e, 'name'))).toEqual(['Default', 'a']);
    const token = str(first.body, 'next_page_token');
    const second = await client.get(
      `${API}/experiments/search?max_results=2&order_by=name+ASC&page_token=${encodeURIComponent(token)}`,
    );
    expect((at(second.body, 'experiments') as unknown[]).map((e) => at(e, 'name'))).toEqual(['b', 'c']);
    expect(second.body.next_page_token).toBeUndefined();
  });

  it('search experiments with a bad filter → 400 INVALID_PARAMETER_VALUE', async () => {
    const response = await client.post(`${API}/experiments/search`, { max_results: 10, filter: 'name = ' });
    expect(response.status).toBe(400);
    expect(response.body.error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('rename, tag and untag an experiment (rename_experiment, set_experiment_tag, delete_experiment_tag)', async () => {
    await client.post(`${API}/experiments/create`, { name: 'old' });
    expect(
      (await client.post(`${API}/experiments/update`, { experiment_id: '1', new_name: 'new' })).body,
    ).toEqual({});
    expect(
      (
        await client.post(`${API}/experiments/set-experiment-tag`, {
          experiment_id: '1',
          key: 'k',
          value: 'v',
        })
      ).body,
    ).toEqual({});
    expect((await client.get(`${API}/experiments/get?experiment_id=1`)).body).toMatchObject({
      experiment: { name: 'new', tags: [{ key: 'k', value: 'v' }] },
    });
    await client.post(`${API}/experiments/delete-experiment-tag`, { experiment_id: '1', key: 'k' });
    expect(
      at((await client.get(`${API}/experiments/get?experiment_id=1`)).body, 'experiment', 'tags'),
    ).toBeUndefined();
  });

  it('delete and restore an experiment (delete_experiment, restore_experiment); deleting twice → 404', async () => {
    await client.post(`${API}/experiments/create`, { name: 'gone' });
    expect((await client.post(`${API}/experiments/delete`, { experiment_id: '1' })).status).toBe(200);
    expect((await client.get(`${API}/experiments/get?experiment_id=1`)).body).toMatchObject({
      experiment: { lifecycle_stage: 'deleted' },
    });
    expect((await client.post(`${API}/experiments/delete`, { experiment_id: '1' })).status).toBe(404);
    const deleted = await client.post(`${API}/experiments/search`, {
      max_results: 10,
      view_type: 'DELETED_ONLY',
    });
    expect((at(deleted.body, 'experiments') as unknown[]).map((e) => at(e, 'name'))).toEqual(['gone']);
    expect((await client.post(`${API}/experiments/restore`, { experiment_id: '1' })).status).toBe(200);
  });

  it('the same endpoint answers under /ajax-api (the UI prefix)', async () => {
    const response = await client.get('/ajax-api/2.0/mlflow/experiments/get?experiment_id=0');
    expect(response.status).toBe(200);
  });
});
