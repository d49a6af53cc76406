import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MlflowError } from '../core/mlflow-error.js';
import { dumpPythonYaml } from '../model/mlmodel-yaml.js';
import type { ModelUriResolver } from '../model/model-uri.js';
import { type ProgressCallback, proxyPathOf } from './artifact-proxy.js';
import type { MlflowClient } from './mlflow-client.js';
import type { ModelCache } from './model-cache.js';
import type { ModelVersion, RegistryClient } from './registry-client.js';

/** What a `models:/` URI names, before the server is asked. */
export type ModelsUriTarget =
  | { readonly kind: 'version'; readonly name: string; readonly version: string }
  | { readonly kind: 'stage'; readonly name: string; readonly stage: string }
  | { readonly kind: 'latest'; readonly name: string }
  | { readonly kind: 'alias'; readonly name: string; readonly alias: string }
  | { readonly kind: 'logged'; readonly modelId: string };

/** A parsed `models:/` URI: its target and the artifact sub-path inside it ('' for the whole model). */
export interface ParsedModelsUri {
  readonly target: ModelsUriTarget;
  readonly subPath: string;
}

/** The file MLflow writes next to MLmodel when it downloads a registered version. */
export const REGISTERED_MODEL_META_FILE = 'registered_model_meta';

const ARTIFACTS_ROUTE = '/api/2.0/mlflow-artifacts/artifacts/';

function improper(uri: string): MlflowError {
  return new MlflowError(
    `Not a proper models:/ URI: ${uri}. Models URIs must be of the form 'models:/model_name/suffix' or ` +
      `'models:/model_name@alias' where suffix is a model version, stage, or the string 'latest' and ` +
      `where alias is a registered model alias. Only one of suffix or alias can be defined at a time.`,
    'INVALID_PARAMETER_VALUE',
  );
}

function targetOf(uri: string, first: string, suffix: string | undefined): ModelsUriTarget {
  const at = first.lastIndexOf('@');
  if (at >= 0) {
    const name = first.slice(0, at);
    const alias = first.slice(at + 1);
    if (name.trim() === '' || alias.trim() === '') throw improper(uri);
    return { kind: 'alias', name, alias };
  }
  if (suffix === undefined) return { kind: 'logged', modelId: first };
  if (suffix.trim() === '') throw improper(uri);
  if (/^\d+$/.test(suffix)) return { kind: 'version', name: first, version: suffix };
  if (suffix.toLowerCase() === 'latest') return { kind: 'latest', name: first };
  return { kind: 'stage', name: first, stage: suffix };
}

/**
 * Parses the `models:/` forms MLflow's client accepts: `name/<version>`, `name/<stage>`,
 * `name/latest`, `name@alias` (split at the last `@`) and `<model_id>`, each optionally followed by
 * an artifact sub-path.
 *
 * @example parseModelsUri('models:/churn@champion') // { target: { kind: 'alias', name: 'churn', alias: 'champion' }, subPath: '' }
 */
export function parseModelsUri(uri: string): ParsedModelsUri {
  const match = /^models:(?:\/\/\/|\/(?!\/))(.*)$/.exec(uri);
  if (!match) throw improper(uri);
  const segments = (match[1] ?? '').split('/');
  const [first = ''] = segments;
  if (first.trim() === '') throw improper(uri);
  const aliasForm = first.includes('@');
  const suffix = aliasForm ? undefined : segments[1];
  const rest = segments.slice(aliasForm ? 1 : 2);
  if (rest.length === 1 && rest[0] === '') rest.pop();
  // The sub-path is joined below the cache folder: it may not climb out of it.
  if (rest.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\') || p.includes('\0')))
    throw improper(uri);
  return { target: targetOf(uri, first, suffix), subPath: rest.join('/') };
}

function highest(versions: readonly ModelVersion[]): ModelVersion | undefined {
  return versions.reduce<ModelVersion | undefined>(
    (best, mv) => (best === undefined || Number(mv.version) > Number(best.version) ? mv : best),
    undefined,
  );
}

/**
 * Asks the server which version a registered-model target names, as MLflow's client does: the
 * version itself, the highest version in a stage or overall (`get-latest-versions`), or an alias.
 *
 * @example const mv = await resolveModelVersion(client.registry, { kind: 'stage', name: 'churn', stage: 'Production' });
 */
export async function resolveModelVersion(
  registry: RegistryClient,
  target: Exclude<ModelsUriTarget, { kind: 'logged' }>,
): Promise<ModelVersion> {
  if (target.kind === 'version') return registry.getModelVersion(target.name, target.version);
  if (target.kind === 'alias') return registry.getModelVersionByAlias(target.name, target.alias);
  const stages = target.kind === 'stage' ? [target.stage] : undefined;
  const found = highest(await registry.getLatestVersions(target.name, stages));
  if (found) return found;
  const which = target.kind === 'stage' ? ` and stage '${target.stage}'` : '';
  throw new MlflowError(
    `No versions of model with name '${target.name}'${which} found`,
    'RESOURCE_DOES_NOT_EXIST',
  );
}

/** Options of {@link registryUriResolver}. */
export interface RegistryUriResolverOptions {
  readonly onProgress?: ProgressCallback;
  /**
   * Where the files of a `runs:/` URI are below the artifact proxy (a version's download URI is its
   * `runs:/` source when it was registered from one); {@link trackingResolvers} supplies it.
   */
  readonly runsRemote?: (uri: string) => Promise<string>;
}

async function remoteOf(client: MlflowClient, uri: string, options: RegistryUriResolverOptions) {
  if (uri.startsWith('mlflow-artifacts:')) return proxyPathOf(uri);
  if (uri.startsWith('runs:/') && options.runsRemote) return options.runsRemote(uri);
  const logged = /^models:\/(m-[0-9A-Za-z]+)\/?$/.exec(uri)?.[1];
  if (logged) return proxyPathOf((await client.getLoggedModel(logged)).info.artifact_uri);
  const url = /^https?:/.test(uri) ? new URL(uri) : undefined;
  const at = url?.pathname.indexOf(ARTIFACTS_ROUTE) ?? -1;
  if (url && at >= 0 && url.origin === new URL(client.trackingUri).origin)
    return decodeURIComponent(url.pathname.slice(at + ARTIFACTS_ROUTE.length)).replace(/\/+$/, '');
  throw new MlflowError(
    `The model is stored at '${uri}', which cannot be downloaded through the tracking server's artifact proxy.`,
    'INVALID_PARAMETER_VALUE',
  );
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

async function downloadVersion(
  client: MlflowClient,
  mv: ModelVersion,
  tempDir: string,
  options: RegistryUriResolverOptions,
): Promise<void> {
  const remote = await remoteOf(
    client,
    await client.registry.getModelVersionDownloadUri(mv.name, mv.version),
    options,
  );
  await client.proxy.downloadTree(remote, tempDir, options.onProgress);
  // As MLflow 3.6: the downloaded model remembers which registered version it is.
  if (await isDirectory(tempDir)) {
    const meta = dumpPythonYaml({ model_name: mv.name, model_version: mv.version });
    await writeFile(join(tempDir, REGISTERED_MODEL_META_FILE), meta);
  }
}

/**
 * The cache key of a registered version. The creation time is part of it because a deleted model
 * can be created again under the same name, and its version 1 is then a different model.
 *
 * @example registeredVersionKey({ name: 'churn', version: '3', creation_timestamp: 1700000000000, status: 'READY' }) // 'registered-models/churn/3-1700000000000'
 */
export function registeredVersionKey(mv: ModelVersion): string {
  return `registered-models/${encodeURIComponent(mv.name)}/${mv.version}-${mv.creation_timestamp ?? 0}`;
}

async function withSubPath(dir: string, subPath: string, uri: string): Promise<string> {
  if (subPath === '') return dir;
  const path = join(dir, ...subPath.split('/'));
  if (!(await stat(path).catch(() => undefined)))
    throw new MlflowError(`No artifact '${subPath}' in the model of ${uri}.`, 'RESOURCE_DOES_NOT_EXIST');
  return path;
}

/**
 * Resolves registered-model URIs (`models:/name/<version>`, `/<stage>`, `/latest`, `@alias`, and
 * `models:/<model_id>`): ask the server which version is meant, then download it through the
 * artifact proxy into the cache under that name and version, so a second load downloads nothing.
 *
 * @example const model = await loadModel('models:/churn@champion', { resolvers: [registryUriResolver(client, cache)] });
 */
export function registryUriResolver(
  client: MlflowClient,
  cache: ModelCache,
  options: RegistryUriResolverOptions = {},
): ModelUriResolver {
  return {
    canResolve: (uri) => uri.startsWith('models:'),
    async resolve(uri) {
      const { target, subPath } = parseModelsUri(uri);
      if (target.kind === 'logged') {
        const key = `models/${target.modelId}`;
        const dir = await cache.fetch(key, async (tmp) =>
          client.proxy.downloadTree(
            await remoteOf(client, `models:/${target.modelId}`, options),
            tmp,
            options.onProgress,
          ),
        );
        return withSubPath(dir, subPath, uri);
      }
      const mv = await resolveModelVersion(client.registry, target);
      const dir = await cache.fetch(registeredVersionKey(mv), (tmp) =>
        downloadVersion(client, mv, tmp, options),
      );
      return withSubPath(dir, subPath, uri);
    },
  };
}
