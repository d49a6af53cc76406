import { AsyncLocalStorage } from 'node:async_hooks';
import { userInfo } from 'node:os';
import { MlflowError } from '../core/mlflow-error.js';
import type { Run, RunStatus } from './entities.js';
import type { MlflowClient } from './mlflow-client.js';

/** A run started by {@link startRun}, with the client that logs to it. */
export interface ActiveRun {
  readonly client: MlflowClient;
  readonly run: Run;
  readonly runId: string;
}

/** Options of {@link startRun} and {@link withRun}. */
export interface StartRunOptions {
  /** The client to log through; defaults to the one given to {@link setTrackingClient}. */
  readonly client?: MlflowClient;
  /** Defaults to the experiment chosen with {@link setExperiment}, else `"0"`. */
  readonly experimentId?: string;
  readonly runName?: string;
  readonly tags?: Readonly<Record<string, string>>;
  /** Start a child of the active run instead of refusing. */
  readonly nested?: boolean;
}

let defaultClient: MlflowClient | undefined;
let defaultExperimentId: string | undefined;
const stack: ActiveRun[] = [];
const scoped = new AsyncLocalStorage<ActiveRun>();

/**
 * Sets the client that the fluent API logs through when `startRun` is given none.
 *
 * @example setTrackingClient(new MlflowClient({ trackingUri: 'http://127.0.0.1:5000' }));
 */
export function setTrackingClient(client: MlflowClient | undefined): void {
  defaultClient = client;
}

function clientOf(options: StartRunOptions): MlflowClient {
  const client = options.client ?? defaultClient;
  if (!client)
    throw new MlflowError(
      'No tracking client: call setTrackingClient() or pass { client } to startRun().',
      'INVALID_STATE',
    );
  return client;
}

/**
 * Makes an experiment (created when missing) the one new runs go to, as `mlflow.set_experiment`.
 *
 * @example const experimentId = await setExperiment('churn');
 */
export async function setExperiment(name: string, client?: MlflowClient): Promise<string> {
  const c = clientOf(client ? { client } : {});
  const found = await c.getExperimentByName(name);
  defaultExperimentId = found?.experiment_id ?? (await c.createExperiment(name));
  return defaultExperimentId;
}

/**
 * The run the fluent calls log to: the innermost {@link withRun} scope, else the last started run.
 *
 * @example activeRun()?.runId
 */
export function activeRun(): ActiveRun | undefined {
  return scoped.getStore() ?? stack.at(-1);
}

async function createRun(options: StartRunOptions): Promise<ActiveRun> {
  const parent = activeRun();
  if (parent && !options.nested)
    throw new MlflowError(
      `Run with UUID ${parent.runId} is already active. End it first, or start this run with nested: true.`,
      'INVALID_STATE',
    );
  const client = options.client ?? parent?.client ?? clientOf(options);
  const tags: Record<string, string> = {
    'mlflow.user': userInfo().username,
    'mlflow.source.type': 'LOCAL',
    ...options.tags,
  };
  if (parent) tags['mlflow.parentRunId'] = parent.runId;
  const run = await client.createRun(options.experimentId ?? defaultExperimentId ?? '0', {
    tags,
    ...(options.runName ? { runName: options.runName } : {}),
  });
  return { client, run, runId: run.info.run_id };
}

/**
 * Starts a run and makes it the active one, as `mlflow.start_run`; end it with {@link endRun}.
 *
 * @example const { runId } = await startRun({ runName: 'baseline' }); await logParam('lr', 0.1); await endRun();
 */
export async function startRun(options: StartRunOptions = {}): Promise<ActiveRun> {
  const active = await createRun(options);
  stack.push(active);
  return active;
}

/**
 * Ends the active run (FINISHED unless told otherwise), as `mlflow.end_run`; a no-op without one.
 *
 * @example await endRun('FAILED');
 */
export async function endRun(status: RunStatus = 'FINISHED'): Promise<void> {
  const active = stack.at(-1);
  if (!active) return;
  await active.client.setTerminated(active.runId, status);
  stack.pop();
}

/**
 * Runs `body` inside a new active run, ending it FINISHED, or FAILED when `body` throws. Concurrent
 * `withRun` scopes each see their own run.
 *
 * @example await withRun(async (run) => { await logMetric('auc', 0.9); }, { runName: 'trial-1' });
 */
export async function withRun<T>(
  body: (run: ActiveRun) => Promise<T>,
  options: StartRunOptions = {},
): Promise<T> {
  const active = await createRun(options);
  let status: RunStatus = 'FAILED';
  try {
    const result = await scoped.run(active, () => body(active));
    status = 'FINISHED';
    return result;
  } finally {
    await active.client.setTerminated(active.runId, status);
  }
}

/**
 * The active run, starting one as MLflow's fluent API does when a log call comes first.
 *
 * @example const { client, runId } = await ensureActiveRun();
 */
export async function ensureActiveRun(): Promise<ActiveRun> {
  return activeRun() ?? startRun();
}
