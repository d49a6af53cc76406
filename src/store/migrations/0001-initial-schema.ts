import { sql, type Kysely } from 'kysely';
import type { StoreDialectCapabilities } from '../sql/store-dialect.js';

// Migrations see an untyped database: the typed schema describes the latest version only.
type Db = Kysely<unknown>;

async function createExperiments(db: Db, caps: StoreDialectCapabilities): Promise<void> {
  await db.schema
    .createTable('experiments')
    .addColumn('experiment_id', 'integer', (c) =>
      caps.autoIncrement === 'identity'
        ? c.primaryKey().generatedByDefaultAsIdentity()
        : c.primaryKey().autoIncrement(),
    )
    .addColumn('name', 'varchar(500)', (c) => c.notNull().unique())
    .addColumn('artifact_location', 'varchar(2048)', (c) => c.notNull())
    .addColumn('lifecycle_stage', 'varchar(32)', (c) => c.notNull())
    .addColumn('creation_time', 'bigint', (c) => c.notNull())
    .addColumn('last_update_time', 'bigint', (c) => c.notNull())
    .execute();
  await keyValueTable(db, 'experiment_tags', 'experiment_id', 'integer', caps);
}

/** A tag/param table keyed by (owner, key): lookups by owner and upserts are index-only. */
async function keyValueTable(
  db: Db,
  table: string,
  owner: string,
  ownerType: 'integer' | 'varchar(64)',
  caps: StoreDialectCapabilities,
): Promise<void> {
  await db.schema
    .createTable(table)
    .addColumn(owner, ownerType, (c) => c.notNull())
    .addColumn('key', 'varchar(250)', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${table}_pk`, [owner, 'key'] as never)
    .$call((b) => (caps.supportsWithoutRowId ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
}

async function createRuns(db: Db, caps: StoreDialectCapabilities): Promise<void> {
  await db.schema
    .createTable('runs')
    .addColumn('run_uuid', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('experiment_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('start_time', 'bigint', (c) => c.notNull())
    .addColumn('end_time', 'bigint')
    .addColumn('artifact_uri', 'text', (c) => c.notNull())
    .addColumn('lifecycle_stage', 'varchar(20)', (c) => c.notNull())
    .addColumn('deleted_time', 'bigint')
    .execute();
  // The default search order: experiment, lifecycle, start_time DESC, run id.
  await db.schema
    .createIndex('runs_experiment_start_idx')
    .on('runs')
    .columns(['experiment_id', 'lifecycle_stage', 'start_time desc', 'run_uuid'])
    .execute();
  await keyValueTable(db, 'tags', 'run_uuid', 'varchar(64)', caps);
  await keyValueTable(db, 'params', 'run_uuid', 'varchar(64)', caps);
}

async function createMetrics(db: Db, caps: StoreDialectCapabilities): Promise<void> {
  // Primary key = identity of a point (identical re-logs are no-ops) and the history order.
  await db.schema
    .createTable('metrics')
    .addColumn('run_uuid', 'varchar(32)', (c) => c.notNull())
    .addColumn('key', 'varchar(250)', (c) => c.notNull())
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addColumn('step', 'bigint', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('is_nan', 'smallint', (c) => c.notNull())
    .addPrimaryKeyConstraint('metrics_pk', [
      'run_uuid',
      'key',
      'timestamp',
      'step',
      'value',
      'is_nan',
    ] as never)
    .$call((b) => (caps.supportsWithoutRowId ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
  await db.schema
    .createIndex('metrics_run_key_step_idx')
    .on('metrics')
    .columns(['run_uuid', 'key', 'step'])
    .execute();
  await db.schema
    .createTable('latest_metrics')
    .addColumn('run_uuid', 'varchar(32)', (c) => c.notNull())
    .addColumn('key', 'varchar(250)', (c) => c.notNull())
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addColumn('step', 'bigint', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('is_nan', 'smallint', (c) => c.notNull())
    .addColumn('experiment_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('latest_metrics_pk', ['run_uuid', 'key'] as never)
    .$call((b) => (caps.supportsWithoutRowId ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
  // Ordering or filtering runs by a metric within an experiment is an index range scan.
  await db.schema
    .createIndex('latest_metrics_experiment_key_value_idx')
    .on('latest_metrics')
    .columns(['experiment_id', 'key', 'is_nan', 'value'])
    .execute();
}

async function createInputs(db: Db): Promise<void> {
  await db.schema
    .createTable('datasets')
    .addColumn('dataset_uuid', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('experiment_id', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(500)', (c) => c.notNull())
    .addColumn('digest', 'varchar(36)', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('schema', 'text')
    .addColumn('profile', 'text')
    .addUniqueConstraint('datasets_experiment_name_digest_uq', ['experiment_id', 'name', 'digest'] as never)
    .execute();
  await db.schema
    .createTable('run_dataset_inputs')
    .addColumn('input_uuid', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('run_uuid', 'varchar(32)', (c) => c.notNull())
    .addColumn('dataset_uuid', 'varchar(36)', (c) => c.notNull())
    .addUniqueConstraint('run_dataset_inputs_uq', ['run_uuid', 'dataset_uuid'] as never)
    .execute();
  await db.schema
    .createTable('input_tags')
    .addColumn('input_uuid', 'varchar(36)', (c) => c.notNull())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('value', 'varchar(500)', (c) => c.notNull())
    .addPrimaryKeyConstraint('input_tags_pk', ['input_uuid', 'name'] as never)
    .execute();
  await db.schema
    .createTable('run_model_inputs')
    .addColumn('run_uuid', 'varchar(32)', (c) => c.notNull())
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('run_model_inputs_pk', ['run_uuid', 'model_id'] as never)
    .execute();
  await db.schema
    .createTable('run_model_outputs')
    .addColumn('run_uuid', 'varchar(32)', (c) => c.notNull())
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('step', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('run_model_outputs_pk', ['run_uuid', 'model_id'] as never)
    .execute();
}

async function createLoggedModels(db: Db, caps: StoreDialectCapabilities): Promise<void> {
  await db.schema
    .createTable('logged_models')
    .addColumn('model_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('experiment_id', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(500)', (c) => c.notNull())
    .addColumn('artifact_location', 'text', (c) => c.notNull())
    .addColumn('creation_timestamp_ms', 'bigint', (c) => c.notNull())
    .addColumn('last_updated_timestamp_ms', 'bigint', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('lifecycle_stage', 'varchar(32)', (c) => c.notNull())
    .addColumn('model_type', 'text')
    .addColumn('source_run_id', 'text')
    .addColumn('status_message', 'text')
    .execute();
  await db.schema
    .createIndex('logged_models_experiment_idx')
    .on('logged_models')
    .columns(['experiment_id', 'creation_timestamp_ms'])
    .execute();
  await keyValueTable(db, 'logged_model_tags', 'model_id', 'varchar(64)', caps);
  await keyValueTable(db, 'logged_model_params', 'model_id', 'varchar(64)', caps);
  await db.schema
    .createTable('logged_model_metrics')
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('metric_name', 'varchar(500)', (c) => c.notNull())
    .addColumn('metric_timestamp_ms', 'bigint', (c) => c.notNull())
    .addColumn('metric_step', 'bigint', (c) => c.notNull())
    .addColumn('metric_value', 'double precision', (c) => c.notNull())
    .addColumn('is_nan', 'smallint', (c) => c.notNull())
    .addColumn('experiment_id', 'integer', (c) => c.notNull())
    .addColumn('run_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('dataset_name', 'text')
    .addColumn('dataset_digest', 'text')
    .execute();
  await db.schema
    .createIndex('logged_model_metrics_model_idx')
    .on('logged_model_metrics')
    .columns(['model_id', 'metric_name'])
    .execute();
}

/** Creates every table and index of the first schema version. */
export function initialSchema(caps: StoreDialectCapabilities): { up(db: Db): Promise<void> } {
  return {
    up: async (db) => {
      await createExperiments(db, caps);
      await createRuns(db, caps);
      await createMetrics(db, caps);
      await createInputs(db);
      await createLoggedModels(db, caps);
    },
  };
}
