/**
 * The registry endpoints of rest-api.md §5 in-process, each test named after the client call it protects.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, jsonClient, openTestServer, type TestServer } from './support/test-server.js';

const API = '/api/2.0/mlflow';
const SOURCE = 'runs:/0123456789abcdef0123456789abcdef/model';

let server: TestServer;
let client: ReturnType<typeof jsonClient>;
beforeEach(async () => {
  server = await openTestServer();
  client = jsonClient(server.app);
});
afterEach(() => server.close());

async function modelWithVersions(name: string, count: number): Promise<void> {
  await client.post(`${API}/registered-models/create`, { name });
  for (let i = 0; i < count; i++) await client.post(`${API}/model-versions/create`, { name, source: SOURCE });
}

describe('registered models over REST', () => {
  it('create, get, update, rename, delete (MlflowClient.create_registered_model → POST registered-models/create)', async () => {
    const created = await client.post(`${API}/registered-models/create`, {
      name: 'm',
      tags: [{ key: 'team', value: 'ml' }],
      description: 'first',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      registered_model: { name: 'm', description: 'first', tags: [{ key: 'team', value: 'ml' }] },
    });
    expect(at(created.body, 'registered_model', 'latest_versions')).toBeUndefined();
    expect((await client.post(`${API}/registered-models/create`, { name: 'm' })).body).toMatchObject({
      error_code: 'RESOURCE_ALREADY_EXISTS',
    });
    const updated = await client.patch(`${API}/registered-models/update`, { name: 'm', description: 'new' });
    expect(at(updated.body, 'registered_model', 'description')).toBe('new');
    const renamed = await client.post(`${API}/registered-models/rename`, { name: 'm', new_name: 'n' });
    expect(at(renamed.body, 'registered_model', 'name')).toBe('n');
    expect((await client.delete(`${API}/registered-models/delete`, { name: 'n' })).body).toEqual({});
    const gone = await client.get(`${API}/registered-models/get?name=n`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: 'Registered Model with name=n not found',
    });
  });

  it('answers 400, never 500, for missing or malformed parameters (raw requests)', async () => {
    await modelWithVersions('m', 1);
    const cases: Array<[string, string, unknown]> = [
      ['GET', `${API}/registered-models/get`, undefined],
      ['POST', `${API}/registered-models/rename`, { name: 'm' }],
      ['GET', `${API}/model-versions/get?name=m&version=abc`, undefined],
      ['POST', `${API}/model-versions/transition-stage`, { name: 'm', version: '1', stage: 'Foo' }],
      [
        'POST',
        `${API}/model-versions/transition-stage`,
        { name: 'm', version: '1', stage: 'None', archive_existing_versions: true },
      ],
      ['GET', `${API}/model-versions/search?filter=${encodeURIComponent('name = ')}`, undefined],
      ['GET', `${API}/registered-models/search?page_token=garbage!`, undefined],
      ['GET', `${API}/registered-models/search?max_results=5000`, undefined],
      ['POST', `${API}/registered-models/alias`, { name: 'm', alias: 'v1', version: '1' }],
      ['GET', `${API}/registered-models/alias?name=m&alias=nope`, undefined],
      ['POST', `${API}/model-versions/create`, { name: 'm' }],
      ['POST', `${API}/registered-models/set-tag`, { name: 'm', key: '../x', value: 'v' }],
    ];
    for (const [method, path, body] of cases) {
      const response = method === 'GET' ? await client.get(path) : await client.post(path, body);
      expect({ path, status: response.status, code: response.body['error_code'] }).toMatchObject({
        status: 400,
        code: 'INVALID_PARAMETER_VALUE',
      });
    }
  });

  it('sets and deletes model tags; deleting a missing tag is OK (set_registered_model_tag)', async () => {
    await client.post(`${API}/registered-models/create`, { name: 'm' });
    expect(
      (await client.post(`${API}/registered-models/set-tag`, { name: 'm', key: 'k', value: 'v' })).body,
    ).toEqual({});
    expect(
      at((await client.get(`${API}/registered-models/get?name=m`)).body, 'registered_model', 'tags'),
    ).toEqual([{ key: 'k', value: 'v' }]);
    expect((await client.delete(`${API}/registered-models/delete-tag`, { name: 'm', key: 'k' })).status).toBe(
      200,
    );
    expect((await client.delete(`${API}/registered-models/delete-tag`, { name: 'm', key: 'k' })).status).toBe(
      200,
    );
  });

  it('get-latest-versions by POST and GET with repeated stages (get_latest_versions, models:/m/Production)', async () => {
    await modelWithVersions('m', 3);
    await client.post(`${API}/model-versions/transition-stage`, {
      name: 'm',
      version: '1',
      stage: 'Staging',
    });
    await client.post(`${API}/model-versions/transition-stage`, {
      name: 'm',
      version: '2',
      stage: 'production',
    });
    const post = await client.post(`${API}/registered-models/get-latest-versions`, {
      name: 'm',
      stages: ['Production'],
    });
    expect((post.body['model_versions'] as Array<{ version: string }>).map((v) => v.version)).toEqual(['2']);
    const get = await client.get(
      `${API}/registered-models/get-latest-versions?name=m&stages=Staging&stages=Production`,
    );
    expect((get.body['model_versions'] as Array<{ version: string }>).map((v) => v.version)).toEqual([
      '1',
      '2',
    ]);
    const bad = await client.post(`${API}/registered-models/get-latest-versions`, {
      name: 'm',
      stages: ['Bogus'],
    });
    expect(bad.status).toBe(400);
  });

  it('set, get and delete aliases (set_registered_model_alias, models:/m@champion)', async () => {
    await modelWithVersions('m', 2);
    expect(
      (await client.post(`${API}/registered-models/alias`, { name: 'm', alias: 'champion', version: '2' }))
        .body,
    ).toEqual({});
    const byAlias = await client.get(`${API}/registered-models/alias?name=m&alias=champion`);
    expect(byAlias.body).toMatchObject({
      model_version: { name: 'm', version: '2', aliases: ['champion'], status: 'READY' },
    });
    const latest = await client.get(`${API}/registered-models/alias?name=m&alias=latest`);
    expect(at(latest.body, 'model_version', 'version')).toBe('2');
    const missing = await client.post(`${API}/registered-models/alias`, {
      name: 'm',
      alias: 'x',
      version: '9',
    });
    expect(missing.status).toBe(404);
    expect(
      (await client.delete(`${API}/registered-models/alias`, { name: 'm', alias: 'champion' })).status,
    ).toBe(200);
    expect(
      (await client.delete(`${API}/registered-models/alias`, { name: 'm', alias: 'champion' })).status,
    ).toBe(200);
    const unknown = await client.get(`${API}/registered-models/alias?name=m&alias=champion`);
    expect(unknown).toEqual({
      status: 400,
      body: { error_code: 'INVALID_PARAMETER_VALUE', message: 'Registered model alias champion not found.' },
    });
  });

  it('searches and pages registered models (search_registered_models)', async () => {
    for (const name of ['a', 'b', 'c']) await client.post(`${API}/registered-models/create`, { name });
    const first = await client.get(`${API}/registered-models/search?max_results=2&order_by=name+DESC`);
    expect((first.body['registered_models'] as Array<{ name: string }>).map((m) => m.name)).toEqual([
      'c',
      'b',
    ]);
    const token = encodeURIComponent(String(first.body['next_page_token']));
    const second = await client.get(
      `${API}/registered-models/search?max_results=2&order_by=name+DESC&page_token=${token}`,
    );
    expect(second.body).toMatchObject({ registered_models: [{ name: 'a' }] });
    expect(second.body['next_page_token']).toBeUndefined();
  });
});

describe('model versions over REST', () => {
  it('create always answers READY with string versions (create_model_version → POST model-versions/create)', async () => {
    await client.post(`${API}/registered-models/create`, { name: 'm' });
    const created = await client.post(`${API}/model-versions/create`, {
      name: 'm',
      source: SOURCE,
      run_id: '0123456789abcdef0123456789abcdef',
      tags: [{ key: 'v', value: '1' }],
    });
    expect(created.body).toEqual({
      model_version: {
        name: 'm',
        version: '1',
        creation_timestamp: expect.any(Number),
        last_updated_timestamp: expect.any(Number),
        current_stage: 'None',
        description: '',
        source: SOURCE,
        run_id: '0123456789abcdef0123456789abcdef',
        status: 'READY',
        tags: [{ key: 'v', value: '1' }],
        run_link: '',
      },
    });
    const missing = await client.post(`${API}/model-versions/create`, { name: 'nope', source: SOURCE });
    expect(missing.status).toBe(404);
  });

  it('get, update, tags, transition with archiving, download URI, delete (MlflowClient model-version calls)', async () => {
    await modelWithVersions('m', 2);
    expect(
      at((await client.get(`${API}/model-versions/get?name=m&version=1`)).body, 'model_version', 'version'),
    ).toBe('1');
    const updated = await client.patch(`${API}/model-versions/update`, {
      name: 'm',
      version: '1',
      description: 'best',
    });
    expect(at(updated.body, 'model_version', 'description')).toBe('best');
    await client.post(`${API}/model-versions/set-tag`, {
      name: 'm',
      version: '1',
      key: 'validated',
      value: 'true',
    });
    await client.delete(`${API}/model-versions/delete-tag`, { name: 'm', version: '1', key: 'missing' });
    await client.post(`${API}/model-versions/transition-stage`, {
      name: 'm',
      version: '1',
      stage: 'Production',
    });
    const moved = await client.post(`${API}/model-versions/transition-stage`, {
      name: 'm',
      version: '2',
      stage: 'Production',
      archive_existing_versions: true,
    });
    expect(at(moved.body, 'model_version', 'current_stage')).toBe('Production');
    const v1 = await client.get(`${API}/model-versions/get?name=m&version=1`);
    expect(v1.body).toMatchObject({
      model_version: { current_stage: 'Archived', tags: [{ key: 'validated', value: 'true' }] },
    });
    expect((await client.get(`${API}/model-versions/get-download-uri?name=m&version=1`)).body).toEqual({
      artifact_uri: SOURCE,
    });
    const search = await client.get(
      `${API}/model-versions/search?filter=${encodeURIComponent("name='m' AND tags.validated='true'")}`,
    );
    expect((search.body['model_versions'] as Array<{ version: string }>).map((v) => v.version)).toEqual([
      '1',
    ]);
    expect((await client.delete(`${API}/model-versions/delete`, { name: 'm', version: '1' })).body).toEqual(
      {},
    );
    expect((await client.delete(`${API}/model-versions/delete`, { name: 'm', version: '1' })).status).toBe(
      404,
    );
    expect((await client.get(`${API}/model-versions/get-download-uri?name=m&version=1`)).status).toBe(404);
  });

  it('registers a copy whose download URI is the source version location (copy_model_version)', async () => {
    await modelWithVersions('src', 1);
    await client.post(`${API}/registered-models/create`, { name: 'dst' });
    const copy = await client.post(`${API}/model-versions/create`, { name: 'dst', source: 'models:/src/1' });
    expect(at(copy.body, 'model_version', 'source')).toBe('models:/src/1');
    expect((await client.get(`${API}/model-versions/get-download-uri?name=dst&version=1`)).body).toEqual({
      artifact_uri: SOURCE,
    });
  });

  it('downloads a file of a version for the UI (GET /model-versions/get-artifact)', async () => {
    const run = await client.post(`${API}/runs/create`, { experiment_id: '0' });
    const runId = String(at(run.body, 'run', 'info', 'run_id'));
    const put = (path: string, text: string) =>
      server.app.request(`/api/2.0/mlflow-artifacts/artifacts/${path}`, {
        method: 'PUT',
        body: text,
        headers: { 'content-type': 'text/plain' },
      });
    await put(`0/${runId}/artifacts/model/MLmodel`, 'flavors: {}\n');
    await put('0/direct/model/MLmodel', 'direct: true\n');
    await client.post(`${API}/registered-models/create`, { name: 'm' });
    await client.post(`${API}/model-versions/create`, { name: 'm', source: `runs:/${runId}/model` });
    await client.post(`${API}/model-versions/create`, {
      name: 'm',
      source: 'mlflow-artifacts:/0/direct/model',
    });
    const viaRun = await server.app.request('/model-versions/get-artifact?name=m&version=1&path=MLmodel');
    expect(viaRun.status).toBe(200);
    expect(await viaRun.text()).toBe('flavors: {}\n');
    const direct = await server.app.request('/model-versions/get-artifact?name=m&version=2&path=MLmodel');
    expect(await direct.text()).toBe('direct: true\n');
    const traversal = await server.app.request('/model-versions/get-artifact?name=m&version=2&path=../../x');
    expect(traversal.status).toBe(400);
    const missing = await server.app.request('/model-versions/get-artifact?name=m&version=9&path=MLmodel');
    expect(missing.status).toBe(404);
  });
});
