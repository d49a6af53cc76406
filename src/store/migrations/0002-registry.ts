import { sql, type Kysely } from 'kysely';
import type { StoreDialectCapabilities } from '../sql/store-dialect.js';

// Migrations see an untyped database: the typed schema describes the latest version only.
type Db = Kysely<unknown>;

async function createRegisteredModels(db: Db): Promise<void> {
  await db.schema
    .createTable('registered_models')
    .addColumn('name', 'varchar(256)', (c) => c.primaryKey())
    .addColumn('creation_time', 'bigint', (c) => c.notNull())
    .addColumn('last_updated_time', 'bigint', (c) => c.notNull())
    .addColumn('description', 'text')
    .execute();
  await db.schema
    .createTable('registered_model_tags')
    .addColumn('name', 'varchar(256)', (c) => c.notNull())
    .addColumn('key', 'varchar(250)', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('registered_model_tags_pk', ['name', 'key'] as never)
    .execute();
  await db.schema
    .createTable('registered_model_aliases')
    .addColumn('name', 'varchar(256)', (c) => c.notNull())
    .addColumn('alias', 'varchar(256)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('registered_model_aliases_pk', ['name', 'alias'] as never)
    .execute();
}

async function createModelVersions(db: Db, caps: StoreDialectCapabilities): Promise<void> {
  // The primary key (name, version) is also the guard against duplicate numbers under concurrency.
  await db.schema
    .createTable('model_versions')
    .addColumn('name', 'varchar(256)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('creation_time', 'bigint', (c) => c.notNull())
    .addColumn('last_updated_time', 'bigint', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('user_id', 'text')
    .addColumn('current_stage', 'varchar(20)', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('storage_location', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text')
    .addColumn('run_link', 'text')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('status_message', 'text')
    .addColumn('model_id', 'text')
    .addPrimaryKeyConstraint('model_versions_pk', ['name', 'version'] as never)
    .$call((b) => (caps.supportsWithoutRowId ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
  // Default search order and name-filtered searches.
  await db.schema
    .createIndex('model_versions_updated_idx')
    .on('model_versions')
    .columns(['last_updated_time desc', 'name', 'version desc'])
    .execute();
  // Latest version per stage (get-latest-versions, RegisteredModel.latest_versions) is index-only.
  await db.schema
    .createIndex('model_versions_stage_idx')
    .on('model_versions')
    .columns(['name', 'current_stage', 'version'])
    .execute();
  await db.schema.createIndex('model_versions_run_idx').on('model_versions').column('run_id').execute();
  await db.schema
    .createTable('model_version_tags')
    .addColumn('name', 'varchar(256)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('key', 'varchar(250)', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('model_version_tags_pk', ['name', 'version', 'key'] as never)
    .execute();
}

/** Creates the Model Registry tables (schema version 2). */
export function registrySchema(caps: StoreDialectCapabilities): { up(db: Db): Promise<void> } {
  return {
    up: async (db) => {
      await createRegisteredModels(db);
      await createModelVersions(db, caps);
    },
  };
}
