import { createRequire } from 'node:module';
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import type { TrackingDatabase } from '../sql/database.js';
import type { StoreDialect, StoreDialectCapabilities } from '../sql/store-dialect.js';

/** The slice of `pg` this store calls (the package ships no types). */
interface PgModule {
  Pool: new (config: PgPoolConfig) => PostgresPool;
  types: { getTypeParser(oid: number, format: 'text'): (value: string) => unknown };
}
interface PgPoolConfig {
  connectionString: string;
  max: number;
  options?: string;
  types: { getTypeParser(oid: number, format?: string): (value: string) => unknown };
}

const require = createRequire(import.meta.url);

/** What the PostgreSQL backend can do. */
export const POSTGRES_CAPABILITIES: StoreDialectCapabilities = {
  supportsReturning: true,
  supportsArrayParameters: true,
  supportsIlike: true,
  autoIncrement: 'identity',
  supportsWithoutRowId: false,
  maxBindParameters: 65_000,
  needsMigrationLock: true,
  jsonArrayFunctions: {
    build: 'json_build_array',
    aggregate: 'json_agg',
    elements: 'json_array_elements_text',
  },
};

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Connection options of the PostgreSQL backend. */
export interface PostgresStoreOptions {
  /** Pool size; default 10. */
  readonly maxConnections?: number;
  /** Schema to put first on the search_path (tests use a fresh one each). */
  readonly schema?: string;
}

/**
 * The PostgreSQL backend over `pg`; int8 and numeric (counts, timestamps) are parsed as JS numbers
 * because every integer in the tracking schema is a millisecond timestamp, a step or a small id.
 *
 * @example const db = postgresStoreDialect('postgresql://postgres@127.0.0.1:5432/test').createKysely();
 */
export function postgresStoreDialect(
  connectionString: string,
  options: PostgresStoreOptions = {},
): StoreDialect {
  return {
    name: 'postgresql',
    capabilities: POSTGRES_CAPABILITIES,
    // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
    migrationSchema: options.schema ?? 'public',
    createKysely: () => {
      const pg = require('pg') as PgModule;
      const types = {
        getTypeParser: (oid: number) =>
          oid === INT8_OID || oid === NUMERIC_OID
            ? (value: string) => Number(value)
            : pg.types.getTypeParser(oid, 'text'),
      };
      const pool = new pg.Pool({
        connectionString,
        max: options.maxConnections ?? 10,
        types,
        ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
      });
      return new Kysely<TrackingDatabase>({ dialect: new PostgresDialect({ pool }) });
    },
  };
}
