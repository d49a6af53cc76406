// The REST API's JSON shapes (rest-api.md §2–§4), kept snake_case as on the wire so that they match
// MLflow's documentation and every other client. int64 values arrive as JSON numbers.

/** A key/value pair: experiment, run, logged-model and input tags, params. */
export interface KeyValue {
  readonly key: string;
  readonly value: string;
}

/** An experiment, as `experiments/get` returns it. */
export interface Experiment {
  readonly experiment_id: string;
  readonly name: string;
  readonly artifact_location: string;
  readonly lifecycle_stage: 'active' | 'deleted';
  readonly creation_time?: number;
  readonly last_update_time?: number;
  readonly tags?: readonly KeyValue[];
}

/** A run's status. */
export type RunStatus = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';

/** Which lifecycle stages a search returns. */
export type ViewType = 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';

/** A metric point. */
export interface Metric {
  readonly key: string;
  readonly value: number;
  readonly timestamp: number;
  readonly step: number;
  readonly model_id?: string;
  readonly dataset_name?: string;
  readonly dataset_digest?: string;
  readonly run_id?: string;
}

/** A run's identity and state. */
export interface RunInfo {
  readonly run_id: string;
  readonly run_name?: string;
  readonly experiment_id: string;
  readonly user_id?: string;
  readonly status: RunStatus;
  readonly start_time?: number;
  readonly end_time?: number;
  readonly artifact_uri: string;
  readonly lifecycle_stage: 'active' | 'deleted';
}

/** A dataset a run consumed. */
export interface DatasetInput {
  readonly tags?: readonly KeyValue[];
  readonly dataset: {
    readonly name: string;
    readonly digest: string;
    readonly source_type: string;
    readonly source: string;
    readonly schema?: string;
    readonly profile?: string;
  };
}

/** A logged model a run produced, at a step. */
export interface ModelOutput {
  readonly model_id: string;
  readonly step: number;
}

/** A run: info, latest metrics, params, tags, inputs and outputs. */
export interface Run {
  readonly info: RunInfo;
  readonly data: {
    readonly metrics?: readonly Metric[];
    readonly params?: readonly KeyValue[];
    readonly tags?: readonly KeyValue[];
  };
  readonly inputs?: {
    readonly dataset_inputs?: readonly DatasetInput[];
    readonly model_inputs?: readonly { readonly model_id: string }[];
  };
  readonly outputs?: { readonly model_outputs?: readonly ModelOutput[] };
}

/** A logged model's status on the wire. */
export type LoggedModelStatus =
  | 'LOGGED_MODEL_STATUS_UNSPECIFIED'
  | 'LOGGED_MODEL_PENDING'
  | 'LOGGED_MODEL_READY'
  | 'LOGGED_MODEL_UPLOAD_FAILED';

/** An MLflow 3 logged model. */
export interface LoggedModel {
  readonly info: {
    readonly model_id: string;
    readonly experiment_id: string;
    readonly name: string;
    readonly creation_timestamp_ms?: number;
    readonly last_updated_timestamp_ms?: number;
    readonly artifact_uri: string;
    readonly status: LoggedModelStatus;
    readonly model_type?: string;
    readonly source_run_id?: string;
    readonly tags?: readonly KeyValue[];
  };
  readonly data?: { readonly params?: readonly KeyValue[]; readonly metrics?: readonly Metric[] };
}

/** One entry of an artifact listing. */
export interface FileInfo {
  /** Relative to the listed root, such as `model/MLmodel`. */
  readonly path: string;
  readonly is_dir: boolean;
  readonly file_size?: number;
}

/** One page of a search, with the token of the next page when more may follow. */
export interface Page<T> {
  readonly items: T[];
  readonly nextPageToken?: string;
}
