import { createRequire } from 'node:module';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { TrackingDatabase } from '../sql/database.js';
import type { StoreDialect, StoreDialectCapabilities } from '../sql/store-dialect.js';

/** The slice of better-sqlite3 this store calls (the package ships no types). */
interface BetterSqlite3Database extends SqliteDatabase {
  pragma(source: string): unknown;
}
type BetterSqlite3Constructor = new (path: string) => BetterSqlite3Database;

const require = createRequire(import.meta.url);

/** What the SQLite backend can do. */
export const SQLITE_CAPABILITIES: StoreDialectCapabilities = {
  supportsReturning: true,
  supportsArrayParameters: false,
  supportsIlike: false,
  autoIncrement: 'autoincrement',
  supportsWithoutRowId: true,
  maxBindParameters: 32_000,
  needsMigrationLock: false,
  jsonArrayFunctions: { build: 'json_array', aggregate: 'json_group_array', elements: 'json_each' },
};

/**
 * The SQLite backend over better-sqlite3: one file, WAL journal, foreign keys off (MLflow's
 * semantics are enforced in code), `synchronous=NORMAL` which is durable under WAL except on power loss.
 *
 * @example const db = sqliteStoreDialect('/tmp/mlflow.db').createKysely();
 */
export function sqliteStoreDialect(path: string): StoreDialect {
  return {
    name: 'sqlite',
    capabilities: SQLITE_CAPABILITIES,
    createKysely: () => {
      const Database = require('better-sqlite3') as BetterSqlite3Constructor;
      const database = new Database(path);
      database.pragma('journal_mode = WAL');
      database.pragma('synchronous = NORMAL');
      database.pragma('busy_timeout = 10000');
      // Sorts for search_runs ordering stay in memory; a larger page cache keeps hot indexes resident.
      database.pragma('temp_store = MEMORY');
      database.pragma('cache_size = -65536');
      database.pragma('mmap_size = 268435456');
      // LIKE must be case-sensitive, as MLflow forces it on SQLite; ILIKE is translated to lower() LIKE lower().
      database.pragma('case_sensitive_like = ON');
      return new Kysely<TrackingDatabase>({ dialect: new SqliteDialect({ database }) });
    },
  };
}
