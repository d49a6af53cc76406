import type { Kysely } from 'kysely';
import { runTrackingMigrations } from '../migrations/run-migrations.js';
import type {
  CreateExperimentInput,
  CreateLoggedModelInput,
  CreateRunInput,
  Experiment,
  ExperimentTag,
  LogBatchInput,
  LogInputsInput,
  LoggedModel,
  LoggedModelParameter,
  LoggedModelStatus,
  LoggedModelTag,
  Metric,
  MetricHistoryBulkIntervalInput,
  MetricHistoryInput,
  MetricWithRunId,
  ModelOutput,
  Page,
  Param,
  Run,
  RunInfo,
  RunTag,
  SearchExperimentsInput,
  SearchLoggedModelsInput,
  SearchRunsInput,
  TrackingStore,
  UpdateRunInput,
} from '../tracking-store.js';
import type { TrackingDatabase } from './database.js';
import { metricHistoryBulkInterval } from './metric-bulk-interval.js';
import type { SqlContext } from './sql-context.js';
import { SqlExperimentStore } from './sql-experiment-store.js';
import { SqlLoggedModelStore } from './sql-logged-model-store.js';
import { SqlMetricStore } from './sql-metric-store.js';
import { SqlRunIoStore } from './sql-run-io-store.js';
import { SqlRunStore } from './sql-run-store.js';
import type { StoreDialect } from './store-dialect.js';

/** Options of the SQL tracking store that do not depend on the dialect. */
export interface SqlTrackingStoreOptions {
  /** Root under which new experiments get `<root>/<id>`; default `mlflow-artifacts:/`. */
  readonly defaultArtifactRoot?: string;
  /** Clock in epoch milliseconds (tests pin it). */
  readonly now?: () => number;
}

/**
 * The tracking store over any SQL dialect; it delegates to one class per resource family.
 *
 * @example const store = await SqlTrackingStore.open(sqliteStoreDialect('/tmp/m.db'));
 */
export class SqlTrackingStore implements TrackingStore {
  private readonly experiments: SqlExperimentStore;
  private readonly runs: SqlRunStore;
  private readonly metrics: SqlMetricStore;
  private readonly runIo: SqlRunIoStore;
  private readonly models: SqlLoggedModelStore;

  private constructor(private readonly ctx: SqlContext) {
    this.experiments = new SqlExperimentStore(ctx);
    this.runs = new SqlRunStore(ctx, this.experiments);
    this.metrics = new SqlMetricStore(ctx, this.runs);
    this.runIo = new SqlRunIoStore(ctx, this.runs);
    this.models = new SqlLoggedModelStore(ctx, this.experiments);
  }

  /** Opens the database, migrates it to the latest schema and makes sure experiment "0" exists. */
  static async open(dialect: StoreDialect, options: SqlTrackingStoreOptions = {}): Promise<SqlTrackingStore> {
    const db: Kysely<TrackingDatabase> = dialect.createKysely();
    try {
      await runTrackingMigrations(db as unknown as Kysely<unknown>, dialect);
      const store = new SqlTrackingStore({
        db,
        caps: dialect.capabilities,
        defaultArtifactRoot: options.defaultArtifactRoot ?? 'mlflow-artifacts:/',
        now: options.now ?? Date.now,
      });
      await store.experiments.ensureDefaultExperiment();
      return store;
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }

  createExperiment(input: CreateExperimentInput): Promise<string> {
    return this.experiments.create(input);
  }
  getExperiment(experimentId: string): Promise<Experiment> {
    return this.experiments.get(experimentId);
  }
  getExperimentByName(name: string): Promise<Experiment> {
    return this.experiments.getByName(name);
  }
  searchExperiments(input: SearchExperimentsInput): Promise<Page<Experiment>> {
    return this.experiments.search(input);
  }
  renameExperiment(experimentId: string, newName: string): Promise<void> {
    return this.experiments.rename(experimentId, newName);
  }
  deleteExperiment(experimentId: string): Promise<void> {
    return this.experiments.setLifecycle(experimentId, 'deleted');
  }
  restoreExperiment(experimentId: string): Promise<void> {
    return this.experiments.setLifecycle(experimentId, 'active');
  }
  setExperimentTag(experimentId: string, tag: ExperimentTag): Promise<void> {
    return this.experiments.setTag(experimentId, tag);
  }
  deleteExperimentTag(experimentId: string, key: string): Promise<void> {
    return this.experiments.deleteTag(experimentId, key);
  }

  createRun(input: CreateRunInput): Promise<Run> {
    return this.runs.create(input);
  }
  getRun(runId: string): Promise<Run> {
    return this.runs.get(runId);
  }
  updateRun(runId: string, input: UpdateRunInput): Promise<RunInfo> {
    return this.runs.update(runId, input);
  }
  deleteRun(runId: string): Promise<void> {
    return this.runs.setLifecycle(runId, 'deleted');
  }
  restoreRun(runId: string): Promise<void> {
    return this.runs.setLifecycle(runId, 'active');
  }
  searchRuns(input: SearchRunsInput): Promise<Page<Run>> {
    return this.runs.search(input);
  }
  setTag(runId: string, tag: RunTag): Promise<void> {
    return this.runs.setTag(runId, tag);
  }
  deleteTag(runId: string, key: string): Promise<void> {
    return this.runs.deleteTag(runId, key);
  }
  logMetric(runId: string, metric: Metric): Promise<void> {
    return this.metrics.logMetric(runId, metric);
  }
  logParam(runId: string, param: Param): Promise<void> {
    return this.runs.logParam(runId, param);
  }
  logBatch(runId: string, input: LogBatchInput): Promise<void> {
    return this.metrics.logBatch(runId, input);
  }
  logInputs(runId: string, input: LogInputsInput): Promise<void> {
    return this.runIo.logInputs(runId, input);
  }
  logOutputs(runId: string, models: ModelOutput[]): Promise<void> {
    return this.runIo.logOutputs(runId, models);
  }

  getMetricHistory(runId: string, metricKey: string, input?: MetricHistoryInput): Promise<Page<Metric>> {
    return this.metrics.history(runId, metricKey, input);
  }
  getMetricHistoryBulkInterval(input: MetricHistoryBulkIntervalInput): Promise<MetricWithRunId[]> {
    return metricHistoryBulkInterval(this.ctx, input);
  }

  createLoggedModel(input: CreateLoggedModelInput): Promise<LoggedModel> {
    return this.models.create(input);
  }
  getLoggedModel(modelId: string): Promise<LoggedModel> {
    return this.models.get(modelId);
  }
  finalizeLoggedModel(modelId: string, status: LoggedModelStatus): Promise<LoggedModel> {
    return this.models.finalize(modelId, status);
  }
  deleteLoggedModel(modelId: string): Promise<void> {
    return this.models.delete(modelId);
  }
  searchLoggedModels(input: SearchLoggedModelsInput): Promise<Page<LoggedModel>> {
    return this.models.search(input);
  }
  setLoggedModelTags(modelId: string, tags: LoggedModelTag[]): Promise<void> {
    return this.models.setTags(modelId, tags);
  }
  deleteLoggedModelTag(modelId: string, key: string): Promise<void> {
    return this.models.deleteTag(modelId, key);
  }
  logLoggedModelParams(modelId: string, params: LoggedModelParameter[]): Promise<void> {
    return this.models.logParams(modelId, params);
  }

  close(): Promise<void> {
    return this.ctx.db.destroy();
  }
}
