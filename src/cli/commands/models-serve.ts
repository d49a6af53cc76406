/**
 * `modeldock models serve`: serves a model over MLflow's scoring protocol, as `mlflow models serve`,
 * in one process or a node:cluster of workers (one model copy each).
 */
import cluster from 'node:cluster';
import type { Server } from 'node:http';
import type { LoadedModel } from '../../model/loaded-model.js';
import type { AliasWatcher } from '../../scoring/alias-watcher.js';
import type { ModelHolder } from '../../scoring/model-holder.js';
import { createScoringServer } from '../../scoring/scoring-server.js';
import {
  EXIT,
  fetchForCli,
  loadForCli,
  type ModelsOutput,
  numberFlag,
  parseFlags,
  processOutput,
  requireFlag,
  TRACKING_URI_OPTION,
  TRACKING_URI_USAGE,
  trackingUriOf,
} from './models-options.js';
import {
  type AliasToWatch,
  aliasToWatch,
  WATCH_ALIAS_OPTIONS,
  WATCH_ALIAS_USAGE,
  watchAlias,
} from './models-watch-alias.js';

/** `modeldock models serve --help`. */
export const SERVE_USAGE = `Usage: modeldock models serve -m <uri> [OPTIONS]

  Serve a model over MLflow's scoring protocol: /ping, /health, /version, /invocations,
  plus /openapi.json, /docs (Swagger UI), /metrics and the KServe V2 routes under /v2.

Options:
  -m, --model-uri URI     The model folder or URI (required).
  -h, --host HOST         Address to bind (default 127.0.0.1).
  -p, --port PORT         Port to listen on (default 5000; 0 picks a free port).
  -w, --workers N         Worker processes, each with its own copy of the model (default 1).
  -t, --timeout SECONDS   Per-request limit; slower requests get a 504 (default 60).
      --max-body BYTES    Largest accepted request body; larger ones get a 413 (default 104857600).
      --name NAME         The model name in /openapi.json and /v2/models/NAME (default model).
${TRACKING_URI_USAGE}
${WATCH_ALIAS_USAGE}
      --help              Show this message and exit.

Examples:
  modeldock models serve -m ./my-model
  modeldock models serve -m ./my-model -h 0.0.0.0 -p 8080 --workers 4 --timeout 30
  MLFLOW_TRACKING_URI=http://127.0.0.1:5000 modeldock models serve -m models:/churn/Production
  modeldock models serve -m models:/churn@champion --tracking-uri http://127.0.0.1:5000 --watch-alias

Exit codes: 0 stopped by SIGINT/SIGTERM, 1 the model could not be loaded or the port bound, 2 bad usage.`;

const OPTIONS = {
  'model-uri': { type: 'string', short: 'm' },
  host: { type: 'string', short: 'h' },
  port: { type: 'string', short: 'p' },
  workers: { type: 'string', short: 'w' },
  timeout: { type: 'string', short: 't' },
  'max-body': { type: 'string' },
  name: { type: 'string' },
  ...TRACKING_URI_OPTION,
  ...WATCH_ALIAS_OPTIONS,
} as const;

interface ServeConfig {
  readonly uri: string;
  readonly host: string;
  readonly port: number;
  readonly workers: number;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly name: string;
  readonly trackingUri: string | undefined;
  /** The alias `--watch-alias` follows, and how often it is polled. */
  readonly watch: { readonly target: AliasToWatch; readonly intervalMs: number } | undefined;
}

function watchFrom(
  values: Readonly<Record<string, string | boolean | undefined>>,
  uri: string,
  output: ModelsOutput,
): ServeConfig['watch'] | number {
  const interval = numberFlag(values, 'watch-interval', 10, output, 0.01);
  if (interval === undefined) return EXIT.usage;
  if (!values['watch-alias']) return undefined;
  const target = aliasToWatch(uri, trackingUriOf(values));
  if (typeof target === 'string') {
    output.err(`Error: ${target}\n\n${SERVE_USAGE}`);
    return EXIT.usage;
  }
  return { target, intervalMs: interval * 1000 };
}

function configFrom(argv: string[], output: ModelsOutput): ServeConfig | number {
  const values = parseFlags(argv, OPTIONS, SERVE_USAGE, output);
  if (typeof values === 'number') return values;
  const uri = requireFlag(values, 'model-uri', SERVE_USAGE, output);
  if (typeof uri === 'number') return uri;
  const port = numberFlag(values, 'port', 5000, output);
  const workers = numberFlag(values, 'workers', 1, output, 1);
  const timeout = numberFlag(values, 'timeout', 60, output);
  const maxBody = numberFlag(values, 'max-body', 100 * 1024 * 1024, output, 1);
  if (port === undefined || workers === undefined || timeout === undefined || maxBody === undefined)
    return EXIT.usage;
  const watch = watchFrom(values, uri, output);
  if (typeof watch === 'number') return watch;
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
  const name = typeof values.name === 'string' ? values.name : 'model';
  return {
    uri,
    host,
    port,
    workers: Math.floor(workers),
    timeoutMs: timeout * 1000,
    maxBodyBytes: maxBody,
    name,
    trackingUri: trackingUriOf(values),
    watch,
  };
}

function untilStopped(close: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    const stop = (): void => {
      void close().finally(() => {
        cluster.worker?.disconnect();
        resolve(EXIT.ok);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

interface Served {
  readonly model: LoadedModel | ModelHolder;
  readonly servingExample?: unknown;
  readonly watcher?: AliasWatcher;
}

async function loadServed(config: ServeConfig, output: ModelsOutput): Promise<Served | undefined> {
  if (!config.watch) {
    const loaded = await loadForCli(config.uri, output, config.trackingUri);
    return loaded && { model: loaded.model, servingExample: loaded.servingExample };
  }
  try {
    const { holder, watcher } = await watchAlias(config.watch.target, config.watch.intervalMs, output);
    return { model: holder, watcher };
  } catch (error) {
    output.err(`Error: Could not load the model at '${config.uri}': ${(error as Error).message}`);
    return undefined;
  }
}

async function serveOne(config: ServeConfig, output: ModelsOutput): Promise<number> {
  // Cluster workers load from the cache the primary filled: one progress bar, one download.
  const quiet = cluster.isWorker ? { out: output.out, err: output.err } : output;
  const served = await loadServed(config, quiet);
  if (!served) return EXIT.failed;
  const { timeoutMs, maxBodyBytes, name } = config;
  const server: Server = createScoringServer(served.model, {
    timeoutMs,
    maxBodyBytes,
    modelName: name,
    servingExample: served.servingExample,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
  } catch (error) {
    output.err(`Error: Could not listen on ${config.host}:${config.port}: ${(error as Error).message}`);
    return EXIT.failed;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  if (!cluster.isWorker) output.err(`[modeldock] Serving ${config.uri} at http://${config.host}:${port}`);
  served.watcher?.start();
  return untilStopped(async () => {
    served.watcher?.stop();
    server.close();
    server.closeAllConnections();
  });
}

async function serveCluster(config: ServeConfig, output: ModelsOutput): Promise<number> {
  for (let i = 0; i < config.workers; i++) cluster.fork();
  let listening = 0;
  cluster.on('listening', () => {
    if (++listening === config.workers)
      output.err(
        `[modeldock] Serving ${config.uri} at http://${config.host}:${config.port} with ${config.workers} workers`,
      );
  });
  cluster.on('exit', (worker, code) => {
    if (code !== 0) output.err(`[modeldock] worker ${worker.id} exited with code ${code}`);
  });
  return untilStopped(async () => {
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(workers.map((w) => new Promise((r) => (w.once('exit', r), w.process.kill('SIGTERM')))));
  });
}

/**
 * `modeldock models serve`: resolves with the exit code when the server stops.
 *
 * @example process.exitCode = await modelsServe(['-m', './my-model', '-p', '8080']);
 */
export async function modelsServe(argv: string[], output: ModelsOutput = processOutput): Promise<number> {
  const config = configFrom(argv, output);
  if (typeof config === 'number') return config;
  if (config.workers > 1 && cluster.isPrimary) {
    if (!(await fetchForCli(config.uri, output, config.trackingUri))) return EXIT.failed;
    return serveCluster(config, output);
  }
  return serveOne(config, output);
}
