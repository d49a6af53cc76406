import { MlflowError } from '../core/mlflow-error.js';
import type { KeyValue, Page } from './entities.js';
import { toPage } from './paginate.js';
import type { RestTransport } from './rest-transport.js';

// The registry's JSON shapes (rest-api.md §5), snake_case as on the wire like entities.ts.

/** A model version's registration status; the OSS server creates versions READY. */
export type ModelVersionStatus = 'PENDING_REGISTRATION' | 'FAILED_REGISTRATION' | 'READY';

/** A model version, as `model-versions/get` returns it. */
export interface ModelVersion {
  readonly name: string;
  /** The version number, as a string on the wire (`"3"`). */
  readonly version: string;
  readonly creation_timestamp?: number;
  readonly last_updated_timestamp?: number;
  readonly user_id?: string;
  /** `None`, `Staging`, `Production` or `Archived`. */
  readonly current_stage?: string;
  readonly description?: string;
  readonly source?: string;
  readonly run_id?: string;
  readonly status: ModelVersionStatus;
  readonly status_message?: string;
  readonly tags?: readonly KeyValue[];
  readonly run_link?: string;
  readonly aliases?: readonly string[];
}

/** A registered model, with the latest version per stage and its aliases. */
export interface RegisteredModel {
  readonly name: string;
  readonly creation_timestamp?: number;
  readonly last_updated_timestamp?: number;
  readonly description?: string;
  readonly latest_versions?: readonly ModelVersion[];
  readonly tags?: readonly KeyValue[];
  readonly aliases?: readonly { readonly alias: string; readonly version: string }[];
}

/** Filters of the registry searches. */
export interface RegistrySearchOptions {
  readonly filter?: string;
  readonly maxResults?: number;
  readonly orderBy?: readonly string[];
  readonly pageToken?: string;
}

/** Options of {@link RegistryClient.createModelVersion}. */
export interface CreateModelVersionOptions {
  readonly runId?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly runLink?: string;
  readonly description?: string;
  /** The MLflow 3 logged model this version registers (`m-…`). */
  readonly modelId?: string;
}

/** A version number, as a number or its string. */
export type VersionNumber = string | number;

const RM = '/api/2.0/mlflow/registered-models';
const MV = '/api/2.0/mlflow/model-versions';
// MLflow's client asks for this many versions per search page when the caller gives no limit.
const DEFAULT_VERSION_PAGE = 10_000;

function pairs(record: Readonly<Record<string, string>> | undefined): KeyValue[] | undefined {
  return record === undefined ? undefined : Object.entries(record).map(([key, value]) => ({ key, value }));
}

/**
 * The Model Registry calls of MLflow's `MlflowClient` (registered models and their versions), one
 * method per REST endpoint of rest-api.md §5, with camelCased names.
 *
 * @example const mv = await new RegistryClient(transport).transitionModelVersionStage('churn', 2, 'Production', true);
 */
export class RegistryClient {
  constructor(private readonly transport: RestTransport) {}

  /** Creates a registered model (`registered-models/create`). */
  async createRegisteredModel(
    name: string,
    options: { tags?: Readonly<Record<string, string>>; description?: string } = {},
  ): Promise<RegisteredModel> {
    const json = { name, tags: pairs(options.tags), description: options.description };
    return (await this.post<{ registered_model: RegisteredModel }>(`${RM}/create`, json)).registered_model;
  }

  /** Fetches a registered model with its latest versions, tags and aliases. */
  async getRegisteredModel(name: string): Promise<RegisteredModel> {
    return (await this.get<{ registered_model: RegisteredModel }>(`${RM}/get`, { name })).registered_model;
  }

  /** Renames a registered model and all its versions. */
  async renameRegisteredModel(name: string, newName: string): Promise<RegisteredModel> {
    const json = { name, new_name: newName };
    return (await this.post<{ registered_model: RegisteredModel }>(`${RM}/rename`, json)).registered_model;
  }

  /** Replaces a registered model's description (none clears it). */
  async updateRegisteredModel(name: string, description?: string): Promise<RegisteredModel> {
    const body = await this.call<{ registered_model: RegisteredModel }>('PATCH', `${RM}/update`, {
      name,
      description,
    });
    return body.registered_model;
  }

  /** Deletes a registered model with all its versions, tags and aliases. */
  async deleteRegisteredModel(name: string): Promise<void> {
    await this.call('DELETE', `${RM}/delete`, { name });
  }

  /** One page of registered models (`registered-models/search`). */
  async searchRegisteredModels(options: RegistrySearchOptions = {}): Promise<Page<RegisteredModel>> {
    const body = await this.get<{ registered_models?: RegisteredModel[]; next_page_token?: string }>(
      `${RM}/search`,
      {
        filter: options.filter,
        max_results: options.maxResults ?? 100,
        order_by: options.orderBy,
        page_token: options.pageToken,
      },
    );
    return toPage(body.registered_models, body.next_page_token);
  }

  /**
   * The highest version in each of `stages` (all four when none are given). As MLflow's client, it
   * POSTs first and falls back to GET only when the server lacks the POST route.
   */
  async getLatestVersions(name: string, stages?: readonly string[]): Promise<ModelVersion[]> {
    const path = `${RM}/get-latest-versions`;
    try {
      const body = await this.post<{ model_versions?: ModelVersion[] }>(path, { name, stages });
      return body.model_versions ?? [];
    } catch (error) {
      if (!(error instanceof MlflowError) || error.errorCode !== 'ENDPOINT_NOT_FOUND') throw error;
      const body = await this.get<{ model_versions?: ModelVersion[] }>(path, { name, stages });
      return body.model_versions ?? [];
    }
  }

  /** Sets a tag on a registered model. */
  async setRegisteredModelTag(name: string, key: string, value: string): Promise<void> {
    await this.post(`${RM}/set-tag`, { name, key, value });
  }

  /** Deletes a registered model's tag (a missing tag is fine). */
  async deleteRegisteredModelTag(name: string, key: string): Promise<void> {
    await this.call('DELETE', `${RM}/delete-tag`, { name, key });
  }

  /** Points `alias` at a version, moving it when it already exists. */
  async setRegisteredModelAlias(name: string, alias: string, version: VersionNumber): Promise<void> {
    await this.post(`${RM}/alias`, { name, alias, version: String(version) });
  }

  /** Deletes an alias (a missing alias is fine). */
  async deleteRegisteredModelAlias(name: string, alias: string): Promise<void> {
    await this.call('DELETE', `${RM}/alias`, { name, alias });
  }

  /** The version an alias points at (`GET registered-models/alias`). */
  async getModelVersionByAlias(name: string, alias: string): Promise<ModelVersion> {
    return (await this.get<{ model_version: ModelVersion }>(`${RM}/alias`, { name, alias })).model_version;
  }

  /** Creates the next version of a registered model from `source` (`model-versions/create`). */
  async createModelVersion(
    name: string,
    source: string,
    options: CreateModelVersionOptions = {},
  ): Promise<ModelVersion> {
    const json = {
      name,
      source,
      run_id: options.runId,
      tags: pairs(options.tags),
      run_link: options.runLink,
      description: options.description,
      model_id: options.modelId,
    };
    return (await this.post<{ model_version: ModelVersion }>(`${MV}/create`, json)).model_version;
  }

  /** Fetches one version. */
  async getModelVersion(name: string, version: VersionNumber): Promise<ModelVersion> {
    const query = { name, version: String(version) };
    return (await this.get<{ model_version: ModelVersion }>(`${MV}/get`, query)).model_version;
  }

  /** Replaces a version's description (none clears it). */
  async updateModelVersion(
    name: string,
    version: VersionNumber,
    description?: string,
  ): Promise<ModelVersion> {
    const json = { name, version: String(version), description };
    return (await this.call<{ model_version: ModelVersion }>('PATCH', `${MV}/update`, json)).model_version;
  }

  /** Deletes a version; its number is never reused. */
  async deleteModelVersion(name: string, version: VersionNumber): Promise<void> {
    await this.call('DELETE', `${MV}/delete`, { name, version: String(version) });
  }

  /** One page of model versions (`model-versions/search`). */
  async searchModelVersions(options: RegistrySearchOptions = {}): Promise<Page<ModelVersion>> {
    const body = await this.get<{ model_versions?: ModelVersion[]; next_page_token?: string }>(
      `${MV}/search`,
      {
        filter: options.filter,
        max_results: options.maxResults ?? DEFAULT_VERSION_PAGE,
        order_by: options.orderBy,
        page_token: options.pageToken,
      },
    );
    return toPage(body.model_versions, body.next_page_token);
  }

  /** Where a version's files are stored (an `mlflow-artifacts:` URI, or its `runs:/` source). */
  async getModelVersionDownloadUri(name: string, version: VersionNumber): Promise<string> {
    const query = { name, version: String(version) };
    return (await this.get<{ artifact_uri: string }>(`${MV}/get-download-uri`, query)).artifact_uri;
  }

  /**
   * Moves a version to a stage (`None`, `Staging`, `Production`, `Archived`, any case); with
   * `archiveExistingVersions`, the other versions in that stage move to `Archived`.
   */
  async transitionModelVersionStage(
    name: string,
    version: VersionNumber,
    stage: string,
    archiveExistingVersions = false,
  ): Promise<ModelVersion> {
    if (stage.trim() === '')
      throw new MlflowError('The stage must not be empty.', 'INVALID_PARAMETER_VALUE', { field: 'stage' });
    const json = {
      name,
      version: String(version),
      stage,
      archive_existing_versions: archiveExistingVersions,
    };
    return (await this.post<{ model_version: ModelVersion }>(`${MV}/transition-stage`, json)).model_version;
  }

  /** Sets a tag on a version. */
  async setModelVersionTag(name: string, version: VersionNumber, key: string, value: string): Promise<void> {
    await this.post(`${MV}/set-tag`, { name, version: String(version), key, value });
  }

  /** Deletes a version's tag (a missing tag is fine). */
  async deleteModelVersionTag(name: string, version: VersionNumber, key: string): Promise<void> {
    await this.call('DELETE', `${MV}/delete-tag`, { name, version: String(version), key });
  }

  private post<T = Record<string, unknown>>(path: string, json: unknown): Promise<T> {
    return this.call<T>('POST', path, json);
  }

  private call<T = Record<string, unknown>>(method: string, path: string, json: unknown): Promise<T> {
    return this.transport.json<T>({ method, path, json });
  }

  private get<T>(
    path: string,
    query: Readonly<Record<string, string | number | readonly string[] | undefined>>,
  ): Promise<T> {
    return this.transport.json<T>({ method: 'GET', path, query });
  }
}
