import type { ArtifactRepository } from '../artifacts/artifact-repository.js';
import type { RegistryStore } from '../store/registry-store.js';
import type { TrackingStore } from '../store/tracking-store.js';
import type { ArtifactLocations } from './artifact-locations.js';
import { type App, createApp } from './http/app.js';
import type { UnexpectedErrorListener } from './http/error-response.js';
import type { HttpLimits } from './http/http-types.js';
import { artifactRoutes } from './routes/artifacts.js';
import { experimentRoutes } from './routes/experiments.js';
import { loggedModelRoutes } from './routes/logged-models.js';
import { metaRoutes } from './routes/meta.js';
import { metricRoutes } from './routes/metrics.js';
import { mlflowArtifactRoutes } from './routes/mlflow-artifacts.js';
import { modelVersionArtifactRoute } from './routes/model-version-artifacts.js';
import { modelVersionRoutes } from './routes/model-versions.js';
import { registeredModelRoutes } from './routes/registered-models.js';
import { runRoutes } from './routes/runs.js';
import { webUiRoutes } from './routes/web-ui.js';

/** What the tracking server app is built from; {@link composeServer} fills it from config. */
export interface TrackingAppDependencies {
  readonly store: TrackingStore;
  /** The Model Registry; without it the registry endpoints are not mounted. */
  readonly registry?: RegistryStore;
  /** Local folder that bounds local model-version sources (the `--artifacts-destination`). */
  readonly artifactsRoot?: string;
  /** The repository behind `/mlflow-artifacts` (the `--artifacts-destination` folder). */
  readonly artifactDestination: ArtifactRepository;
  readonly serveArtifacts: boolean;
  /** Resolves run and logged-model artifact URIs to repositories. */
  readonly locations: ArtifactLocations;
  readonly limits?: Partial<HttpLimits>;
  readonly onUnexpectedError?: UnexpectedErrorListener;
  /** The built web UI folder (index.html + static-files/); without it `/` is not mounted. */
  readonly uiRoot?: string;
}

function registryRoutes(deps: TrackingAppDependencies, registry: RegistryStore) {
  return [
    ...registeredModelRoutes(registry),
    ...modelVersionRoutes(registry, deps.artifactsRoot),
    modelVersionArtifactRoute(registry, deps.store, deps.locations),
  ];
}

/**
 * The tracking server's HTTP app: every route module mounted on one router.
 *
 * @example
 * const app = createTrackingApp({ store, artifactDestination, serveArtifacts: true, locations });
 * await app.request('/api/2.0/mlflow/experiments/get?experiment_id=0');
 */
export function createTrackingApp(deps: TrackingAppDependencies): App {
  const routes = [
    ...metaRoutes(),
    ...experimentRoutes(deps.store),
    ...runRoutes(deps.store),
    ...metricRoutes(deps.store),
    ...loggedModelRoutes(deps.store, deps.locations),
    ...artifactRoutes(deps.store, deps.locations),
    ...mlflowArtifactRoutes(deps.artifactDestination, deps.serveArtifacts),
    ...(deps.registry ? registryRoutes(deps, deps.registry) : []),
    ...(deps.uiRoot !== undefined ? webUiRoutes(deps.uiRoot) : []),
  ];
  return createApp({
    routes,
    ...(deps.limits ? { limits: deps.limits } : {}),
    ...(deps.onUnexpectedError ? { onUnexpectedError: deps.onUnexpectedError } : {}),
  });
}
