import cluster from 'node:cluster';
import { composeServer, type ComposedServer } from '../../server/compose.js';
import { ConfigError, parseServerConfig, SERVER_USAGE, type ServerConfig } from '../../server/config.js';
import { startServer } from '../../server/start-server.js';
import type { CliOutput } from '../main.js';

function parseOrReport(argv: string[], output: CliOutput): ServerConfig | number {
  try {
    const config = parseServerConfig(argv);
    if (config !== 'help') return config;
    output.out(SERVER_USAGE);
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    output.err(`Error: ${error.message}`);
    return error.exitCode;
  }
}

/** Serves until SIGINT/SIGTERM, then closes the socket and the store. */
async function serveOne(config: ServerConfig, output: CliOutput): Promise<number> {
  const composed: ComposedServer = await composeServer(config, (error) =>
    output.err(`[modeldock] unexpected error: ${String((error as Error).stack ?? error)}`),
  );
  const { server, url } = await startServer(composed.app, config);
  if (!cluster.isWorker) output.err(`[modeldock] Listening at ${url} (backend ${config.backendStoreUri})`);
  return new Promise<number>((resolve) => {
    const stop = () => {
      server.close();
      server.closeAllConnections();
      void composed.close().finally(() => {
        // A worker's IPC channel to the primary would keep it alive after the server closed.
        cluster.worker?.disconnect();
        resolve(0);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Resolves once `count` workers accept connections. */
function allListening(count: number): Promise<void> {
  return new Promise((resolve) => {
    let listening = 0;
    cluster.on('listening', () => {
      listening += 1;
      if (listening === count) resolve();
    });
  });
}

/** Signals every worker directly and resolves when all have exited. */
async function stopWorkers(): Promise<void> {
  const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
  await Promise.all(
    workers.map((worker) => {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      // process.kill, not worker.kill: the latter waits for a graceful disconnect that a worker
      // still opening its store never acknowledges.
      worker.process.kill('SIGTERM');
      return exited;
    }),
  );
}

/** With --workers N > 1 the primary prepares the store once (migrations), then forks N listeners. */
async function serveCluster(config: ServerConfig, output: CliOutput): Promise<number> {
  await (await composeServer(config)).close();
  const ready = allListening(config.workers);
  for (let i = 0; i < config.workers; i++) cluster.fork();
  void ready.then(() =>
    output.err(
      `[modeldock] Listening at http://${config.host}:${config.port} with ${config.workers} workers`,
    ),
  );
  return new Promise<number>((resolve) => {
    const stop = () => void stopWorkers().then(() => resolve(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * `modeldock server`: MLflow's `mlflow server` flags, one process or a node:cluster of workers.
 *
 * @example await serverCommand(['--port', '5000'], { out: console.log, err: console.error });
 */
export async function serverCommand(argv: string[], output: CliOutput): Promise<number> {
  const config = parseOrReport(argv, output);
  if (typeof config === 'number') return config;
  if (config.workers > 1 && cluster.isPrimary) return serveCluster(config, output);
  return serveOne(config, output);
}
