import type { KeyValue, LoggedModel, Page } from './entities.js';
import { toPage } from './paginate.js';
import type { RestTransport } from './rest-transport.js';

const API = '/api/2.0/mlflow/logged-models';
// The server takes at most 100 params per request; MLflow's client sends the rest in batches of 100.
const PARAM_BATCH = 100;

/** Options of {@link LoggedModelsClient.createLoggedModel}. */
export interface CreateLoggedModelOptions {
  readonly name?: string;
  readonly sourceRunId?: string;
  readonly modelType?: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly tags?: Readonly<Record<string, string>>;
}

/** Filters of {@link LoggedModelsClient.searchLoggedModels}. */
export interface SearchLoggedModelsOptions {
  readonly experimentIds: readonly string[];
  readonly filter?: string;
  readonly maxResults?: number;
  readonly orderBy?: readonly { field_name: string; ascending?: boolean }[];
  readonly pageToken?: string;
}

function pairs(record: Readonly<Record<string, string>> | undefined): KeyValue[] {
  return Object.entries(record ?? {}).map(([key, value]) => ({ key, value }));
}

/**
 * MLflow 3 logged models: create (PENDING), finalize (READY or UPLOAD_FAILED), get and search.
 *
 * @example const model = await new LoggedModelsClient(transport).createLoggedModel('1', { name: 'model', sourceRunId: runId });
 */
export class LoggedModelsClient {
  constructor(private readonly transport: RestTransport) {}

  /** Creates a logged model in PENDING state (`POST logged-models`, then `…/params` for params past 100). */
  async createLoggedModel(
    experimentId: string,
    options: CreateLoggedModelOptions = {},
  ): Promise<LoggedModel> {
    const params = pairs(options.params);
    const json = {
      experiment_id: experimentId,
      name: options.name,
      model_type: options.modelType,
      source_run_id: options.sourceRunId,
      params: params.length > 0 ? params.slice(0, PARAM_BATCH) : undefined,
      tags: options.tags ? pairs(options.tags) : undefined,
    };
    const { model } = await this.transport.json<{ model: LoggedModel }>({ method: 'POST', path: API, json });
    for (let i = PARAM_BATCH; i < params.length; i += PARAM_BATCH) {
      const batch = { model_id: model.info.model_id, params: params.slice(i, i + PARAM_BATCH) };
      await this.transport.json({
        method: 'POST',
        path: `${API}/${model.info.model_id}/params`,
        json: batch,
      });
    }
    return model;
  }

  /** Fetches a logged model (`GET logged-models/{id}`). */
  async getLoggedModel(modelId: string): Promise<LoggedModel> {
    const path = `${API}/${encodeURIComponent(modelId)}`;
    return (await this.transport.json<{ model: LoggedModel }>({ method: 'GET', path })).model;
  }

  /** Marks a logged model READY or UPLOAD_FAILED (`PATCH logged-models/{id}`). */
  async finalizeLoggedModel(modelId: string, status: 'READY' | 'UPLOAD_FAILED'): Promise<LoggedModel> {
    const path = `${API}/${encodeURIComponent(modelId)}`;
    const json = { model_id: modelId, status: `LOGGED_MODEL_${status}` };
    return (await this.transport.json<{ model: LoggedModel }>({ method: 'PATCH', path, json })).model;
  }

  /** One page of logged models (`POST logged-models/search`). */
  async searchLoggedModels(options: SearchLoggedModelsOptions): Promise<Page<LoggedModel>> {
    const json = {
      experiment_ids: options.experimentIds,
      filter: options.filter,
      max_results: options.maxResults,
      order_by: options.orderBy,
      page_token: options.pageToken,
    };
    const body = await this.transport.json<{ models?: LoggedModel[]; next_page_token?: string }>({
      method: 'POST',
      path: `${API}/search`,
      json,
    });
    return toPage(body.models, body.next_page_token);
  }

  /** Sets tags on a logged model (`PATCH logged-models/{id}/tags`). */
  async setLoggedModelTags(modelId: string, tags: Readonly<Record<string, string>>): Promise<void> {
    const path = `${API}/${encodeURIComponent(modelId)}/tags`;
    await this.transport.json({ method: 'PATCH', path, json: { tags: pairs(tags) } });
  }

  /**
   * Deletes a logged model's tag (`DELETE logged-models/{id}/tags/{key}`). The key goes in the path
   * as MLflow's client puts it, a `/` in it included; each segment is escaped so `?`, `#` or a
   * space cannot end the path early.
   */
  async deleteLoggedModelTag(modelId: string, key: string): Promise<void> {
    const escapedKey = key.split('/').map(encodeURIComponent).join('/');
    const path = `${API}/${encodeURIComponent(modelId)}/tags/${escapedKey}`;
    await this.transport.json({ method: 'DELETE', path });
  }
}
