import type { Kysely } from 'kysely';
import type { TrackingDatabase } from './database.js';

/** What the shared SQL code needs to know about a backend, declared instead of checked by name. */
export interface StoreDialectCapabilities {
  /** `INSERT ... RETURNING` is available. */
  readonly supportsReturning: boolean;
  /** `ILIKE` exists; otherwise case-insensitive matching uses `lower()`. */
  readonly supportsIlike: boolean;
  /** JS arrays bind as SQL arrays (`unnest($1::text[])`), so bulk inserts need few parameters. */
  readonly supportsArrayParameters: boolean;
  /** How the experiments id column auto-increments. */
  readonly autoIncrement: 'autoincrement' | 'identity';
  /** Tables keyed by their primary key alone may be declared `WITHOUT ROWID`. */
  readonly supportsWithoutRowId: boolean;
  /** Most bind parameters one statement may carry; batch inserts are chunked below it. */
  readonly maxBindParameters: number;
  /** Migrations must hold a cross-process lock (several servers may start together). */
  readonly needsMigrationLock: boolean;
  /**
   * JSON array functions: `build` makes one from values, `aggregate` makes one from rows, and
   * `elements` is a table function over a JSON array text whose rows have a `value` column.
   */
  readonly jsonArrayFunctions: {
    readonly build: string;
    readonly aggregate: string;
    readonly elements: string;
  };
}

/**
 * A database backend for the tracking store: how to open it and what it can do.
 *
 * @example const dialect = sqliteStoreDialect('/tmp/mlflow.db'); const db = dialect.createKysely();
 */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgresql';
  readonly capabilities: StoreDialectCapabilities;
  /** Schema that holds the migration bookkeeping tables, where the dialect has schemas. */
  readonly migrationSchema?: string;
  createKysely(): Kysely<TrackingDatabase>;
}
