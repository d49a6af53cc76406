/**
 * The Model Registry store contract: registered models, model versions, their tags and aliases.
 *
 * Entity types use MLflow's proto field names (`creation_timestamp`, `current_stage`) so the HTTP
 * layer serialises them as they are; versions travel as decimal strings, timestamps as epoch
 * milliseconds. Failures are MlflowErrors with MLflow's codes and messages (unknown model or
 * version RESOURCE_DOES_NOT_EXIST, duplicate name RESOURCE_ALREADY_EXISTS, bad stage, alias, tag,
 * filter or page token INVALID_PARAMETER_VALUE).
 */
import type { KeyValue, Page } from './tracking-store.js';

export type ModelVersionStage = 'None' | 'Staging' | 'Production' | 'Archived';
export type ModelVersionStatus = 'PENDING_REGISTRATION' | 'FAILED_REGISTRATION' | 'READY';
export type RegisteredModelTag = KeyValue;
export type ModelVersionTag = KeyValue;

export interface RegisteredModelAlias {
  alias: string;
  version: string;
}

export interface ModelVersion {
  name: string;
  version: string;
  creation_timestamp: number;
  last_updated_timestamp: number;
  current_stage: ModelVersionStage;
  /** Always present ("" when unset), as MLflow's server sends it. */
  description: string;
  source: string;
  run_id?: string;
  status: ModelVersionStatus;
  /** Always present ("" when unset). */
  run_link: string;
  tags: ModelVersionTag[];
  aliases: string[];
}

export interface RegisteredModel {
  name: string;
  creation_timestamp: number;
  last_updated_timestamp: number;
  description?: string;
  latest_versions: ModelVersion[];
  tags: RegisteredModelTag[];
  aliases: RegisteredModelAlias[];
}

export interface CreateRegisteredModelInput {
  name: string;
  tags?: RegisteredModelTag[];
  description?: string;
}

export interface CreateModelVersionInput {
  name: string;
  source: string;
  runId?: string;
  tags?: ModelVersionTag[];
  runLink?: string;
  description?: string;
  /** MLflow 3 logged model id (`m-…`) the version registers. */
  modelId?: string;
}

export interface SearchRegistryInput {
  filter?: string;
  maxResults?: number;
  orderBy?: string[];
  pageToken?: string;
}

/**
 * The registry store; one implementation per SQL dialect behind the same class.
 *
 * @example
 * const registry = await openRegistryStore('sqlite:///mlflow.db');
 * await registry.createRegisteredModel({ name: 'churn' });
 * const v = await registry.createModelVersion({ name: 'churn', source: 'runs:/abc/model' });
 */
export interface RegistryStore {
  createRegisteredModel(input: CreateRegisteredModelInput): Promise<RegisteredModel>;
  getRegisteredModel(name: string): Promise<RegisteredModel>;
  renameRegisteredModel(name: string, newName: string): Promise<RegisteredModel>;
  updateRegisteredModel(name: string, description: string | undefined): Promise<RegisteredModel>;
  deleteRegisteredModel(name: string): Promise<void>;
  searchRegisteredModels(input: SearchRegistryInput): Promise<Page<RegisteredModel>>;
  getLatestVersions(name: string, stages?: string[]): Promise<ModelVersion[]>;
  setRegisteredModelTag(name: string, tag: RegisteredModelTag): Promise<void>;
  deleteRegisteredModelTag(name: string, key: string): Promise<void>;
  setRegisteredModelAlias(name: string, alias: string, version: string): Promise<void>;
  deleteRegisteredModelAlias(name: string, alias: string): Promise<void>;
  getModelVersionByAlias(name: string, alias: string): Promise<ModelVersion>;

  createModelVersion(input: CreateModelVersionInput): Promise<ModelVersion>;
  getModelVersion(name: string, version: string): Promise<ModelVersion>;
  updateModelVersion(name: string, version: string, description: string | undefined): Promise<ModelVersion>;
  deleteModelVersion(name: string, version: string): Promise<void>;
  searchModelVersions(input: SearchRegistryInput): Promise<Page<ModelVersion>>;
  getModelVersionDownloadUri(name: string, version: string): Promise<string>;
  transitionModelVersionStage(
    name: string,
    version: string,
    stage: string,
    archiveExistingVersions: boolean,
  ): Promise<ModelVersion>;
  setModelVersionTag(name: string, version: string, tag: ModelVersionTag): Promise<void>;
  deleteModelVersionTag(name: string, version: string, key: string): Promise<void>;
  /** Registers `models:/<src>/<version>` under `dstName` (creating the model if needed), as MLflow's client does. */
  copyModelVersion(srcName: string, srcVersion: string, dstName: string): Promise<ModelVersion>;

  close(): Promise<void>;
}
