import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  awaitModelVersionReady,
  MlflowClient,
  type ModelVersion,
  parseModelsUri,
  registeredVersionKey,
  registerModel,
} from '../../src/client/index.js';

describe('parseModelsUri: the models:/ forms MLflow’s client accepts (registry-semantics.md §1)', () => {
  it.each([
    ['models:/churn/3', { kind: 'version', name: 'churn', version: '3' }, ''],
    ['models:/churn/Production', { kind: 'stage', name: 'churn', stage: 'Production' }, ''],
    ['models:/churn/production', { kind: 'stage', name: 'churn', stage: 'production' }, ''],
    ['models:/churn/None', { kind: 'stage', name: 'churn', stage: 'None' }, ''],
    ['models:/churn/latest', { kind: 'latest', name: 'churn' }, ''],
    ['models:/churn/LATEST', { kind: 'latest', name: 'churn' }, ''],
    ['models:/churn@champion', { kind: 'alias', name: 'churn', alias: 'champion' }, ''],
    ['models:/team@churn@champion', { kind: 'alias', name: 'team@churn', alias: 'champion' }, ''],
    ['models:/m-0123abcd', { kind: 'logged', modelId: 'm-0123abcd' }, ''],
    ['models:///churn/3', { kind: 'version', name: 'churn', version: '3' }, ''],
    ['models:/churn/3/', { kind: 'version', name: 'churn', version: '3' }, ''],
    ['models:/churn/3/data/model.pkl', { kind: 'version', name: 'churn', version: '3' }, 'data/model.pkl'],
    ['models:/churn@champion/MLmodel', { kind: 'alias', name: 'churn', alias: 'champion' }, 'MLmodel'],
    ['models:/my model/1', { kind: 'version', name: 'my model', version: '1' }, ''],
  ])('%s', (uri, target, subPath) => {
    expect(parseModelsUri(uri)).toEqual({ target, subPath });
  });

  it.each([
    'models:/',
    'models:',
    'models://profile/churn/1',
    'models:/churn/',
    'models:/@champion',
    'models:/churn@',
    'models:/ /1',
    'models:/churn/1/../../../etc',
    'models:/churn/1//x',
    'runs:/abc/model',
  ])('rejects %s as not a proper models:/ URI', (uri) => {
    expect(() => parseModelsUri(uri)).toThrow(/Not a proper models:\/ URI/);
  });
});

describe('registeredVersionKey', () => {
  it('keys the cache by name, version and creation time, so a re-created model is a new entry', () => {
    const mv: ModelVersion = {
      name: 'churn',
      version: '3',
      creation_timestamp: 1700000000000,
      status: 'READY',
    };
    expect(registeredVersionKey(mv)).toBe('registered-models/churn/3-1700000000000');
    expect(registeredVersionKey({ ...mv, name: 'team/churn model' })).toBe(
      'registered-models/team%2Fchurn%20model/3-1700000000000',
    );
  });
});

// The OSS server creates versions READY; registries that register asynchronously (Databricks') answer
// PENDING_REGISTRATION first. This stand-in answers model-versions/get from a script of statuses.
interface Registry {
  readonly url: string;
  readonly polls: string[];
  close(): Promise<void>;
}

async function asyncRegistry(statuses: ModelVersion['status'][]): Promise<Registry> {
  const polls: string[] = [];
  const version = (status: ModelVersion['status']) => ({
    model_version: {
      name: 'churn',
      version: '1',
      status,
      status_message: status === 'READY' ? undefined : 'copying',
    },
  });
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    polls.push(`${req.method} ${path}`);
    res.setHeader('content-type', 'application/json');
    if (path.endsWith('/registered-models/create'))
      res.end(JSON.stringify({ registered_model: { name: 'churn' } }));
    else if (path.endsWith('/model-versions/create'))
      res.end(JSON.stringify(version('PENDING_REGISTRATION')));
    else res.end(JSON.stringify(version(statuses.shift() ?? 'READY')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    polls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('registerModel waits for READY as mlflow.register_model does', () => {
  let registry: Registry | undefined;
  afterEach(async () => {
    await registry?.close();
    registry = undefined;
  });

  it('polls model-versions/get while the version is PENDING_REGISTRATION, then returns it READY', async () => {
    registry = await asyncRegistry(['PENDING_REGISTRATION', 'READY']);
    const client = new MlflowClient({ trackingUri: registry.url });
    const mv = await registerModel(client, 'mlflow-artifacts:/1/models/m-1/artifacts', 'churn', {
      pollIntervalMs: 5,
    });
    expect(mv.status).toBe('READY');
    expect(registry.polls).toEqual([
      'POST /api/2.0/mlflow/registered-models/create',
      'POST /api/2.0/mlflow/model-versions/create',
      'GET /api/2.0/mlflow/model-versions/get',
      'GET /api/2.0/mlflow/model-versions/get',
    ]);
  });

  it('fails with the status message when registration fails', async () => {
    registry = await asyncRegistry(['FAILED_REGISTRATION']);
    const client = new MlflowClient({ trackingUri: registry.url });
    await expect(
      registerModel(client, 'mlflow-artifacts:/1/x', 'churn', { pollIntervalMs: 5 }),
    ).rejects.toThrow(/status: FAILED_REGISTRATION and message: copying/);
  });

  it('gives up after awaitRegistrationFor seconds, and awaitRegistrationFor 0 does not wait', async () => {
    registry = await asyncRegistry(Array(100).fill('PENDING_REGISTRATION'));
    const client = new MlflowClient({ trackingUri: registry.url });
    const pending = await registerModel(client, 'mlflow-artifacts:/1/x', 'churn', {
      awaitRegistrationFor: 0,
    });
    expect(pending.status).toBe('PENDING_REGISTRATION');
    await expect(awaitModelVersionReady(client, pending, 0.05, 10)).rejects.toMatchObject({
      errorCode: 'DEADLINE_EXCEEDED',
      message: expect.stringMatching(
        /Exceeded max wait time for model name: churn version: 1 to become READY/,
      ),
    });
  });
});
