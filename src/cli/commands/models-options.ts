/**
 * What the `modeldock models ...` commands share: their output streams, option parsing with
 * usage errors (exit code 2), the tracking URI, and loading the model a `-m` URI names.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MlflowClient } from '../../client/mlflow-client.js';
import { trackingResolvers } from '../../client/model-uri-resolvers.js';
import { trackingUriFromEnv } from '../../client/tracking-uri-from-env.js';
import { loadModel } from '../../model/load-model.js';
import type { LoadedModel } from '../../model/loaded-model.js';
import { localUriResolver, resolveModelUri } from '../../model/model-uri.js';
import { readServingExample } from '../../scoring/serving-example.js';
import { ProgressBar, type ProgressStream } from '../progress-bar.js';

/** Where a command writes: stdout and stderr lines, injectable for tests. */
export interface ModelsOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Where download progress bars draw (the process's stderr); none draws no bar. */
  readonly progress?: ProgressStream;
}

/** Exit codes of the models commands. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The process's own stdout and stderr. */
export const processOutput: ModelsOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  progress: process.stderr,
};

/** The `--tracking-uri` flag of the commands that load models. */
export const TRACKING_URI_OPTION = { 'tracking-uri': { type: 'string' } } as const;

/** The `--tracking-uri` line of those commands' usage. */
export const TRACKING_URI_USAGE =
  '      --tracking-uri URI  The tracking server of models:/, runs:/ and mlflow-artifacts:/ URIs\n' +
  '                          (default: $MLFLOW_TRACKING_URI).';

/**
 * The tracking server to load remote model URIs from: `--tracking-uri`, else `MLFLOW_TRACKING_URI`.
 *
 * @example trackingUriOf({ 'tracking-uri': 'http://127.0.0.1:5000' }) // 'http://127.0.0.1:5000'
 */
export function trackingUriOf(
  values: Readonly<Record<string, string | boolean | undefined>>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  const flag = values['tracking-uri'];
  return typeof flag === 'string' && flag.trim() !== '' ? flag.trim() : trackingUriFromEnv(env);
}

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | undefined>;

/**
 * Parses a command's flags; `help` is always accepted. Returns the values, or an exit code after
 * printing the usage (0 for --help, 2 for a usage mistake).
 *
 * @example const v = parseFlags(argv, { 'model-uri': { type: 'string', short: 'm' } }, USAGE, output);
 */
export function parseFlags(
  argv: string[],
  options: Options,
  usage: string,
  output: ModelsOutput,
): Values | number {
  let values: Values;
  try {
    values = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean' } }, strict: true })
      .values as Values;
  } catch (error) {
    output.err(`Error: ${(error as Error).message}\n\n${usage}`);
    return EXIT.usage;
  }
  if (values.help) {
    output.out(usage);
    return EXIT.ok;
  }
  return values;
}

/**
 * A required string flag, or a usage error.
 *
 * @example const uri = requireFlag(values, 'model-uri', USAGE, output); if (typeof uri === 'number') return uri;
 */
export function requireFlag(
  values: Values,
  name: string,
  usage: string,
  output: ModelsOutput,
): string | number {
  const v = values[name];
  if (typeof v === 'string' && v !== '') return v;
  output.err(`Error: Missing option '--${name}'.\n\n${usage}`);
  return EXIT.usage;
}

/**
 * A numeric flag: its default when absent, or a usage error when not a number in range.
 *
 * @example numberFlag(values, 'port', 5000, output) // 5000
 */
export function numberFlag(
  values: Values,
  name: string,
  fallback: number,
  output: ModelsOutput,
  min = 0,
): number | undefined {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (Number.isFinite(n) && n >= min) return n;
  output.err(`Error: Invalid value for '--${name}': '${String(v)}' is not a number >= ${min}.`);
  return undefined;
}

/** A model, its folder and its serving example, as the commands load them. */
export interface CliModel {
  readonly dir: string;
  readonly model: LoadedModel;
  readonly servingExample: unknown;
}

const REMOTE_URI = /^(models|runs|mlflow-artifacts):/;

// Remote URIs download through the tracking server, drawing a progress bar for large models.
async function resolveForCli(uri: string, output: ModelsOutput, trackingUri: string | undefined) {
  if (!REMOTE_URI.test(uri)) return resolveModelUri(uri, [localUriResolver]);
  if (trackingUri === undefined)
    throw new Error(`${uri} needs a tracking server: pass --tracking-uri or set MLFLOW_TRACKING_URI.`);
  const bar = output.progress ? new ProgressBar(output.progress) : undefined;
  const client = new MlflowClient({ trackingUri });
  const resolvers = trackingResolvers(client, bar ? { onProgress: bar.update } : {});
  try {
    return await resolveModelUri(uri, resolvers);
  } finally {
    bar?.finish();
  }
}

/**
 * Downloads a remote model URI into the local cache without loading it (a local URI only has to
 * exist); failures are reported and give false.
 *
 * @example if (!(await fetchForCli('models:/churn/1', output, trackingUri))) return EXIT.failed;
 */
export async function fetchForCli(uri: string, output: ModelsOutput, trackingUri?: string): Promise<boolean> {
  try {
    await resolveForCli(uri, output, trackingUri);
    return true;
  } catch (error) {
    output.err(`Error: Could not load the model at '${uri}': ${(error as Error).message}`);
    return false;
  }
}

/**
 * Loads the model a URI names, as {@link loadForCli} does, but throws instead of reporting.
 *
 * @example const { model } = await loadModelForCli('models:/churn/3', output, 'http://127.0.0.1:5000');
 */
export async function loadModelForCli(
  uri: string,
  output: ModelsOutput,
  trackingUri?: string,
): Promise<CliModel> {
  const dir = await resolveForCli(uri, output, trackingUri);
  const model = await loadModel(dir);
  return { dir, model, servingExample: await readServingExample(dir, model.metadata) };
}

/**
 * Loads the model a URI names: a local path or `file:` URI, or a `models:/`, `runs:/` or
 * `mlflow-artifacts:/` URI downloaded from `trackingUri`; failures are reported and give undefined.
 *
 * @example const loaded = await loadForCli('models:/churn@champion', output, 'http://127.0.0.1:5000');
 */
export async function loadForCli(
  uri: string,
  output: ModelsOutput,
  trackingUri?: string,
): Promise<CliModel | undefined> {
  try {
    return await loadModelForCli(uri, output, trackingUri);
  } catch (error) {
    output.err(`Error: Could not load the model at '${uri}': ${(error as Error).message}`);
    return undefined;
  }
}
