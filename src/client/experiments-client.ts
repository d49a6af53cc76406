import { MlflowError } from '../core/mlflow-error.js';
import type { Experiment, KeyValue, Page, ViewType } from './entities.js';
import { toPage } from './paginate.js';
import type { RestTransport } from './rest-transport.js';

const API = '/api/2.0/mlflow/experiments';

/** Filters of {@link ExperimentsClient.searchExperiments}. */
export interface SearchExperimentsOptions {
  readonly filter?: string;
  readonly orderBy?: readonly string[];
  readonly viewType?: ViewType;
  readonly maxResults?: number;
  readonly pageToken?: string;
}

function tagList(tags: Readonly<Record<string, string>> | undefined): KeyValue[] | undefined {
  return tags === undefined ? undefined : Object.entries(tags).map(([key, value]) => ({ key, value }));
}

/**
 * Experiments: MLflow's `MlflowClient` experiment calls over `/api/2.0/mlflow/experiments/*`.
 *
 * @example const id = await new ExperimentsClient(transport).createExperiment('churn');
 */
export class ExperimentsClient {
  constructor(private readonly transport: RestTransport) {}

  /** Creates an experiment and returns its id (`POST experiments/create`). */
  async createExperiment(
    name: string,
    options: { artifactLocation?: string; tags?: Readonly<Record<string, string>> } = {},
  ): Promise<string> {
    const json = { name, artifact_location: options.artifactLocation, tags: tagList(options.tags) };
    const body = await this.transport.json<{ experiment_id: string }>({
      method: 'POST',
      path: `${API}/create`,
      json,
    });
    return body.experiment_id;
  }

  /** Fetches an experiment by id, deleted ones included (`GET experiments/get`). */
  async getExperiment(experimentId: string): Promise<Experiment> {
    const query = { experiment_id: experimentId };
    const body = await this.transport.json<{ experiment: Experiment }>({
      method: 'GET',
      path: `${API}/get`,
      query,
    });
    return body.experiment;
  }

  /** Fetches an experiment by name, or `undefined` when none has it (`GET experiments/get-by-name`). */
  async getExperimentByName(name: string): Promise<Experiment | undefined> {
    try {
      const query = { experiment_name: name };
      const path = `${API}/get-by-name`;
      return (await this.transport.json<{ experiment: Experiment }>({ method: 'GET', path, query }))
        .experiment;
    } catch (error) {
      if (error instanceof MlflowError && error.errorCode === 'RESOURCE_DOES_NOT_EXIST') return undefined;
      throw error;
    }
  }

  /** One page of experiments (`POST experiments/search`); see {@link paginate} for all pages. */
  async searchExperiments(options: SearchExperimentsOptions = {}): Promise<Page<Experiment>> {
    const json = {
      max_results: options.maxResults ?? 1000,
      filter: options.filter,
      order_by: options.orderBy,
      view_type: options.viewType,
      page_token: options.pageToken,
    };
    const body = await this.transport.json<{ experiments?: Experiment[]; next_page_token?: string }>({
      method: 'POST',
      path: `${API}/search`,
      json,
    });
    return toPage(body.experiments, body.next_page_token);
  }

  /** Soft-deletes an experiment and its runs (`POST experiments/delete`). */
  async deleteExperiment(experimentId: string): Promise<void> {
    await this.transport.json({
      method: 'POST',
      path: `${API}/delete`,
      json: { experiment_id: experimentId },
    });
  }

  /** Restores a deleted experiment and its runs (`POST experiments/restore`). */
  async restoreExperiment(experimentId: string): Promise<void> {
    await this.transport.json({
      method: 'POST',
      path: `${API}/restore`,
      json: { experiment_id: experimentId },
    });
  }

  /** Renames an experiment (`POST experiments/update`). */
  async renameExperiment(experimentId: string, newName: string): Promise<void> {
    const json = { experiment_id: experimentId, new_name: newName };
    await this.transport.json({ method: 'POST', path: `${API}/update`, json });
  }

  /** Sets a tag on an experiment (`POST experiments/set-experiment-tag`). */
  async setExperimentTag(experimentId: string, key: string, value: string): Promise<void> {
    const json = { experiment_id: experimentId, key, value };
    await this.transport.json({ method: 'POST', path: `${API}/set-experiment-tag`, json });
  }

  /** Deletes a tag of an experiment (`POST experiments/delete-experiment-tag`). */
  async deleteExperimentTag(experimentId: string, key: string): Promise<void> {
    const json = { experiment_id: experimentId, key };
    await this.transport.json({ method: 'POST', path: `${API}/delete-experiment-tag`, json });
  }
}
