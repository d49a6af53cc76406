import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeRun,
  logMetric,
  MlflowClient,
  paginate,
  setTrackingClient,
  trackingUriFromEnv,
  type TransferProgress,
  withRun,
} from '../../src/client/index.js';
import { MlflowError } from '../../src/index.js';
import { type ClientTestServer, openClientTestServer } from './client-server.js';

let server: ClientTestServer;
let client: MlflowClient;

beforeAll(async () => {
  server = await openClientTestServer();
  client = new MlflowClient({ trackingUri: server.url });
});
afterAll(async () => {
  await server.close();
});

async function rejection(promise: Promise<unknown>): Promise<MlflowError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MlflowError);
  return error as MlflowError;
}

describe('MlflowClient experiments', () => {
  it('createExperiment / getExperiment / renameExperiment / setExperimentTag round-trip', async () => {
    const id = await client.createExperiment('exp-a', { tags: { owner: 'ada' } });
    await client.renameExperiment(id, 'exp-b');
    await client.setExperimentTag(id, 'team', 'core');
    const experiment = await client.getExperiment(id);
    expect(experiment).toMatchObject({
      name: 'exp-b',
      lifecycle_stage: 'active',
      artifact_location: `mlflow-artifacts:/${id}`,
    });
    expect(experiment.tags).toEqual(
      expect.arrayContaining([
        { key: 'owner', value: 'ada' },
        { key: 'team', value: 'core' },
      ]),
    );
  });

  it('deleteExperiment / restoreExperiment flip the lifecycle stage', async () => {
    const id = await client.createExperiment('exp-deleted');
    await client.deleteExperiment(id);
    expect((await client.getExperiment(id)).lifecycle_stage).toBe('deleted');
    await client.restoreExperiment(id);
    expect((await client.getExperiment(id)).lifecycle_stage).toBe('active');
  });

  it('getExperimentByName returns undefined for an unknown name (404 → None, as MLflow)', async () => {
    expect(await client.getExperimentByName('no-such-experiment')).toBeUndefined();
  });

  it('searchExperiments pages with paginate() until next_page_token is absent', async () => {
    for (const name of ['page-1', 'page-2', 'page-3']) await client.createExperiment(name);
    const names: string[] = [];
    for await (const e of paginate((pageToken) =>
      client.searchExperiments({
        filter: "name LIKE 'page-%'",
        maxResults: 2,
        ...(pageToken ? { pageToken } : {}),
      }),
    ))
      names.push(e.name);
    expect(names.sort()).toEqual(['page-1', 'page-2', 'page-3']);
  });
});

describe('MlflowClient errors and retries', () => {
  it('a non-2xx answer becomes MlflowError with the server error_code and message (createExperiment duplicate → RESOURCE_ALREADY_EXISTS)', async () => {
    await client.createExperiment('dup');
    const error = await rejection(client.createExperiment('dup'));
    expect(error.errorCode).toBe('RESOURCE_ALREADY_EXISTS');
    expect(error.message).toMatch(/already exists/);
  });

  it('getRun of an unknown run is RESOURCE_DOES_NOT_EXIST and is never retried', async () => {
    const before = server.requests.length;
    const error = await rejection(client.getRun('0'.repeat(32)));
    expect(error.errorCode).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(server.requests.length - before).toBe(1);
  });

  describe('against a flaky server', () => {
    let flaky: Server;
    let url: string;
    let hits = 0;
    beforeAll(async () => {
      flaky = createServer((request, response) => {
        hits += 1;
        if (request.url?.includes('always-busy') || hits % 3 !== 0) {
          response.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"experiment_id": "7"}');
      });
      await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => flaky.close(() => resolve()));
    });

    it('createExperiment retries 503 with backoff and succeeds', async () => {
      hits = 0;
      const flakyClient = new MlflowClient({ trackingUri: url, retry: { baseDelayMs: 1 } });
      expect(await flakyClient.createExperiment('x')).toBe('7');
      expect(hits).toBe(3);
    });

    it('gives up after maxRetries with the status-derived code (TEMPORARILY_UNAVAILABLE)', async () => {
      hits = 0;
      const flakyClient = new MlflowClient({
        trackingUri: `${url}/always-busy`,
        retry: { baseDelayMs: 1, maxRetries: 2 },
      });
      const error = await rejection(flakyClient.getExperiment('1'));
      expect(error.errorCode).toBe('TEMPORARILY_UNAVAILABLE');
      expect(hits).toBe(3);
    });
  });
});

describe('MlflowClient runs and metrics', () => {
  it('searchAllRuns follows page tokens over every run (runs/search)', async () => {
    const experimentId = await client.createExperiment('many-runs');
    for (let i = 0; i < 5; i += 1) await client.createRun(experimentId, { runName: `r${i}` });
    const names: string[] = [];
    for await (const run of client.searchAllRuns({ experimentIds: [experimentId], maxResults: 2 }))
      names.push(run.info.run_name ?? '');
    expect(names.sort()).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it('logMetric sends NaN and ±Infinity as MLflow strings; the server keeps NaN and stores ±inf as ±DBL_MAX, as MLflow', async () => {
    const run = await client.createRun('0');
    await client.logMetric(run.info.run_id, 'odd', Number.NaN, { step: 0 });
    await client.logMetric(run.info.run_id, 'odd', Infinity, { step: 1 });
    await client.logMetric(run.info.run_id, 'odd', -Infinity, { step: 2 });
    const values = (await client.getMetricHistory(run.info.run_id, 'odd')).map((m) => m.value);
    expect(values).toEqual([Number.NaN, Number.MAX_VALUE, -Number.MAX_VALUE]);
  });

  it('deleteTag / updateRun / deleteRun / restoreRun change the run', async () => {
    const run = await client.createRun('0', { tags: { temp: 'x' } });
    const id = run.info.run_id;
    await client.deleteTag(id, 'temp');
    expect((await client.getRun(id)).data.tags?.some((t) => t.key === 'temp')).toBe(false);
    expect((await client.updateRun(id, { runName: 'renamed', status: 'KILLED' })).status).toBe('KILLED');
    await client.deleteRun(id);
    expect((await client.getRun(id)).info.lifecycle_stage).toBe('deleted');
    await client.restoreRun(id);
    expect((await client.getRun(id)).info.lifecycle_stage).toBe('active');
  });

  it('logArtifact streams a large file with progress callbacks, and downloadArtifacts returns the same bytes', async () => {
    const work = await mkdtemp(join(tmpdir(), 'modeldock-big-'));
    try {
      const bytes = randomBytes(3 * 1024 * 1024 + 17);
      await writeFile(join(work, 'big.bin'), bytes);
      const run = await client.createRun('0');
      const seen: TransferProgress[] = [];
      await client.logArtifact(run.info.run_id, join(work, 'big.bin'), { onProgress: (p) => seen.push(p) });
      expect(seen.length).toBeGreaterThan(1);
      expect(seen.at(-1)).toEqual({ path: 'big.bin', bytes: bytes.length, totalBytes: bytes.length });
      const local = await client.downloadArtifacts(run.info.run_id, 'big.bin', join(work, 'out'));
      expect((await readFile(local)).equals(bytes)).toBe(true);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it('logInputs records a dataset input (runs/log-inputs)', async () => {
    const run = await client.createRun('0');
    const dataset = { name: 'iris', digest: 'abc123', source_type: 'local', source: '{"uri": "iris.csv"}' };
    await client.logInputs(run.info.run_id, {
      datasets: [{ dataset, tags: [{ key: 'mlflow.data.context', value: 'train' }] }],
    });
    const inputs = (await client.getRun(run.info.run_id)).inputs?.dataset_inputs;
    expect(inputs?.[0]?.dataset).toMatchObject({ name: 'iris', digest: 'abc123' });
  });
});

describe('fluent API', () => {
  it('withRun ends the run FINISHED, or FAILED when the body throws, and scopes activeRun()', async () => {
    setTrackingClient(client);
    try {
      const finished = await withRun(async (run) => {
        expect(activeRun()?.runId).toBe(run.runId);
        await logMetric('m', 1);
        return run.runId;
      });
      expect((await client.getRun(finished)).info.status).toBe('FINISHED');
      expect(activeRun()).toBeUndefined();
      let failedId = '';
      await expect(
        withRun(async (run) => {
          failedId = run.runId;
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await client.getRun(failedId)).info.status).toBe('FAILED');
    } finally {
      setTrackingClient(undefined);
    }
  });

  it('trackingUriFromEnv reads MLFLOW_TRACKING_URI from the env it is given', () => {
    expect(trackingUriFromEnv({ MLFLOW_TRACKING_URI: ' http://h:5000 ' })).toBe('http://h:5000');
    expect(trackingUriFromEnv({})).toBeUndefined();
  });
});

describe('MlflowClient logged models', () => {
  it('createLoggedModel / finalizeLoggedModel / searchLoggedModels (MLflow 3 logged-models)', async () => {
    const experimentId = await client.createExperiment('logged');
    const params = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`p${i}`, String(i)]));
    const created = await client.createLoggedModel(experimentId, { name: 'm1', params });
    expect(created.info.status).toBe('LOGGED_MODEL_PENDING');
    expect((await client.finalizeLoggedModel(created.info.model_id, 'READY')).info.status).toBe(
      'LOGGED_MODEL_READY',
    );
    const fetched = await client.getLoggedModel(created.info.model_id);
    expect(fetched.data?.params).toHaveLength(150);
    const page = await client.searchLoggedModels({ experimentIds: [experimentId], filter: "name = 'm1'" });
    expect(page.items.map((m) => m.info.model_id)).toEqual([created.info.model_id]);
  });
});
