import type { Kysely } from 'kysely';
import { storeDialectFor, type OpenTrackingStoreOptions } from './open-tracking-store.js';
import type { RegistryStore } from './registry-store.js';
import type { TrackingDatabase } from './sql/database.js';
import { SqlRegistryStore } from './sql/sql-registry-store.js';
import { SqlTrackingStore } from './sql/sql-tracking-store.js';
import type { StoreDialect } from './sql/store-dialect.js';
import type { TrackingStore } from './tracking-store.js';

/** The tracking store and the Model Registry over one database connection (pool). */
export interface Stores {
  readonly tracking: TrackingStore;
  readonly registry: RegistryStore;
  /** Releases the shared connection (closing one store alone leaves it open for the other). */
  close(): Promise<void>;
}

/**
 * Opens (and migrates) the tracking store and the registry on one shared Kysely instance. Sharing
 * matters on SQLite: better-sqlite3 is synchronous, so two connections in one process could block
 * each other's write transactions; one connection serialises them behind Kysely's mutex instead.
 *
 * @example const { tracking, registry, close } = await openStores('sqlite:///mlflow.db');
 */
export async function openStores(uri: string, options: OpenTrackingStoreOptions = {}): Promise<Stores> {
  const base = storeDialectFor(uri, options);
  let shared: Kysely<TrackingDatabase> | undefined;
  const dialect: StoreDialect = { ...base, createKysely: () => (shared ??= base.createKysely()) };
  const tracking = await SqlTrackingStore.open(dialect, options);
  const registry = await SqlRegistryStore.open(dialect, {
    sharedDatabase: true,
    ...(options.now === undefined ? {} : { now: options.now }),
  }).catch(async (error: unknown) => {
    await tracking.close();
    throw error;
  });
  return { tracking, registry, close: () => tracking.close() };
}
