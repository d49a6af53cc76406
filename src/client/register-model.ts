import { setTimeout as sleep } from 'node:timers/promises';
import { MlflowError } from '../core/mlflow-error.js';
import { joinArtifactPath, proxyPathOf } from './artifact-proxy.js';
import type { FileInfo, LoggedModel, Run } from './entities.js';
import type { MlflowClient } from './mlflow-client.js';
import { paginate } from './paginate.js';
import type { ModelVersion } from './registry-client.js';
import { parseModelsUri, resolveModelVersion } from './registry-uri-resolver.js';

/** Options of {@link registerModel}. */
export interface RegisterModelOptions {
  /** Seconds to wait for the version to become READY (default 300, as MLflow); 0 does not wait. */
  readonly awaitRegistrationFor?: number;
  /** Tags of the new version. */
  readonly tags?: Readonly<Record<string, string>>;
  /** Milliseconds between two `model-versions/get` polls (default 3000, as MLflow). */
  readonly pollIntervalMs?: number;
}

/** What `model-versions/create` is sent for a model URI. */
interface VersionSource {
  readonly source: string;
  readonly runId?: string;
  readonly modelId?: string;
}

const RUNS_URI = /^runs:\/+([0-9A-Za-z_-]+)(?:\/(.*))?$/;
const LOGGED_MODEL_URI = /^models:\/(m-[0-9A-Za-z]+)\/?$/;
// Logged model names cannot hold these, so a path with one never names a logged model.
const NOT_IN_NAMES = /[/:.%"']/;

function isAlreadyExists(error: unknown): boolean {
  return (
    error instanceof MlflowError &&
    (error.errorCode === 'RESOURCE_ALREADY_EXISTS' || error.errorCode === 'ALREADY_EXISTS')
  );
}

async function ensureRegisteredModel(client: MlflowClient, name: string): Promise<void> {
  await client.registry.createRegisteredModel(name).catch((error: unknown) => {
    if (!isAlreadyExists(error)) throw error;
  });
}

async function runArtifactsAt(client: MlflowClient, run: Run, path: string): Promise<FileInfo[]> {
  const root = run.info.artifact_uri;
  if (!root.startsWith('mlflow-artifacts:')) return client.listArtifacts(run.info.run_id, path || undefined);
  return client.proxy.list(joinArtifactPath(proxyPathOf(root), path));
}

async function loggedModelNamed(client: MlflowClient, run: Run, name: string): Promise<LoggedModel> {
  const runId = run.info.run_id;
  if (name !== '' && !NOT_IN_NAMES.test(name)) {
    const pages = paginate((pageToken) =>
      client.searchLoggedModels({
        experimentIds: [run.info.experiment_id],
        filter: `name = '${name}'`,
        ...(pageToken ? { pageToken } : {}),
      }),
    );
    for await (const model of pages) if (model.info.source_run_id === runId) return model;
  }
  throw new MlflowError(
    `Unable to find a logged_model with artifact_path ${name} under run ${runId}`,
    'RESOURCE_DOES_NOT_EXIST',
  );
}

// MLflow 3's order: the run's own artifacts when `<path>/MLmodel` is there, else its logged model.
async function sourceOfRunsUri(client: MlflowClient, uri: string): Promise<VersionSource> {
  const match = RUNS_URI.exec(uri);
  if (!match?.[1])
    throw new MlflowError(
      `Invalid runs URI '${uri}': expected runs:/<run_id>/<path>.`,
      'INVALID_PARAMETER_VALUE',
    );
  const path = (match[2] ?? '').replace(/^\/+|\/+$/g, '');
  const run = await client.getRun(match[1]);
  const runId = run.info.run_id;
  const files = await runArtifactsAt(client, run, path);
  if (files.some((f) => f.path.slice(f.path.lastIndexOf('/') + 1) === 'MLmodel' && !f.is_dir))
    return { source: [run.info.artifact_uri.replace(/\/+$/, ''), path].filter(Boolean).join('/'), runId };
  const model = await loggedModelNamed(client, run, path);
  return { source: `models:/${model.info.model_id}`, runId, modelId: model.info.model_id };
}

async function sourceOf(client: MlflowClient, modelUri: string): Promise<VersionSource> {
  if (modelUri.startsWith('runs:/')) return sourceOfRunsUri(client, modelUri);
  const modelId = LOGGED_MODEL_URI.exec(modelUri)?.[1];
  return modelId ? { source: modelUri, modelId } : { source: modelUri };
}

/**
 * Waits until a version leaves PENDING_REGISTRATION, polling `model-versions/get`; throws when it
 * failed or did not become READY within `seconds`.
 *
 * @example const ready = await awaitModelVersionReady(client, created, 300);
 */
export async function awaitModelVersionReady(
  client: MlflowClient,
  version: ModelVersion,
  seconds: number,
  pollIntervalMs = 3000,
): Promise<ModelVersion> {
  const deadline = Date.now() + seconds * 1000;
  let current = version;
  while (current.status === 'PENDING_REGISTRATION') {
    if (Date.now() >= deadline)
      throw new MlflowError(
        `Exceeded max wait time for model name: ${current.name} version: ${current.version} to become ` +
          `READY. Status: ${current.status} Wait Time: ${seconds}`,
        'DEADLINE_EXCEEDED',
      );
    await sleep(Math.max(0, Math.min(pollIntervalMs, deadline - Date.now())));
    current = await client.registry.getModelVersion(current.name, current.version);
  }
  if (current.status !== 'READY')
    throw new MlflowError(
      `Model version creation failed for model name: ${current.name} version: ${current.version} with ` +
        `status: ${current.status} and message: ${current.status_message ?? ''}`,
      'INVALID_STATE',
    );
  return current;
}

/**
 * Registers a model under `name` as MLflow's `mlflow.register_model`: create the registered model
 * (an existing one is fine), find the version's source (for `runs:/<run>/<path>`, the run's
 * artifacts when they hold an MLmodel, else the run's logged model named `<path>`), create the
 * version, then wait until it is READY.
 *
 * @example const mv = await registerModel(client, `runs:/${runId}/model`, 'churn');
 */
export async function registerModel(
  client: MlflowClient,
  modelUri: string,
  name: string,
  options: RegisterModelOptions = {},
): Promise<ModelVersion> {
  await ensureRegisteredModel(client, name);
  const { source, runId, modelId } = await sourceOf(client, modelUri);
  const created = await client.registry.createModelVersion(name, source, {
    ...(runId ? { runId } : {}),
    ...(modelId ? { modelId } : {}),
    ...(options.tags ? { tags: options.tags } : {}),
  });
  const seconds = options.awaitRegistrationFor ?? 300;
  if (seconds <= 0) return created;
  return awaitModelVersionReady(client, created, seconds, options.pollIntervalMs);
}

/**
 * Copies a registered version (`models:/name/<version>`, `/<stage>`, `/latest` or `@alias`) into
 * the registered model `dstName` as MLflow's `MlflowClient.copy_model_version`: the copy's source is
 * `models:/<name>/<version>`, with the same run, tags, run link and description.
 *
 * @example const copy = await copyModelVersion(client, 'models:/churn@champion', 'churn-prod');
 */
export async function copyModelVersion(
  client: MlflowClient,
  srcModelUri: string,
  dstName: string,
): Promise<ModelVersion> {
  const { target } = parseModelsUri(srcModelUri);
  if (target.kind === 'logged')
    throw new MlflowError(
      `${srcModelUri} is not a registered model version URI (models:/<name>/<version> or models:/<name>@<alias>).`,
      'INVALID_PARAMETER_VALUE',
    );
  const src = await resolveModelVersion(client.registry, target);
  await ensureRegisteredModel(client, dstName);
  const tags = Object.fromEntries((src.tags ?? []).map((t) => [t.key, t.value]));
  return client.registry.createModelVersion(dstName, `models:/${src.name}/${src.version}`, {
    ...(src.run_id ? { runId: src.run_id } : {}),
    ...(src.tags?.length ? { tags } : {}),
    runLink: src.run_link ?? '',
    description: src.description ?? '',
  });
}
