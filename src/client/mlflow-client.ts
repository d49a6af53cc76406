import { ArtifactProxy } from './artifact-proxy.js';
import { ArtifactsClient } from './artifacts-client.js';
import { ExperimentsClient } from './experiments-client.js';
import { LoggedModelsClient } from './logged-models-client.js';
import { MetricsClient } from './metrics-client.js';
import { copyModelVersion } from './register-model.js';
import { RegistryClient } from './registry-client.js';
import { RestTransport, type RestTransportOptions } from './rest-transport.js';
import { RunsClient } from './runs-client.js';

/** How to reach the tracking server: its URI, plus optional retry policy and headers. */
export type MlflowClientOptions = RestTransportOptions;

/**
 * A client of an MLflow-compatible tracking server, mirroring MLflow's Python `MlflowClient` with
 * camelCased names. Each resource family lives in its own client (`experiments`, `runs`, `metrics`,
 * `artifacts`, `loggedModels`, `registry`); the flat methods only delegate to them.
 *
 * @example
 * const client = new MlflowClient({ trackingUri: 'http://127.0.0.1:5000' });
 * const run = await client.createRun(await client.createExperiment('churn'));
 * await client.logMetric(run.info.run_id, 'auc', 0.91);
 */
export class MlflowClient {
  readonly transport: RestTransport;
  readonly experiments: ExperimentsClient;
  readonly runs: RunsClient;
  readonly metrics: MetricsClient;
  readonly artifacts: ArtifactsClient;
  readonly loggedModels: LoggedModelsClient;
  /** The Model Registry: registered models and their versions. */
  readonly registry: RegistryClient;
  /** Raw access to the artifact proxy, for `mlflow-artifacts:` URIs. */
  readonly proxy: ArtifactProxy;

  constructor(options: MlflowClientOptions) {
    this.transport = new RestTransport(options);
    this.experiments = new ExperimentsClient(this.transport);
    this.runs = new RunsClient(this.transport);
    this.metrics = new MetricsClient(this.transport);
    this.artifacts = new ArtifactsClient(this.transport, this.runs);
    this.loggedModels = new LoggedModelsClient(this.transport);
    this.registry = new RegistryClient(this.transport);
    this.proxy = new ArtifactProxy(this.transport);
  }

  /** The tracking server's base URL. */
  get trackingUri(): string {
    return this.transport.trackingUri;
  }

  // experiments
  createExperiment(
    ...args: Parameters<ExperimentsClient['createExperiment']>
  ): ReturnType<ExperimentsClient['createExperiment']> {
    return this.experiments.createExperiment(...args);
  }
  getExperiment(
    ...args: Parameters<ExperimentsClient['getExperiment']>
  ): ReturnType<ExperimentsClient['getExperiment']> {
    return this.experiments.getExperiment(...args);
  }
  getExperimentByName(
    ...args: Parameters<ExperimentsClient['getExperimentByName']>
  ): ReturnType<ExperimentsClient['getExperimentByName']> {
    return this.experiments.getExperimentByName(...args);
  }
  searchExperiments(
    ...args: Parameters<ExperimentsClient['searchExperiments']>
  ): ReturnType<ExperimentsClient['searchExperiments']> {
    return this.experiments.searchExperiments(...args);
  }
  deleteExperiment(
    ...args: Parameters<ExperimentsClient['deleteExperiment']>
  ): ReturnType<ExperimentsClient['deleteExperiment']> {
    return this.experiments.deleteExperiment(...args);
  }
  restoreExperiment(
    ...args: Parameters<ExperimentsClient['restoreExperiment']>
  ): ReturnType<ExperimentsClient['restoreExperiment']> {
    return this.experiments.restoreExperiment(...args);
  }
  renameExperiment(
    ...args: Parameters<ExperimentsClient['renameExperiment']>
  ): ReturnType<ExperimentsClient['renameExperiment']> {
    return this.experiments.renameExperiment(...args);
  }
  setExperimentTag(
    ...args: Parameters<ExperimentsClient['setExperimentTag']>
  ): ReturnType<ExperimentsClient['setExperimentTag']> {
    return this.experiments.setExperimentTag(...args);
  }
  // runs
  createRun(...args: Parameters<RunsClient['createRun']>): ReturnType<RunsClient['createRun']> {
    return this.runs.createRun(...args);
  }
  getRun(...args: Parameters<RunsClient['getRun']>): ReturnType<RunsClient['getRun']> {
    return this.runs.getRun(...args);
  }
  updateRun(...args: Parameters<RunsClient['updateRun']>): ReturnType<RunsClient['updateRun']> {
    return this.runs.updateRun(...args);
  }
  setTerminated(...args: Parameters<RunsClient['setTerminated']>): ReturnType<RunsClient['setTerminated']> {
    return this.runs.setTerminated(...args);
  }
  deleteRun(...args: Parameters<RunsClient['deleteRun']>): ReturnType<RunsClient['deleteRun']> {
    return this.runs.deleteRun(...args);
  }
  restoreRun(...args: Parameters<RunsClient['restoreRun']>): ReturnType<RunsClient['restoreRun']> {
    return this.runs.restoreRun(...args);
  }
  searchRuns(...args: Parameters<RunsClient['searchRuns']>): ReturnType<RunsClient['searchRuns']> {
    return this.runs.searchRuns(...args);
  }
  searchAllRuns(...args: Parameters<RunsClient['searchAllRuns']>): ReturnType<RunsClient['searchAllRuns']> {
    return this.runs.searchAllRuns(...args);
  }
  logParam(...args: Parameters<RunsClient['logParam']>): ReturnType<RunsClient['logParam']> {
    return this.runs.logParam(...args);
  }
  setTag(...args: Parameters<RunsClient['setTag']>): ReturnType<RunsClient['setTag']> {
    return this.runs.setTag(...args);
  }
  deleteTag(...args: Parameters<RunsClient['deleteTag']>): ReturnType<RunsClient['deleteTag']> {
    return this.runs.deleteTag(...args);
  }
  logBatch(...args: Parameters<RunsClient['logBatch']>): ReturnType<RunsClient['logBatch']> {
    return this.runs.logBatch(...args);
  }
  logInputs(...args: Parameters<RunsClient['logInputs']>): ReturnType<RunsClient['logInputs']> {
    return this.runs.logInputs(...args);
  }
  logOutputs(...args: Parameters<RunsClient['logOutputs']>): ReturnType<RunsClient['logOutputs']> {
    return this.runs.logOutputs(...args);
  }
  // metrics
  logMetric(...args: Parameters<MetricsClient['logMetric']>): ReturnType<MetricsClient['logMetric']> {
    return this.metrics.logMetric(...args);
  }
  getMetricHistory(
    ...args: Parameters<MetricsClient['getMetricHistory']>
  ): ReturnType<MetricsClient['getMetricHistory']> {
    return this.metrics.getMetricHistory(...args);
  }
  // artifacts
  listArtifacts(
    ...args: Parameters<ArtifactsClient['listArtifacts']>
  ): ReturnType<ArtifactsClient['listArtifacts']> {
    return this.artifacts.listArtifacts(...args);
  }
  logArtifact(
    ...args: Parameters<ArtifactsClient['logArtifact']>
  ): ReturnType<ArtifactsClient['logArtifact']> {
    return this.artifacts.logArtifact(...args);
  }
  logArtifacts(
    ...args: Parameters<ArtifactsClient['logArtifacts']>
  ): ReturnType<ArtifactsClient['logArtifacts']> {
    return this.artifacts.logArtifacts(...args);
  }
  downloadArtifacts(
    ...args: Parameters<ArtifactsClient['downloadArtifacts']>
  ): ReturnType<ArtifactsClient['downloadArtifacts']> {
    return this.artifacts.downloadArtifacts(...args);
  }
  // loggedModels
  createLoggedModel(
    ...args: Parameters<LoggedModelsClient['createLoggedModel']>
  ): ReturnType<LoggedModelsClient['createLoggedModel']> {
    return this.loggedModels.createLoggedModel(...args);
  }
  getLoggedModel(
    ...args: Parameters<LoggedModelsClient['getLoggedModel']>
  ): ReturnType<LoggedModelsClient['getLoggedModel']> {
    return this.loggedModels.getLoggedModel(...args);
  }
  finalizeLoggedModel(
    ...args: Parameters<LoggedModelsClient['finalizeLoggedModel']>
  ): ReturnType<LoggedModelsClient['finalizeLoggedModel']> {
    return this.loggedModels.finalizeLoggedModel(...args);
  }
  searchLoggedModels(
    ...args: Parameters<LoggedModelsClient['searchLoggedModels']>
  ): ReturnType<LoggedModelsClient['searchLoggedModels']> {
    return this.loggedModels.searchLoggedModels(...args);
  }
  setLoggedModelTags(
    ...args: Parameters<LoggedModelsClient['setLoggedModelTags']>
  ): ReturnType<LoggedModelsClient['setLoggedModelTags']> {
    return this.loggedModels.setLoggedModelTags(...args);
  }
  // registry
  createRegisteredModel(
    ...args: Parameters<RegistryClient['createRegisteredModel']>
  ): ReturnType<RegistryClient['createRegisteredModel']> {
    return this.registry.createRegisteredModel(...args);
  }
  getRegisteredModel(
    ...args: Parameters<RegistryClient['getRegisteredModel']>
  ): ReturnType<RegistryClient['getRegisteredModel']> {
    return this.registry.getRegisteredModel(...args);
  }
  renameRegisteredModel(
    ...args: Parameters<RegistryClient['renameRegisteredModel']>
  ): ReturnType<RegistryClient['renameRegisteredModel']> {
    return this.registry.renameRegisteredModel(...args);
  }
  updateRegisteredModel(
    ...args: Parameters<RegistryClient['updateRegisteredModel']>
  ): ReturnType<RegistryClient['updateRegisteredModel']> {
    return this.registry.updateRegisteredModel(...args);
  }
  deleteRegisteredModel(
    ...args: Parameters<RegistryClient['deleteRegisteredModel']>
  ): ReturnType<RegistryClient['deleteRegisteredModel']> {
    return this.registry.deleteRegisteredModel(...args);
  }
  searchRegisteredModels(
    ...args: Parameters<RegistryClient['searchRegisteredModels']>
  ): ReturnType<RegistryClient['searchRegisteredModels']> {
    return this.registry.searchRegisteredModels(...args);
  }
  getLatestVersions(
    ...args: Parameters<RegistryClient['getLatestVersions']>
  ): ReturnType<RegistryClient['getLatestVersions']> {
    return this.registry.getLatestVersions(...args);
  }
  setRegisteredModelTag(
    ...args: Parameters<RegistryClient['setRegisteredModelTag']>
  ): ReturnType<RegistryClient['setRegisteredModelTag']> {
    return this.registry.setRegisteredModelTag(...args);
  }
  deleteRegisteredModelTag(
    ...args: Parameters<RegistryClient['deleteRegisteredModelTag']>
  ): ReturnType<RegistryClient['deleteRegisteredModelTag']> {
    return this.registry.deleteRegisteredModelTag(...args);
  }
  setRegisteredModelAlias(
    ...args: Parameters<RegistryClient['setRegisteredModelAlias']>
  ): ReturnType<RegistryClient['setRegisteredModelAlias']> {
    return this.registry.setRegisteredModelAlias(...args);
  }
  deleteRegisteredModelAlias(
    ...args: Parameters<RegistryClient['deleteRegisteredModelAlias']>
  ): ReturnType<RegistryClient['deleteRegisteredModelAlias']> {
    return this.registry.deleteRegisteredModelAlias(...args);
  }
  getModelVersionByAlias(
    ...args: Parameters<RegistryClient['getModelVersionByAlias']>
  ): ReturnType<RegistryClient['getModelVersionByAlias']> {
    return this.registry.getModelVersionByAlias(...args);
  }
  createModelVersion(
    ...args: Parameters<RegistryClient['createModelVersion']>
  ): ReturnType<RegistryClient['createModelVersion']> {
    return this.registry.createModelVersion(...args);
  }
  getModelVersion(
    ...args: Parameters<RegistryClient['getModelVersion']>
  ): ReturnType<RegistryClient['getModelVersion']> {
    return this.registry.getModelVersion(...args);
  }
  updateModelVersion(
    ...args: Parameters<RegistryClient['updateModelVersion']>
  ): ReturnType<RegistryClient['updateModelVersion']> {
    return this.registry.updateModelVersion(...args);
  }
  deleteModelVersion(
    ...args: Parameters<RegistryClient['deleteModelVersion']>
  ): ReturnType<RegistryClient['deleteModelVersion']> {
    return this.registry.deleteModelVersion(...args);
  }
  searchModelVersions(
    ...args: Parameters<RegistryClient['searchModelVersions']>
  ): ReturnType<RegistryClient['searchModelVersions']> {
    return this.registry.searchModelVersions(...args);
  }
  getModelVersionDownloadUri(
    ...args: Parameters<RegistryClient['getModelVersionDownloadUri']>
  ): ReturnType<RegistryClient['getModelVersionDownloadUri']> {
    return this.registry.getModelVersionDownloadUri(...args);
  }
  transitionModelVersionStage(
    ...args: Parameters<RegistryClient['transitionModelVersionStage']>
  ): ReturnType<RegistryClient['transitionModelVersionStage']> {
    return this.registry.transitionModelVersionStage(...args);
  }
  setModelVersionTag(
    ...args: Parameters<RegistryClient['setModelVersionTag']>
  ): ReturnType<RegistryClient['setModelVersionTag']> {
    return this.registry.setModelVersionTag(...args);
  }
  deleteModelVersionTag(
    ...args: Parameters<RegistryClient['deleteModelVersionTag']>
  ): ReturnType<RegistryClient['deleteModelVersionTag']> {
    return this.registry.deleteModelVersionTag(...args);
  }
  /** Copies a registered version into another registered model, as `copy_model_version`. */
  copyModelVersion(srcModelUri: string, dstName: string): ReturnType<typeof copyModelVersion> {
    return copyModelVersion(this, srcModelUri, dstName);
  }
}
