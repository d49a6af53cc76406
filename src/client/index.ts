/**
 * Modeldock's TypeScript SDK (`modeldock/client`): an MLflow-style tracking client, the fluent run
 * API, the Model Registry, and model URI resolvers for `runs:/`, `models:/` and `mlflow-artifacts:/`.
 */
export { MlflowClient, type MlflowClientOptions } from './mlflow-client.js';
export {
  RestTransport,
  type RestTransportOptions,
  type RetryPolicy,
  errorFromResponse,
} from './rest-transport.js';
export { trackingUriFromEnv } from './tracking-uri-from-env.js';
export { paginate } from './paginate.js';
export type * from './entities.js';
export { ExperimentsClient, type SearchExperimentsOptions } from './experiments-client.js';
export {
  RunsClient,
  type CreateRunOptions,
  type LogBatchOptions,
  type SearchRunsOptions,
} from './runs-client.js';
export { MetricsClient, type MetricInput } from './metrics-client.js';
export { ArtifactsClient, type LogArtifactOptions } from './artifacts-client.js';
export {
  LoggedModelsClient,
  type CreateLoggedModelOptions,
  type SearchLoggedModelsOptions,
} from './logged-models-client.js';
export {
  ArtifactProxy,
  proxyPathOf,
  type ProgressCallback,
  type TransferProgress,
} from './artifact-proxy.js';
export { logModelToRun, type LoggedModelInfo, type LogModelOptions } from './log-model.js';
export * from './fluent.js';
export { ensureActiveRun } from './active-run.js';
export { ModelCache } from './model-cache.js';
export {
  loggedModelUriResolver,
  mlflowArtifactsUriResolver,
  runsUriResolver,
  runsUriTarget,
  type RunsUriTarget,
  trackingResolvers,
  type TrackingResolverOptions,
} from './model-uri-resolvers.js';
export {
  RegistryClient,
  type CreateModelVersionOptions,
  type ModelVersion,
  type ModelVersionStatus,
  type RegisteredModel,
  type RegistrySearchOptions,
  type VersionNumber,
} from './registry-client.js';
export {
  awaitModelVersionReady,
  copyModelVersion,
  registerModel,
  type RegisterModelOptions,
} from './register-model.js';
export {
  parseModelsUri,
  REGISTERED_MODEL_META_FILE,
  registeredVersionKey,
  registryUriResolver,
  resolveModelVersion,
  type ModelsUriTarget,
  type ParsedModelsUri,
  type RegistryUriResolverOptions,
} from './registry-uri-resolver.js';
export { WebClient } from './web-client.js';
export { ArtifactReader } from './artifact-reader.js';
