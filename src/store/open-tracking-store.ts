import { resolve } from 'node:path';
import { MlflowError } from '../core/mlflow-error.js';
import { postgresStoreDialect } from './postgres/postgres-store-dialect.js';
import { SqlTrackingStore, type SqlTrackingStoreOptions } from './sql/sql-tracking-store.js';
import type { StoreDialect } from './sql/store-dialect.js';
import { sqliteStoreDialect } from './sqlite/sqlite-store-dialect.js';
import type { TrackingStore } from './tracking-store.js';

/** Options of `openTrackingStore`: store options plus PostgreSQL connection settings. */
export interface OpenTrackingStoreOptions extends SqlTrackingStoreOptions {
  /** PostgreSQL only: schema to put first on the search_path. */
  readonly schema?: string;
  /** PostgreSQL only: connection pool size. */
  readonly maxConnections?: number;
}

/**
 * Picks the dialect for a backend store URI: `sqlite:///abs/path`, `sqlite:///rel/path`, a bare path,
 * or `postgresql://` / `postgres://` (with optional `+driver`, as SQLAlchemy URIs carry).
 *
 * @example storeDialectFor('sqlite:///tmp/mlflow.db').name // 'sqlite'
 */
export function storeDialectFor(uri: string, options: OpenTrackingStoreOptions = {}): StoreDialect {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]?.toLowerCase();
  if (scheme === undefined || /^[a-z]$/i.test(scheme)) return sqliteStoreDialect(resolve(uri));
  const base = scheme.split('+')[0];
  if (base === 'sqlite') {
    // sqlite:///relative.db and sqlite:////abs.db as in SQLAlchemy; sqlite:// alone means in-memory.
    const path = uri.replace(/^[^:]+:\/\//, '').replace(/^\//, '');
    return sqliteStoreDialect(path === '' ? ':memory:' : resolve(path));
  }
  if (base === 'postgresql' || base === 'postgres') {
    const connection = uri.replace(/^[^:]+:/, 'postgresql:');
    return postgresStoreDialect(connection, {
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
    });
  }
  throw new MlflowError(
    `Unsupported backend store URI '${uri}': use sqlite:///<path>, a file path or postgresql://...`,
    'INVALID_PARAMETER_VALUE',
  );
}

/**
 * Opens (and migrates) the tracking store for a backend store URI; the one place that names implementations.
 *
 * @example const store = await openTrackingStore('sqlite:///mlflow.db', { defaultArtifactRoot: 'mlflow-artifacts:/' });
 */
export function openTrackingStore(
  uri: string,
  options: OpenTrackingStoreOptions = {},
): Promise<TrackingStore> {
  return SqlTrackingStore.open(storeDialectFor(uri, options), options);
}
