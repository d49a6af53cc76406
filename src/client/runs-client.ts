import type {
  DatasetInput,
  KeyValue,
  ModelOutput,
  Page,
  Run,
  RunInfo,
  RunStatus,
  ViewType,
} from './entities.js';
import { type MetricInput, metricJson } from './metrics-client.js';
import { paginate, toPage } from './paginate.js';
import type { RestTransport } from './rest-transport.js';

const API = '/api/2.0/mlflow/runs';

/** Options of {@link RunsClient.createRun}. */
export interface CreateRunOptions {
  readonly runName?: string;
  readonly startTime?: number;
  readonly userId?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/** Filters of {@link RunsClient.searchRuns}. */
export interface SearchRunsOptions {
  readonly experimentIds: readonly string[];
  readonly filter?: string;
  readonly runViewType?: ViewType;
  readonly maxResults?: number;
  readonly orderBy?: readonly string[];
  readonly pageToken?: string;
}

/** What {@link RunsClient.logBatch} writes in one request. */
export interface LogBatchOptions {
  readonly metrics?: readonly MetricInput[];
  readonly params?: Readonly<Record<string, string | number | boolean>>;
  readonly tags?: Readonly<Record<string, string>>;
}

function pairs(
  record: Readonly<Record<string, string | number | boolean>> | undefined,
): KeyValue[] | undefined {
  return record === undefined
    ? undefined
    : Object.entries(record).map(([key, value]) => ({ key, value: String(value) }));
}

/**
 * Runs: create, read, update, delete, search, and log params, tags, batches, inputs and outputs.
 *
 * @example const run = await new RunsClient(transport).createRun('0', { runName: 'baseline' });
 */
export class RunsClient {
  constructor(private readonly transport: RestTransport) {}

  /** Starts a run in an experiment (`POST runs/create`). */
  async createRun(experimentId: string, options: CreateRunOptions = {}): Promise<Run> {
    const json = {
      experiment_id: experimentId,
      run_name: options.runName,
      start_time: options.startTime ?? Date.now(),
      user_id: options.userId,
      tags: pairs(options.tags),
    };
    return (await this.transport.json<{ run: Run }>({ method: 'POST', path: `${API}/create`, json })).run;
  }

  /** Fetches a run with its latest metrics, params, tags, inputs and outputs (`GET runs/get`). */
  async getRun(runId: string): Promise<Run> {
    const query = { run_id: runId };
    return (await this.transport.json<{ run: Run }>({ method: 'GET', path: `${API}/get`, query })).run;
  }

  /** Changes a run's status, end time or name (`POST runs/update`). */
  async updateRun(
    runId: string,
    update: { status?: RunStatus; endTime?: number; runName?: string },
  ): Promise<RunInfo> {
    const json = { run_id: runId, status: update.status, end_time: update.endTime, run_name: update.runName };
    const body = await this.transport.json<{ run_info: RunInfo }>({
      method: 'POST',
      path: `${API}/update`,
      json,
    });
    return body.run_info;
  }

  /** Ends a run, as MLflow's `set_terminated` (`POST runs/update`). */
  async setTerminated(runId: string, status: RunStatus = 'FINISHED', endTime = Date.now()): Promise<RunInfo> {
    return this.updateRun(runId, { status, endTime });
  }

  /** Soft-deletes a run (`POST runs/delete`). */
  async deleteRun(runId: string): Promise<void> {
    await this.transport.json({ method: 'POST', path: `${API}/delete`, json: { run_id: runId } });
  }

  /** Restores a deleted run (`POST runs/restore`). */
  async restoreRun(runId: string): Promise<void> {
    await this.transport.json({ method: 'POST', path: `${API}/restore`, json: { run_id: runId } });
  }

  /** One page of runs (`POST runs/search`); {@link RunsClient.searchAllRuns} follows the page tokens. */
  async searchRuns(options: SearchRunsOptions): Promise<Page<Run>> {
    const json = {
      experiment_ids: options.experimentIds,
      filter: options.filter,
      run_view_type: options.runViewType,
      max_results: options.maxResults,
      order_by: options.orderBy,
      page_token: options.pageToken,
    };
    const body = await this.transport.json<{ runs?: Run[]; next_page_token?: string }>({
      method: 'POST',
      path: `${API}/search`,
      json,
    });
    return toPage(body.runs, body.next_page_token);
  }

  /** Every run matching the search, page after page. */
  searchAllRuns(options: Omit<SearchRunsOptions, 'pageToken'>): AsyncGenerator<Run> {
    return paginate((pageToken) =>
      this.searchRuns(pageToken === undefined ? options : { ...options, pageToken }),
    );
  }

  /** Logs a param; a param's value never changes once logged (`POST runs/log-parameter`). */
  async logParam(runId: string, key: string, value: string | number | boolean): Promise<void> {
    const json = { run_id: runId, key, value: String(value) };
    await this.transport.json({ method: 'POST', path: `${API}/log-parameter`, json });
  }

  /** Sets (or overwrites) a run tag (`POST runs/set-tag`). */
  async setTag(runId: string, key: string, value: string): Promise<void> {
    await this.transport.json({
      method: 'POST',
      path: `${API}/set-tag`,
      json: { run_id: runId, key, value },
    });
  }

  /** Deletes a run tag (`POST runs/delete-tag`). */
  async deleteTag(runId: string, key: string): Promise<void> {
    await this.transport.json({ method: 'POST', path: `${API}/delete-tag`, json: { run_id: runId, key } });
  }

  /** Logs metrics, params and tags in one request (`POST runs/log-batch`). */
  async logBatch(runId: string, batch: LogBatchOptions): Promise<void> {
    const now = Date.now();
    const json = {
      run_id: runId,
      metrics: batch.metrics?.map((m) => metricJson(m, now)),
      params: pairs(batch.params),
      tags: pairs(batch.tags),
    };
    await this.transport.json({ method: 'POST', path: `${API}/log-batch`, json });
  }

  /** Records datasets and logged models a run consumed (`POST runs/log-inputs`). */
  async logInputs(
    runId: string,
    inputs: { datasets?: readonly DatasetInput[]; models?: readonly { model_id: string }[] },
  ): Promise<void> {
    const json = { run_id: runId, datasets: inputs.datasets, models: inputs.models };
    await this.transport.json({ method: 'POST', path: `${API}/log-inputs`, json });
  }

  /** Links logged models to a run as its outputs (`POST runs/outputs`). */
  async logOutputs(runId: string, models: readonly ModelOutput[]): Promise<void> {
    await this.transport.json({ method: 'POST', path: `${API}/outputs`, json: { run_id: runId, models } });
  }
}
