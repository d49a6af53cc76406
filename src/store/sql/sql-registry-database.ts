/**
 * The Model Registry tables as Kysely sees them; versions are integers, timestamps epoch ms.
 */
import type { Kysely } from 'kysely';
import type { StoreDialectCapabilities } from './store-dialect.js';

export interface RegisteredModelsTable {
  name: string;
  creation_time: number;
  last_updated_time: number;
  description: string | null;
}

export interface RegisteredModelTagsTable {
  name: string;
  key: string;
  value: string;
}

export interface RegisteredModelAliasesTable {
  name: string;
  alias: string;
  version: number;
}

export interface ModelVersionsTable {
  name: string;
  version: number;
  creation_time: number;
  last_updated_time: number;
  description: string | null;
  user_id: string | null;
  current_stage: string;
  source: string;
  storage_location: string;
  run_id: string | null;
  run_link: string | null;
  status: string;
  status_message: string | null;
  model_id: string | null;
}

export interface ModelVersionTagsTable {
  name: string;
  version: number;
  key: string;
  value: string;
}

/** The tracking tables the registry reads (logged models, for `models:/m-…` sources). */
export interface RegistryLoggedModelTables {
  logged_models: { model_id: string; artifact_location: string; source_run_id: string | null };
  logged_model_tags: { model_id: string; key: string; value: string };
}

export interface RegistryDatabase extends RegistryLoggedModelTables {
  registered_models: RegisteredModelsTable;
  registered_model_tags: RegisteredModelTagsTable;
  registered_model_aliases: RegisteredModelAliasesTable;
  model_versions: ModelVersionsTable;
  model_version_tags: ModelVersionTagsTable;
}

/** What every registry resource-family class shares. */
export interface SqlRegistryContext {
  readonly db: Kysely<RegistryDatabase>;
  readonly caps: StoreDialectCapabilities;
  readonly dialect: 'sqlite' | 'postgresql';
  readonly now: () => number;
}
