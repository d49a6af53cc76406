import type { SaveModelOptions } from '../model/save-model.js';
import { ensureActiveRun } from './active-run.js';
import type { LogArtifactOptions } from './artifacts-client.js';
import { type LoggedModelInfo, type LogModelOptions, logModelToRun } from './log-model.js';

export {
  activeRun,
  type ActiveRun,
  endRun,
  setExperiment,
  setTrackingClient,
  startRun,
  type StartRunOptions,
  withRun,
} from './active-run.js';

/** Step and timestamp of fluent metric calls. */
export interface FluentMetricOptions {
  readonly step?: number;
  readonly timestamp?: number;
}

/**
 * Logs a param to the active run, as `mlflow.log_param`.
 *
 * @example await logParam('learning_rate', 0.01);
 */
export async function logParam(key: string, value: string | number | boolean): Promise<void> {
  const { client, runId } = await ensureActiveRun();
  await client.logParam(runId, key, value);
}

/**
 * Logs several params in one request, as `mlflow.log_params`.
 *
 * @example await logParams({ depth: 6, loss: 'logloss' });
 */
export async function logParams(params: Readonly<Record<string, string | number | boolean>>): Promise<void> {
  const { client, runId } = await ensureActiveRun();
  await client.logBatch(runId, { params });
}

/**
 * Logs a metric point to the active run, as `mlflow.log_metric`.
 *
 * @example await logMetric('loss', 0.42, { step: 10 });
 */
export async function logMetric(
  key: string,
  value: number,
  options: FluentMetricOptions = {},
): Promise<void> {
  const { client, runId } = await ensureActiveRun();
  await client.logMetric(runId, key, value, options);
}

/**
 * Logs several metrics at one step in one request, as `mlflow.log_metrics`.
 *
 * @example await logMetrics({ auc: 0.91, f1: 0.84 }, { step: 3 });
 */
export async function logMetrics(
  metrics: Readonly<Record<string, number>>,
  options: FluentMetricOptions = {},
): Promise<void> {
  const { client, runId } = await ensureActiveRun();
  const timestamp = options.timestamp ?? Date.now();
  const points = Object.entries(metrics).map(([key, value]) => ({
    key,
    value,
    timestamp,
    step: options.step ?? 0,
  }));
  await client.logBatch(runId, { metrics: points });
}

/**
 * Sets a tag on the active run, as `mlflow.set_tag`.
 *
 * @example await setTag('team', 'growth');
 */
export async function setTag(key: string, value: string): Promise<void> {
  const { client, runId } = await ensureActiveRun();
  await client.setTag(runId, key, value);
}

/**
 * Sets several tags in one request, as `mlflow.set_tags`.
 *
 * @example await setTags({ team: 'growth', stage: 'dev' });
 */
export async function setTags(tags: Readonly<Record<string, string>>): Promise<void> {
  const { client, runId } = await ensureActiveRun();
  await client.logBatch(runId, { tags });
}

/**
 * Uploads a local file into the active run's artifacts, as `mlflow.log_artifact`.
 *
 * @example await logArtifact('./confusion.png', { artifactPath: 'plots' });
 */
export async function logArtifact(localFile: string, options: LogArtifactOptions = {}): Promise<void> {
  const { client, runId } = await ensureActiveRun();
  await client.logArtifact(runId, localFile, options);
}

/**
 * Uploads a local folder's files into the active run's artifacts, as `mlflow.log_artifacts`.
 *
 * @example await logArtifacts('./reports', { artifactPath: 'reports' });
 */
export async function logArtifacts(localDir: string, options: LogArtifactOptions = {}): Promise<void> {
  const { client, runId } = await ensureActiveRun();
  await client.logArtifacts(runId, localDir, options);
}

/**
 * Saves a custom Node model and logs it from the active run as an MLflow 3 logged model named
 * `name`; it then loads as `runs:/<run_id>/<name>` or `models:/<model_id>`.
 *
 * @example const info = await logModel('model', { model: './src/my-model.ts', inputExample: [{ x: 1 }] }, { onProgress: (p) => bar.update(p.bytes / p.totalBytes) });
 */
export async function logModel(
  name: string,
  saveOptions: SaveModelOptions,
  options: LogModelOptions = {},
): Promise<LoggedModelInfo> {
  const { client, runId } = await ensureActiveRun();
  return logModelToRun(client, runId, name, saveOptions, options);
}
