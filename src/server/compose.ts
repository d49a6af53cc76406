import { LocalArtifactRepository } from '../artifacts/local/local-artifact-repository.js';
import { openTrackingStore } from '../store/open-tracking-store.js';
import type { TrackingStore } from '../store/tracking-store.js';
import { ArtifactLocations } from './artifact-locations.js';
import type { ServerConfig } from './config.js';
import type { App } from './http/app.js';
import type { UnexpectedErrorListener } from './http/error-response.js';
import { createTrackingApp } from './tracking-app.js';

/** A ready-to-serve tracking server: its app, its store, and how to release them. */
export interface ComposedServer {
  readonly app: App;
  readonly store: TrackingStore;
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
  const store = await openTrackingStore(config.backendStoreUri, {
    defaultArtifactRoot: config.defaultArtifactRoot,
  });
  const artifactDestination = new LocalArtifactRepository(config.artifactsDestination);
  const locations = new ArtifactLocations(
    artifactDestination,
    (folder) => new LocalArtifactRepository(folder),
  );
  const app = createTrackingApp({
    store,
    artifactDestination,
    serveArtifacts: config.serveArtifacts,
    locations,
    limits: config.limits,
    ...(onUnexpectedError ? { onUnexpectedError } : {}),
  });
  return { app, store, close: () => store.close() };
}
