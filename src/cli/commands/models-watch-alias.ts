/**
 * `models serve --watch-alias`: serves `models:/name@alias` and follows the alias, wiring the
 * scoring layer's {@link AliasWatcher} to the registry through the SDK.
 */
import { MlflowClient } from '../../client/mlflow-client.js';
import { parseModelsUri } from '../../client/registry-uri-resolver.js';
import { AliasWatcher } from '../../scoring/alias-watcher.js';
import { ModelHolder, type ServedModel } from '../../scoring/model-holder.js';
import { loadModelForCli, type ModelsOutput } from './models-options.js';

/** The flags of alias watching. */
export const WATCH_ALIAS_OPTIONS = {
  'watch-alias': { type: 'boolean' },
  'watch-interval': { type: 'string' },
} as const;

/** Their lines in `models serve --help`. */
export const WATCH_ALIAS_USAGE =
  '      --watch-alias       With -m models:/NAME@ALIAS: poll the alias and, when it moves, load the\n' +
  '                          new version in the background and swap it in with no failed request.\n' +
  '      --watch-interval S  Seconds between alias polls (default 10).';

/** A registered model alias to follow, and where its registry is. */
export interface AliasToWatch {
  readonly name: string;
  readonly alias: string;
  /** The artifact path inside the model, '' for the whole model. */
  readonly subPath: string;
  readonly trackingUri: string;
}

/**
 * The alias a `-m` URI names, or the reason `--watch-alias` cannot follow it.
 *
 * @example aliasToWatch('models:/churn@champion', 'http://127.0.0.1:5000') // { name: 'churn', alias: 'champion', … }
 */
export function aliasToWatch(uri: string, trackingUri: string | undefined): AliasToWatch | string {
  let parsed;
  try {
    parsed = parseModelsUri(uri);
  } catch {
    return `--watch-alias needs a models:/NAME@ALIAS URI, not '${uri}'.`;
  }
  const { target, subPath } = parsed;
  if (target.kind !== 'alias') return `--watch-alias needs a models:/NAME@ALIAS URI, not '${uri}'.`;
  if (trackingUri === undefined)
    return '--watch-alias needs a tracking server: pass --tracking-uri or set MLFLOW_TRACKING_URI.';
  return { name: target.name, alias: target.alias, subPath, trackingUri };
}

/** A served alias: the holder the scoring server reads, and the watcher that swaps its model. */
export interface WatchedAlias {
  readonly holder: ModelHolder;
  readonly watcher: AliasWatcher;
}

/**
 * Loads the version the alias names now and returns a holder serving it, plus a watcher (not yet
 * started) that polls every `intervalMs`; throws when the first version cannot be loaded.
 *
 * @example const { holder, watcher } = await watchAlias(target, 10_000, output); watcher.start();
 */
export async function watchAlias(
  target: AliasToWatch,
  intervalMs: number,
  output: ModelsOutput,
): Promise<WatchedAlias> {
  const client = new MlflowClient({ trackingUri: target.trackingUri });
  const lookup = async (): Promise<string> =>
    (await client.registry.getModelVersionByAlias(target.name, target.alias)).version;
  const sub = target.subPath === '' ? '' : `/${target.subPath}`;
  // Background loads draw no progress bar: the server's log is no terminal to redraw.
  const quiet: ModelsOutput = { out: output.out, err: output.err };
  const loadWith =
    (out: ModelsOutput) =>
    async (version: string): Promise<ServedModel> => {
      const uri = `models:/${target.name}/${version}${sub}`;
      const { model, servingExample } = await loadModelForCli(uri, out, target.trackingUri);
      return { model, servingExample, version };
    };
  const holder = new ModelHolder(await loadWith(output)(await lookup()));
  const load = loadWith(quiet);
  const log = (message: string): void => output.err(`[modeldock] ${target.name}@${target.alias}: ${message}`);
  return { holder, watcher: new AliasWatcher({ holder, lookup, load, intervalMs, log }) };
}
