import type { Kysely } from 'kysely';
import { MlflowError } from '../../core/mlflow-error.js';
import type { TrackingDatabase } from './database.js';
import type { StoreDialectCapabilities } from './store-dialect.js';

/** What every resource-family class of the SQL store shares. */
export interface SqlContext {
  readonly db: Kysely<TrackingDatabase>;
  readonly caps: StoreDialectCapabilities;
  readonly defaultArtifactRoot: string;
  readonly now: () => number;
}

/**
 * Experiment ids are decimal strings on the wire and integers in the database; anything else is undefined.
 *
 * @example experimentIdToInt('12') // 12
 */
export function experimentIdToInt(experimentId: string): number | undefined {
  return /^\d{1,15}$/.test(experimentId) ? Number(experimentId) : undefined;
}

/**
 * MLflow's error for an unknown (or wrongly-staged) experiment id.
 *
 * @example throw noExperiment('7');
 */
export function noExperiment(experimentId: string): MlflowError {
  return new MlflowError(`No Experiment with id=${experimentId} exists`, 'RESOURCE_DOES_NOT_EXIST');
}

/**
 * MLflow's error for an unknown run id.
 *
 * @example throw noRun(runId);
 */
export function noRun(runId: string): MlflowError {
  return new MlflowError(`Run with id=${runId} not found`, 'RESOURCE_DOES_NOT_EXIST');
}

/** Splits rows into chunks that keep one INSERT under the dialect's bind-parameter limit. */
export function chunked<T>(rows: readonly T[], columns: number, caps: StoreDialectCapabilities): T[][] {
  const size = Math.max(1, Math.floor(caps.maxBindParameters / columns));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
