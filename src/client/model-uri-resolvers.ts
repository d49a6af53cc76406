import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MlflowError } from '../core/mlflow-error.js';
import type { ModelUriResolver } from '../model/model-uri.js';
import { type ProgressCallback, proxyPathOf } from './artifact-proxy.js';
import type { LoggedModel } from './entities.js';
import type { MlflowClient } from './mlflow-client.js';
import { ModelCache } from './model-cache.js';
import { registryUriResolver } from './registry-uri-resolver.js';

/** Options of {@link trackingResolvers}. */
export interface TrackingResolverOptions {
  /** Where downloaded models are kept; defaults to a folder per tracking server under the OS temp folder. */
  readonly cacheDir?: string;
  /** Called as model files download; the CLI draws its progress bar from it. */
  readonly onProgress?: ProgressCallback;
}

const LOGGED_MODEL_URI = /^models:\/(m-[0-9a-f]+)\/?$/;
const RUNS_URI = /^runs:\/+([0-9A-Za-z_-]+)(?:\/(.*))?$/;
// Logged model names cannot hold these, so a path with one is never a logged model's name.
const NOT_IN_NAMES = /[/:.%"']/;

async function downloadLoggedModel(
  client: MlflowClient,
  cache: ModelCache,
  model: LoggedModel,
  onProgress?: ProgressCallback,
): Promise<string> {
  const remote = proxyPathOf(model.info.artifact_uri);
  return cache.fetch(`models/${model.info.model_id}`, (tmp) =>
    client.proxy.downloadTree(remote, tmp, onProgress),
  );
}

/**
 * Resolves `models:/m-<id>` (an MLflow 3 logged model id) through `logged-models/{id}`; a cached id
 * needs no request at all.
 *
 * @example loggedModelUriResolver(client, new ModelCache('/tmp/cache')).resolve('models:/m-0f3a…')
 */
export function loggedModelUriResolver(
  client: MlflowClient,
  cache: ModelCache,
  onProgress?: ProgressCallback,
): ModelUriResolver {
  return {
    canResolve: (uri) => LOGGED_MODEL_URI.test(uri),
    async resolve(uri) {
      const modelId = LOGGED_MODEL_URI.exec(uri)?.[1] ?? '';
      if (await cache.has(`models/${modelId}`)) return cache.pathOf(`models/${modelId}`);
      return downloadLoggedModel(client, cache, await client.getLoggedModel(modelId), onProgress);
    },
  };
}

async function loggedModelOfRun(client: MlflowClient, experimentId: string, runId: string, name: string) {
  if (NOT_IN_NAMES.test(name)) return undefined;
  const page = await client.searchLoggedModels({ experimentIds: [experimentId], filter: `name = '${name}'` });
  return page.items.find((m) => m.info.source_run_id === runId);
}

/** Where a `runs:/` URI's files are: a logged model of the run, or a path below its artifact root. */
export interface RunsUriTarget {
  /** The path below the artifact proxy's root. */
  readonly remote: string;
  /** The model cache key of those files. */
  readonly key: string;
  readonly loggedModel?: LoggedModel;
}

/**
 * Resolves `runs:/<run_id>/<path>` as MLflow 3 does: the run's logged model named `<path>` when there
 * is one (`logged-models/search`), else the run's artifacts at `<path>`.
 *
 * @example const { remote } = await runsUriTarget(client, `runs:/${runId}/model`);
 */
export async function runsUriTarget(client: MlflowClient, uri: string): Promise<RunsUriTarget> {
  const match = RUNS_URI.exec(uri);
  if (!match?.[1])
    throw new MlflowError(
      `Invalid runs URI '${uri}': expected runs:/<run_id>/<path>.`,
      'INVALID_PARAMETER_VALUE',
    );
  const runId = match[1];
  const path = (match[2] ?? '').replace(/^\/+|\/+$/g, '');
  const run = await client.getRun(runId);
  const logged =
    path === '' ? undefined : await loggedModelOfRun(client, run.info.experiment_id, runId, path);
  if (logged)
    return {
      remote: proxyPathOf(logged.info.artifact_uri),
      key: `models/${logged.info.model_id}`,
      loggedModel: logged,
    };
  const remote = [proxyPathOf(run.info.artifact_uri), path].filter((p) => p !== '').join('/');
  return { remote, key: path === '' ? `runs/${runId}` : `runs/${runId}/${path}` };
}

/**
 * Loads `runs:/<run_id>/<path>` URIs through {@link runsUriTarget}, caching by logged model or run path.
 *
 * @example runsUriResolver(client, cache).resolve(`runs:/${runId}/model`)
 */
export function runsUriResolver(
  client: MlflowClient,
  cache: ModelCache,
  onProgress?: ProgressCallback,
): ModelUriResolver {
  return {
    canResolve: (uri) => uri.startsWith('runs:/'),
    async resolve(uri) {
      const { remote, key } = await runsUriTarget(client, uri);
      return cache.fetch(key, (tmp) => client.proxy.downloadTree(remote, tmp, onProgress));
    },
  };
}

/**
 * Resolves `mlflow-artifacts:/<path>` by downloading that artifact folder through the proxy.
 *
 * @example mlflowArtifactsUriResolver(client, cache).resolve('mlflow-artifacts:/1/models/m-1/artifacts')
 */
export function mlflowArtifactsUriResolver(
  client: MlflowClient,
  cache: ModelCache,
  onProgress?: ProgressCallback,
): ModelUriResolver {
  return {
    canResolve: (uri) => uri.startsWith('mlflow-artifacts:'),
    async resolve(uri) {
      const remote = proxyPathOf(uri);
      return cache.fetch(`artifacts/${remote}`, (tmp) => client.proxy.downloadTree(remote, tmp, onProgress));
    },
  };
}

/**
 * The resolvers that load models from a tracking server, sharing one download cache.
 *
 * @example const model = await loadModel(`runs:/${runId}/model`, { resolvers: [...trackingResolvers(client, { cacheDir }), localUriResolver] });
 */
export function trackingResolvers(
  client: MlflowClient,
  options: TrackingResolverOptions = {},
): ModelUriResolver[] {
  const server = createHash('sha256').update(client.trackingUri).digest('hex').slice(0, 16);
  const cache = new ModelCache(options.cacheDir ?? join(tmpdir(), 'modeldock-models', server));
  const { onProgress } = options;
  return [
    loggedModelUriResolver(client, cache, onProgress),
    registryUriResolver(client, cache, {
      ...(onProgress ? { onProgress } : {}),
      runsRemote: async (uri) => (await runsUriTarget(client, uri)).remote,
    }),
    runsUriResolver(client, cache, onProgress),
    mlflowArtifactsUriResolver(client, cache, onProgress),
  ];
}
