import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  endRun,
  logModel,
  MlflowClient,
  registerModel,
  REGISTERED_MODEL_META_FILE,
  setExperiment,
  setTrackingClient,
  startRun,
  trackingResolvers,
  type LoggedModelInfo,
} from '../../src/client/index.js';
import { loadModel, localUriResolver, type ModelUriResolver, resolveModelUri } from '../../src/index.js';
import { type ClientTestServer, openClientTestServer } from './client-server.js';

const SCALER = fileURLToPath(new URL('./models/scaler.ts', import.meta.url));
const NAME = 'churn-scaler';
const INPUT = [{ x: 2 }, { x: 0.5 }];
const downloads = (server: ClientTestServer) =>
  server.requests.filter((r) => r.startsWith('GET /api/2.0/mlflow-artifacts/artifacts/')).length;

let server: ClientTestServer;
let client: MlflowClient;
let work: string;
let resolvers: ModelUriResolver[];
let first: LoggedModelInfo;
let second: LoggedModelInfo;

async function logScaler(runName: string): Promise<LoggedModelInfo> {
  await startRun({ runName });
  const info = await logModel('scaler', {
    model: SCALER,
    modelConfig: { factor: 3 },
    inputExample: [{ x: 1.5 }],
  });
  await endRun();
  return info;
}

beforeAll(async () => {
  server = await openClientTestServer();
  client = new MlflowClient({ trackingUri: server.url });
  setTrackingClient(client);
  work = await mkdtemp(join(tmpdir(), 'modeldock-registry-'));
  resolvers = [...trackingResolvers(client, { cacheDir: join(work, 'cache') }), localUriResolver];
  await setExperiment('registry-lifecycle');
  first = await logScaler('first');
  second = await logScaler('second');
});
afterAll(async () => {
  setTrackingClient(undefined);
  await server.close();
  await rm(work, { recursive: true, force: true });
});

describe('a model logged by the SDK, registered, staged, aliased and loaded by every URI form', () => {
  it('registerModel(runs:/<run>/scaler) registers the run’s logged model as version 1, READY', async () => {
    const mv = await registerModel(client, `runs:/${first.runId}/scaler`, NAME);
    expect(mv).toMatchObject({
      name: NAME,
      version: '1',
      status: 'READY',
      current_stage: 'None',
      source: `models:/${first.modelId}`,
      run_id: first.runId,
    });
  });

  it('registerModel(models:/m-<id>) on an existing name adds version 2 (RESOURCE_ALREADY_EXISTS tolerated)', async () => {
    const mv = await registerModel(client, second.modelUri, NAME);
    expect(mv).toMatchObject({ name: NAME, version: '2', status: 'READY', source: second.modelUri });
    expect(server.requests.filter((r) => r === 'POST /api/2.0/mlflow/registered-models/create')).toHaveLength(
      2,
    );
  });

  it('moves version 1 None → Staging → Production, archiving version 2 that was in Production', async () => {
    await client.transitionModelVersionStage(NAME, 2, 'Production');
    expect((await client.transitionModelVersionStage(NAME, 1, 'Staging')).current_stage).toBe('Staging');
    const promoted = await client.transitionModelVersionStage(NAME, '1', 'production', true);
    expect(promoted.current_stage).toBe('Production');
    expect((await client.getModelVersion(NAME, 2)).current_stage).toBe('Archived');
    const production = await client.getLatestVersions(NAME, ['Production']);
    expect(production.map((mv) => mv.version)).toEqual(['1']);
  });

  it('sets the alias champion on version 1 (registered-models/alias)', async () => {
    await client.setRegisteredModelAlias(NAME, 'champion', 1);
    expect((await client.getModelVersionByAlias(NAME, 'champion')).version).toBe('1');
    expect((await client.getRegisteredModel(NAME)).aliases).toEqual([{ alias: 'champion', version: '1' }]);
  });

  it('loadModel(models:/name/1) downloads version 1 and writes registered_model_meta as MLflow 3.6', async () => {
    const before = downloads(server);
    const model = await loadModel(`models:/${NAME}/1`, { resolvers });
    expect(await model.predict(INPUT)).toEqual([6, 1.5]);
    expect(downloads(server)).toBeGreaterThan(before);
    const dir = await resolveModelUri(`models:/${NAME}/1`, resolvers);
    expect(await readFile(join(dir, REGISTERED_MODEL_META_FILE), 'utf8')).toBe(
      `model_name: ${NAME}\nmodel_version: '1'\n`,
    );
  });

  it('loadModel(models:/name/Production) and (models:/name@champion) resolve to version 1 and download nothing', async () => {
    const before = downloads(server);
    for (const uri of [`models:/${NAME}/Production`, `models:/${NAME}@champion`, `models:/${NAME}/1`]) {
      const model = await loadModel(uri, { resolvers });
      expect(await model.predict(INPUT)).toEqual([6, 1.5]);
    }
    expect(downloads(server)).toBe(before);
    expect(server.requests).toContain('POST /api/2.0/mlflow/registered-models/get-latest-versions');
    expect(server.requests).toContain('GET /api/2.0/mlflow/registered-models/alias');
  });

  it('loadModel(models:/name/latest) loads the highest version, 2, though it is Archived', async () => {
    const model = await loadModel(`models:/${NAME}/latest`, { resolvers });
    expect(await model.predict(INPUT)).toEqual([6, 1.5]);
    const dir = await resolveModelUri(`models:/${NAME}/latest`, resolvers);
    expect(await readFile(join(dir, REGISTERED_MODEL_META_FILE), 'utf8')).toMatch(/model_version: '2'/);
  });

  it('loadModel(models:/m-<id>), (runs:/<run_id>/scaler) and (mlflow-artifacts:/…) load the same logged model', async () => {
    const uris = [first.modelUri, `runs:/${first.runId}/scaler`, first.artifactUri];
    expect(first.artifactUri).toMatch(/^mlflow-artifacts:\//);
    for (const uri of uris) {
      const model = await loadModel(uri, { resolvers });
      expect(await model.predict(INPUT)).toEqual([6, 1.5]);
    }
  });

  it('loadModel(models:/name/3) follows a runs:/ source (as the UI registers) to the run’s logged model', async () => {
    const mv = await client.createModelVersion(NAME, `runs:/${first.runId}/scaler`, { runId: first.runId });
    expect(mv.version).toBe('3');
    const model = await loadModel(`models:/${NAME}/3`, { resolvers });
    expect(await model.predict(INPUT)).toEqual([6, 1.5]);
  });

  it('models:/name@alias/<sub/path> resolves a file inside the cached version', async () => {
    const before = downloads(server);
    const path = await resolveModelUri(`models:/${NAME}@champion/MLmodel`, resolvers);
    expect(await readFile(path, 'utf8')).toMatch(/^artifact_path: mlflow-artifacts:/m);
    expect(downloads(server)).toBe(before);
  });

  it('an unknown stage or alias fails with the server’s error, and a stage with no version with the client’s', async () => {
    await expect(loadModel(`models:/${NAME}/Bogus`, { resolvers })).rejects.toMatchObject({
      errorCode: 'INVALID_PARAMETER_VALUE',
    });
    await expect(loadModel(`models:/${NAME}@missing`, { resolvers })).rejects.toMatchObject({
      errorCode: 'INVALID_PARAMETER_VALUE',
    });
    await expect(loadModel(`models:/${NAME}/Staging`, { resolvers })).rejects.toThrow(
      `No versions of model with name '${NAME}' and stage 'Staging' found`,
    );
    await expect(loadModel('models:/missing/1', { resolvers })).rejects.toMatchObject({
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
    });
  });
});
