import { LocalArtifactRepository } from '../artifacts/local/local-artifact-repository.js';
import { openStores } from '../store/open-stores.js';
import type { RegistryStore } from '../store/registry-store.js';
import type { TrackingStore } from '../store/tracking-store.js';
import { ArtifactLocations } from './artifact-locations.js';
import type { ServerConfig } from './config.js';
import type { App } from './http/app.js';
import type { UnexpectedErrorListener } from './http/error-response.js';
import { PACKAGED_UI_ROOT } from './routes/web-ui.js';
import { createTrackingApp } from './tracking-app.js';

/** A ready-to-serve tracking server: its app, its store, and how to release them. */
export interface ComposedServer {
  readonly app: App;
  readonly store: TrackingStore;
  readonly registry: RegistryStore;
  close(): Promise<void>;
}

/**
 * The composition root: turns a {@link ServerConfig} into a store (migrated), the artifact
 * repositories and the HTTP app. The only place that names implementations.
 *
 * @example
 * const { app, close } = await composeServer(config);
 * await startServer(app, config);
 */
export async function composeServer(
  config: ServerConfig,
  onUnexpectedError?: UnexpectedErrorListener,
): Promise<ComposedServer> {
  const stores = await openStores(config.backendStoreUri, {
    defaultArtifactRoot: config.defaultArtifactRoot,
  });
  const { tracking: store, registry } = stores;
  const artifactDestination = new LocalArtifactRepository(config.artifactsDestination);
  const locations = new ArtifactLocations(
    artifactDestination,
    (folder) => new LocalArtifactRepository(folder),
  );
  const app = createTrackingApp({
    store,
    registry,
    artifactsRoot: config.artifactsDestination,
    artifactDestination,
    serveArtifacts: config.serveArtifacts,
    locations,
    limits: config.limits,
    uiRoot: config.uiRoot ?? PACKAGED_UI_ROOT,
    ...(onUnexpectedError ? { onUnexpectedError } : {}),
  });
  return {
    app,
    store,
    registry,
    close: () => stores.close(),
  };
}
