import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Model } from '../model/mlmodel.js';
import { saveModel, type SaveModelOptions } from '../model/save-model.js';
import { type ProgressCallback, proxyPathOf } from './artifact-proxy.js';
import type { LoggedModel } from './entities.js';
import type { MlflowClient } from './mlflow-client.js';

/** Options of {@link logModelToRun}. */
export interface LogModelOptions {
  /** Called as the model's files upload; a CLI draws its progress bar from it. */
  readonly onProgress?: ProgressCallback;
  /** Extra tags on the logged model. */
  readonly tags?: Readonly<Record<string, string>>;
  readonly modelType?: string;
  /** The run step the model is an output of (default 0). */
  readonly step?: number;
}

/** What {@link logModelToRun} logged, as MLflow's `ModelInfo`. */
export interface LoggedModelInfo {
  readonly modelId: string;
  /** `models:/m-<id>`, loadable with the tracking resolvers. */
  readonly modelUri: string;
  readonly runId: string;
  /** The logged model's artifact URI (`mlflow-artifacts:/<exp>/models/<id>/artifacts`). */
  readonly artifactUri: string;
  readonly loggedModel: LoggedModel;
  /** The MLmodel as uploaded. */
  readonly mlmodel: Model;
}

function paramsOf(run: Awaited<ReturnType<MlflowClient['getRun']>>): Record<string, string> {
  return Object.fromEntries((run.data.params ?? []).map((p) => [p.key, p.value]));
}

// MLflow 3.6 writes the logged model's identity into MLmodel before uploading it.
async function saveForUpload(
  dir: string,
  saveOptions: SaveModelOptions,
  model: LoggedModel,
  runId: string,
): Promise<Model> {
  const mlmodel = await saveModel(dir, saveOptions);
  mlmodel.artifactPath = model.info.artifact_uri;
  mlmodel.runId = runId;
  mlmodel.modelId = model.info.model_id;
  mlmodel.modelUuid = model.info.model_id;
  mlmodel.save(dir);
  return mlmodel;
}

/**
 * Logs a custom Node model from a run the way MLflow 3 does: create the logged model (PENDING, with
 * the run's params), record it as a run output, save it with `saveModel` into a temp folder, upload
 * every file through the artifact proxy, then finalize it READY (UPLOAD_FAILED if anything failed).
 *
 * @example const info = await logModelToRun(client, runId, 'model', { model: './src/my-model.ts' });
 */
export async function logModelToRun(
  client: MlflowClient,
  runId: string,
  name: string,
  saveOptions: SaveModelOptions,
  options: LogModelOptions = {},
): Promise<LoggedModelInfo> {
  const run = await client.getRun(runId);
  const created = await client.createLoggedModel(run.info.experiment_id, {
    name,
    sourceRunId: runId,
    params: paramsOf(run),
    ...(options.tags ? { tags: options.tags } : {}),
    ...(options.modelType ? { modelType: options.modelType } : {}),
  });
  const modelId = created.info.model_id;
  const work = await mkdtemp(join(tmpdir(), 'modeldock-log-model-'));
  try {
    await client.logOutputs(runId, [{ model_id: modelId, step: options.step ?? 0 }]);
    const dir = join(work, 'model');
    const mlmodel = await saveForUpload(dir, saveOptions, created, runId);
    await client.proxy.uploadDir(proxyPathOf(created.info.artifact_uri), dir, options.onProgress);
    const loggedModel = await client.finalizeLoggedModel(modelId, 'READY');
    return {
      modelId,
      modelUri: `models:/${modelId}`,
      runId,
      artifactUri: created.info.artifact_uri,
      loggedModel,
      mlmodel,
    };
  } catch (error) {
    await client.finalizeLoggedModel(modelId, 'UPLOAD_FAILED').catch(() => undefined);
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
