import type { RegistryStore } from './registry-store.js';
import { storeDialectFor, type OpenTrackingStoreOptions } from './open-tracking-store.js';
import { SqlRegistryStore } from './sql/sql-registry-store.js';

/** Options of `openRegistryStore`: the clock plus PostgreSQL connection settings. */
export interface OpenRegistryStoreOptions extends Pick<
  OpenTrackingStoreOptions,
  'schema' | 'maxConnections'
> {
  readonly now?: () => number;
}

/**
 * Opens (and migrates) the Model Registry store alone, on its own connection; same URIs as the tracking
 * store. A process that also uses the tracking store should call `openStores` to share one connection.
 *
 * @example const registry = await openRegistryStore('sqlite:///mlflow.db');
 */
export function openRegistryStore(
  uri: string,
  options: OpenRegistryStoreOptions = {},
): Promise<RegistryStore> {
  const { now, ...connection } = options;
  return SqlRegistryStore.open(storeDialectFor(uri, connection), now === undefined ? {} : { now });
}
