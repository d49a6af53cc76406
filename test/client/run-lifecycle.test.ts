import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  endRun,
  logArtifact,
  logMetric,
  logMetrics,
  logModel,
  logParam,
  logParams,
  MlflowClient,
  setExperiment,
  setTag,
  setTags,
  setTrackingClient,
  startRun,
  trackingResolvers,
  type LoggedModelInfo,
  type TransferProgress,
} from '../../src/client/index.js';
import { loadModel, localUriResolver, Model, saveModel } from '../../src/index.js';
import { type ClientTestServer, openClientTestServer } from './client-server.js';

const SCALER = fileURLToPath(new URL('./models/scaler.ts', import.meta.url));
const downloads = (server: ClientTestServer) =>
  server.requests.filter((r) => r.startsWith('GET /api/2.0/mlflow-artifacts/artifacts/')).length;

let server: ClientTestServer;
let client: MlflowClient;
let work: string;
let runId: string;
let experimentId: string;
let info: LoggedModelInfo;
const progress: TransferProgress[] = [];

beforeAll(async () => {
  server = await openClientTestServer();
  client = new MlflowClient({ trackingUri: server.url });
  setTrackingClient(client);
  work = await mkdtemp(join(tmpdir(), 'modeldock-client-work-'));
});
afterAll(async () => {
  setTrackingClient(undefined);
  await server.close();
  await rm(work, { recursive: true, force: true });
});

describe('a whole run lifecycle with the TypeScript SDK over real HTTP', () => {
  it('setExperiment creates the experiment (experiments/get-by-name → experiments/create)', async () => {
    experimentId = await setExperiment('sdk-lifecycle');
    expect((await client.getExperimentByName('sdk-lifecycle'))?.experiment_id).toBe(experimentId);
    expect(await setExperiment('sdk-lifecycle')).toBe(experimentId);
  });

  it('startRun starts a RUNNING run in that experiment (runs/create)', async () => {
    const active = await startRun({ runName: 'lifecycle' });
    runId = active.runId;
    expect(active.run.info).toMatchObject({
      experiment_id: experimentId,
      status: 'RUNNING',
      run_name: 'lifecycle',
    });
  });

  it('logParam/logParams/logMetric/logMetrics/setTag/setTags land on the run (log-parameter, log-metric, set-tag, log-batch)', async () => {
    await logParam('lr', 0.1);
    await logParams({ depth: 6, loss: 'logloss' });
    await logMetric('loss', 0.5, { step: 0 });
    await logMetric('loss', 0.25, { step: 1 });
    await logMetrics({ auc: 0.9, f1: 0.8 }, { step: 1 });
    await setTag('team', 'growth');
    await setTags({ stage: 'dev' });
    await client.logBatch(runId, { metrics: [{ key: 'loss', value: 0.125, step: 2 }], params: { seed: 7 } });
    const run = await client.getRun(runId);
    const params = Object.fromEntries((run.data.params ?? []).map((p) => [p.key, p.value]));
    expect(params).toEqual({ lr: '0.1', depth: '6', loss: 'logloss', seed: '7' });
    const metrics = Object.fromEntries((run.data.metrics ?? []).map((m) => [m.key, m.value]));
    expect(metrics).toEqual({ loss: 0.125, auc: 0.9, f1: 0.8 });
    const tags = Object.fromEntries((run.data.tags ?? []).map((t) => [t.key, t.value]));
    expect(tags).toMatchObject({ team: 'growth', stage: 'dev', 'mlflow.runName': 'lifecycle' });
    const history = await client.getMetricHistory(runId, 'loss');
    expect(history.map((m) => [m.step, m.value])).toEqual([
      [0, 0.5],
      [1, 0.25],
      [2, 0.125],
    ]);
  });

  it('logArtifact uploads through the proxy and downloadArtifacts streams it back (mlflow-artifacts PUT/GET)', async () => {
    const file = join(work, 'report.txt');
    await writeFile(file, 'accuracy: 0.93\n');
    await logArtifact(file, { artifactPath: 'reports' });
    expect(await client.listArtifacts(runId, 'reports')).toEqual([
      { path: 'reports/report.txt', is_dir: false, file_size: 15 },
    ]);
    const local = await client.downloadArtifacts(runId, 'reports', join(work, 'downloaded'));
    expect(await readFile(join(local, 'report.txt'), 'utf8')).toBe('accuracy: 0.93\n');
  });

  it('logModel creates, uploads and finalizes a logged model (logged-models → PUT → runs/outputs → PATCH READY)', async () => {
    info = await logModel(
      'scaler',
      { model: SCALER, modelConfig: { factor: 3 }, inputExample: [{ x: 1.5 }] },
      { onProgress: (p) => progress.push(p) },
    );
    expect(info.modelId).toMatch(/^m-[0-9a-f]{32}$/);
    expect(info.loggedModel.info).toMatchObject({
      status: 'LOGGED_MODEL_READY',
      source_run_id: runId,
      name: 'scaler',
    });
    expect(info.loggedModel.data?.params).toEqual(expect.arrayContaining([{ key: 'lr', value: '0.1' }]));
    const last = progress.at(-1);
    expect(last && last.bytes === last.totalBytes && last.totalBytes > 0).toBe(true);
    const run = await client.getRun(runId);
    expect(run.outputs?.model_outputs).toEqual([{ model_id: info.modelId, step: 0 }]);
  });

  it('logModel writes MLflow 3.6 identity fields into the uploaded MLmodel (artifact_path, run_id, model_id)', async () => {
    const dir = join(work, 'mlmodel-check');
    await client.proxy.downloadFile(
      `${experimentId}/models/${info.modelId}/artifacts/MLmodel`,
      join(dir, 'MLmodel'),
    );
    const mlmodel = Model.load(dir);
    expect(mlmodel.artifactPath).toBe(`mlflow-artifacts:/${experimentId}/models/${info.modelId}/artifacts`);
    expect(mlmodel.runId).toBe(runId);
    expect(mlmodel.modelId).toBe(info.modelId);
    expect(mlmodel.modelUuid).toBe(info.modelId);
  });

  it('endRun marks the run FINISHED (runs/update)', async () => {
    await endRun();
    expect((await client.getRun(runId)).info.status).toBe('FINISHED');
  });

  it('loadModel(runs:/<run_id>/<name>) then loadModel(models:/m-<id>) predicts, and the second load downloads nothing', async () => {
    const cacheDir = join(work, 'cache');
    const resolvers = [...trackingResolvers(client, { cacheDir }), localUriResolver];
    const before = downloads(server);
    const byRun = await loadModel(`runs:/${runId}/scaler`, { resolvers });
    expect(await byRun.predict([{ x: 2 }, { x: 0.5 }])).toEqual([6, 1.5]);
    const fetched = downloads(server) - before;
    const cached = await readdir(join(cacheDir, 'models', info.modelId), {
      recursive: true,
      withFileTypes: true,
    });
    expect(fetched).toBe(cached.filter((entry) => entry.isFile()).length);
    expect(fetched).toBeGreaterThan(0);
    expect(server.requests).toContain('POST /api/2.0/mlflow/logged-models/search');

    const requestsBefore = server.requests.length;
    const byId = await loadModel(info.modelUri, { resolvers });
    expect(await byId.predict([{ x: 4 }])).toEqual([12]);
    expect(downloads(server) - before).toBe(fetched);
    expect(server.requests.length).toBe(requestsBefore);
  });

  it('loadModel(runs:/<run_id>/<path>) falls back to the run artifacts when no logged model has that name (2.x layout), and loads mlflow-artifacts:/ URIs', async () => {
    const saved = join(work, 'saved-scaler');
    await saveModel(saved, { model: SCALER, modelConfig: { factor: 10 }, inputExample: [{ x: 1 }] });
    await client.logArtifacts(runId, saved, { artifactPath: 'legacy-model' });
    const resolvers = [
      ...trackingResolvers(client, { cacheDir: join(work, 'cache-legacy') }),
      localUriResolver,
    ];
    const model = await loadModel(`runs:/${runId}/legacy-model`, { resolvers });
    expect(await model.predict([{ x: 2 }])).toEqual([20]);
    const uri = `mlflow-artifacts:/${experimentId}/${runId}/artifacts/legacy-model`;
    const byUri = await loadModel(uri, { resolvers });
    expect(await byUri.predict([{ x: 3 }])).toEqual([30]);
  });
});
