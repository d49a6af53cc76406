/**
 * The tracking store contract: experiments, runs, metrics and MLflow 3 logged models.
 *
 * Entity types use MLflow's proto field names in snake_case (`experiment_id`, `start_time`), so the
 * HTTP layer can serialise them as they are: int64 fields are JS numbers (milliseconds fit in 2^53),
 * enums are their proto names, optional fields are absent (never `null`). Repeated fields are always
 * arrays here, possibly empty; the wire layer omits the empty ones. Method arguments are camelCase.
 *
 * Every failure is an {@link MlflowError} with MLflow's error code and message: unknown ids are
 * RESOURCE_DOES_NOT_EXIST, duplicate names RESOURCE_ALREADY_EXISTS, bad keys/values/filters/page
 * tokens INVALID_PARAMETER_VALUE, acting on a deleted experiment or run INVALID_STATE or
 * INVALID_PARAMETER_VALUE as MLflow does. The store validates business rules (key names, lengths,
 * immutable params, lifecycle); the HTTP layer only checks required fields and JSON types.
 */
import type { MlflowError } from '../core/mlflow-error.js';

export type LifecycleStage = 'active' | 'deleted';
export type ViewType = 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';
export type RunStatus = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';
export type LoggedModelStatus =
  | 'LOGGED_MODEL_STATUS_UNSPECIFIED'
  | 'LOGGED_MODEL_PENDING'
  | 'LOGGED_MODEL_READY'
  | 'LOGGED_MODEL_UPLOAD_FAILED';

/** A key/value pair: the shape of every tag and param message. */
export interface KeyValue {
  key: string;
  value: string;
}
export type ExperimentTag = KeyValue;
export type RunTag = KeyValue;
export type Param = KeyValue;
export type InputTag = KeyValue;
export type LoggedModelTag = KeyValue;
export type LoggedModelParameter = KeyValue;

export interface Experiment {
  experiment_id: string;
  name: string;
  artifact_location: string;
  lifecycle_stage: LifecycleStage;
  creation_time: number;
  last_update_time: number;
  tags: ExperimentTag[];
}

/** One metric point; `value` may be NaN or ±Infinity. */
export interface Metric {
  key: string;
  value: number;
  timestamp: number;
  step: number;
  dataset_name?: string;
  dataset_digest?: string;
  model_id?: string;
  run_id?: string;
}

export interface MetricWithRunId {
  key: string;
  value: number;
  timestamp: number;
  step: number;
  run_id: string;
}

export interface RunInfo {
  run_id: string;
  /** Same value as `run_id` (deprecated proto field). */
  run_uuid: string;
  run_name: string;
  experiment_id: string;
  user_id: string;
  status: RunStatus;
  start_time: number;
  end_time?: number;
  artifact_uri: string;
  lifecycle_stage: LifecycleStage;
}

export interface RunData {
  /** The latest point per key (max of step, timestamp, value). */
  metrics: Metric[];
  params: Param[];
  tags: RunTag[];
}

export interface Dataset {
  name: string;
  digest: string;
  source_type: string;
  source: string;
  schema?: string;
  profile?: string;
}

export interface DatasetInput {
  tags: InputTag[];
  dataset: Dataset;
}

export interface ModelInput {
  model_id: string;
}

export interface ModelOutput {
  model_id: string;
  step: number;
}

export interface RunInputs {
  dataset_inputs: DatasetInput[];
  model_inputs: ModelInput[];
}

export interface RunOutputs {
  model_outputs: ModelOutput[];
}

export interface Run {
  info: RunInfo;
  data: RunData;
  inputs: RunInputs;
  outputs: RunOutputs;
}

export interface LoggedModelInfo {
  model_id: string;
  experiment_id: string;
  name: string;
  creation_timestamp_ms: number;
  last_updated_timestamp_ms: number;
  artifact_uri: string;
  status: LoggedModelStatus;
  model_type?: string;
  source_run_id?: string;
  status_message?: string;
  tags: LoggedModelTag[];
}

export interface LoggedModelData {
  params: LoggedModelParameter[];
  /** Every metric point linked to the model, with `run_id` and dataset fields when known. */
  metrics: Metric[];
}

export interface LoggedModel {
  info: LoggedModelInfo;
  data: LoggedModelData;
}

/** One page of a search; `nextPageToken` is present when more results may exist. */
export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

export interface CreateExperimentInput {
  name: string;
  /** Absent means `<defaultArtifactRoot>/<new id>`. */
  artifactLocation?: string;
  tags?: ExperimentTag[];
}

export interface SearchExperimentsInput {
  filter?: string;
  orderBy?: string[];
  viewType?: ViewType;
  /** Default 1000, at most 50 000. */
  maxResults?: number;
  pageToken?: string;
}

export interface CreateRunInput {
  /** Absent means the Default experiment "0". */
  experimentId?: string;
  userId?: string;
  runName?: string;
  /** Absent means now. */
  startTime?: number;
  tags?: RunTag[];
}

export interface UpdateRunInput {
  status?: RunStatus;
  endTime?: number;
  runName?: string;
}

export interface SearchRunsInput {
  experimentIds: string[];
  filter?: string;
  runViewType?: ViewType;
  /** Default 1000, at most 50 000. */
  maxResults?: number;
  orderBy?: string[];
  pageToken?: string;
}

export interface LogBatchInput {
  metrics?: Metric[];
  params?: Param[];
  tags?: RunTag[];
}

export interface LogInputsInput {
  datasets?: DatasetInput[];
  models?: ModelInput[];
}

export interface MetricHistoryInput {
  /** Absent or 0 means all points. */
  maxResults?: number;
  pageToken?: string;
}

export interface MetricHistoryBulkIntervalInput {
  runIds: string[];
  metricKey: string;
  startStep?: number;
  endStep?: number;
  /** 1..2500, default 2500. */
  maxResults?: number;
}

export interface CreateLoggedModelInput {
  experimentId: string;
  /** Absent means a random name. */
  name?: string;
  modelType?: string;
  sourceRunId?: string;
  params?: LoggedModelParameter[];
  tags?: LoggedModelTag[];
}

export interface LoggedModelDatasetFilter {
  dataset_name: string;
  dataset_digest?: string;
}

export interface LoggedModelOrderBy {
  field_name: string;
  /** Default true. */
  ascending?: boolean;
  dataset_name?: string;
  dataset_digest?: string;
}

export interface SearchLoggedModelsInput {
  experimentIds: string[];
  filter?: string;
  datasets?: LoggedModelDatasetFilter[];
  /** Default 50. */
  maxResults?: number;
  orderBy?: LoggedModelOrderBy[];
  pageToken?: string;
}

/**
 * Everything the tracking server needs from its database; implementations are chosen only by
 * `openTrackingStore`.
 *
 * @example
 * const store = await openTrackingStore('sqlite:///mlflow.db');
 * const id = await store.createExperiment({ name: 'exp' });
 * const run = await store.createRun({ experimentId: id, runName: 'first' });
 * await store.logMetric(run.info.run_id, { key: 'acc', value: 0.9, timestamp: Date.now(), step: 0 });
 * await store.close();
 */
export interface TrackingStore {
  // Experiments
  createExperiment(input: CreateExperimentInput): Promise<string>;
  getExperiment(experimentId: string): Promise<Experiment>;
  /** Prefers an active experiment over a deleted one of the same name. */
  getExperimentByName(name: string): Promise<Experiment>;
  searchExperiments(input: SearchExperimentsInput): Promise<Page<Experiment>>;
  renameExperiment(experimentId: string, newName: string): Promise<void>;
  /** Soft delete; also soft-deletes the experiment's runs. */
  deleteExperiment(experimentId: string): Promise<void>;
  restoreExperiment(experimentId: string): Promise<void>;
  setExperimentTag(experimentId: string, tag: ExperimentTag): Promise<void>;
  deleteExperimentTag(experimentId: string, key: string): Promise<void>;

  // Runs
  createRun(input: CreateRunInput): Promise<Run>;
  getRun(runId: string): Promise<Run>;
  updateRun(runId: string, input: UpdateRunInput): Promise<RunInfo>;
  deleteRun(runId: string): Promise<void>;
  restoreRun(runId: string): Promise<void>;
  searchRuns(input: SearchRunsInput): Promise<Page<Run>>;
  /** Upsert; the key `mlflow.runName` also renames the run. */
  setTag(runId: string, tag: RunTag): Promise<void>;
  deleteTag(runId: string, key: string): Promise<void>;
  logMetric(runId: string, metric: Metric): Promise<void>;
  logParam(runId: string, param: Param): Promise<void>;
  /** Writes all rows in one transaction. */
  logBatch(runId: string, input: LogBatchInput): Promise<void>;
  logInputs(runId: string, input: LogInputsInput): Promise<void>;
  logOutputs(runId: string, models: ModelOutput[]): Promise<void>;

  // Metrics
  /** Points ordered by timestamp, step, value; unknown key → empty page, unknown run → 404. */
  getMetricHistory(runId: string, metricKey: string, input?: MetricHistoryInput): Promise<Page<Metric>>;
  getMetricHistoryBulkInterval(input: MetricHistoryBulkIntervalInput): Promise<MetricWithRunId[]>;

  // Logged models (MLflow 3)
  createLoggedModel(input: CreateLoggedModelInput): Promise<LoggedModel>;
  /** Deleted or unknown → RESOURCE_DOES_NOT_EXIST. */
  getLoggedModel(modelId: string): Promise<LoggedModel>;
  finalizeLoggedModel(modelId: string, status: LoggedModelStatus): Promise<LoggedModel>;
  deleteLoggedModel(modelId: string): Promise<void>;
  searchLoggedModels(input: SearchLoggedModelsInput): Promise<Page<LoggedModel>>;
  setLoggedModelTags(modelId: string, tags: LoggedModelTag[]): Promise<void>;
  deleteLoggedModelTag(modelId: string, key: string): Promise<void>;
  logLoggedModelParams(modelId: string, params: LoggedModelParameter[]): Promise<void>;

  close(): Promise<void>;
}

/** What store methods throw; re-exported so callers can `instanceof` without reaching into core. */
export type TrackingStoreError = MlflowError;
