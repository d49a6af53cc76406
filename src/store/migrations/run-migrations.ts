import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { MlflowError } from '../../core/mlflow-error.js';
import type { StoreDialect } from '../sql/store-dialect.js';
import { initialSchema } from './0001-initial-schema.js';
import { registrySchema } from './0002-registry.js';

/** The in-code migrations, in order; a new schema version is a new entry, never an edit. */
export function trackingMigrations(caps: StoreDialect['capabilities']): Record<string, Migration> {
  return {
    '0001_initial_schema': initialSchema(caps),
    '0002_registry': registrySchema(caps),
  };
}

class InCodeMigrationProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(this.migrations);
  }
}

const RACE = /already exists|SQLITE_BUSY|database is locked|UNIQUE constraint/i;
const RETRIES = 60;

async function migrateOnce(db: Kysely<unknown>, dialect: StoreDialect): Promise<unknown> {
  const migrator = new Migrator({
    db,
    provider: new InCodeMigrationProvider(trackingMigrations(dialect.capabilities)),
    ...(dialect.migrationSchema === undefined ? {} : { migrationTableSchema: dialect.migrationSchema }),
    migrationTableName: 'modeldock_migrations',
    migrationLockTableName: 'modeldock_migrations_lock',
  });
  return (await migrator.migrateToLatest()).error;
}

/**
 * Brings the database schema up to date. On PostgreSQL, Kysely holds a session advisory lock while
 * migrating, so several server processes starting together migrate once. SQLite has no such lock
 * (Kysely migrates it outside a transaction), so a process that loses the race to another one
 * creating the same tables waits and retries until the winner has recorded the migration.
 *
 * @example await runTrackingMigrations(db, sqliteStoreDialect(path));
 */
export async function runTrackingMigrations(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const error = await migrateOnce(db, dialect);
    if (error === undefined) return;
    const racing = !dialect.capabilities.needsMigrationLock && RACE.test(String(error)) && attempt < RETRIES;
    if (!racing) {
      throw new MlflowError(`Tracking database migration failed: ${String(error)}`, 'INTERNAL_ERROR', {
        cause: error,
      });
    }
    await new Promise((done) => setTimeout(done, 25 + Math.random() * 50));
  }
}
