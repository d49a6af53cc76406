import { MlflowError } from '../../core/mlflow-error.js';
import { checkMaxResults, decodePageToken, encodePageToken } from '../search/page-token.js';
import {
  parseRegisteredModelFilter,
  parseRegisteredModelOrderBy,
  wantsPrompts,
} from '../search/registry-filter.js';
import type {
  CreateRegisteredModelInput,
  ModelVersion,
  RegisteredModel,
  RegisteredModelTag,
  SearchRegistryInput,
} from '../registry-store.js';
import type { Page } from '../tracking-store.js';
import type { RegisteredModelsTable, SqlRegistryContext } from './sql-registry-database.js';
import { withModelLock } from './sql-registry-lock.js';
import { latestVersionRows, toModelVersions, toRegisteredModels } from './sql-registry-rows.js';
import {
  allStages,
  modelExists,
  noRegisteredModel,
  parseStage,
  validateModelName,
  validateRegistryTag,
} from './sql-registry-rules.js';
import { registeredModelSearchSql } from './sql-registry-search.js';

const DEFAULT_MODEL_RESULTS = 100;
const MAX_MODEL_RESULTS = 1000;
const UNIQUE_VIOLATION = /UNIQUE constraint|duplicate key|unique/i;

/** Registered models and their tags in the SQL registry store. */
export class SqlRegisteredModelStore {
  constructor(private readonly ctx: SqlRegistryContext) {}

  async row(name: string): Promise<RegisteredModelsTable> {
    const row = await this.ctx.db
      .selectFrom('registered_models')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    if (row === undefined) throw noRegisteredModel(name);
    return row;
  }

  async entity(row: RegisteredModelsTable): Promise<RegisteredModel> {
    const [model] = await toRegisteredModels(this.ctx, [row]);
    if (model === undefined) throw noRegisteredModel(row.name);
    return model;
  }

  async create(input: CreateRegisteredModelInput): Promise<RegisteredModel> {
    validateModelName(input.name);
    const tags = new Map((input.tags ?? []).map((t) => [t.key, t.value]));
    for (const [key, value] of tags) validateRegistryTag({ key, value });
    const now = this.ctx.now();
    const row: RegisteredModelsTable = {
      name: input.name,
      creation_time: now,
      last_updated_time: now,
      description: input.description === '' ? null : (input.description ?? null),
    };
    try {
      await this.ctx.db.transaction().execute(async (trx) => {
        await trx.insertInto('registered_models').values(row).execute();
        if (tags.size > 0) {
          const tagRows = [...tags].map(([key, value]) => ({ name: input.name, key, value }));
          await trx.insertInto('registered_model_tags').values(tagRows).execute();
        }
      });
    } catch (error) {
      if (UNIQUE_VIOLATION.test(String(error))) throw modelExists(input.name);
      throw error;
    }
    return this.entity(row);
  }

  async get(name: string): Promise<RegisteredModel> {
    return this.entity(await this.row(name));
  }

  async rename(name: string, newName: string): Promise<RegisteredModel> {
    validateModelName(newName, 'new_name');
    const row = await this.row(name);
    if (newName === name) return this.entity(row);
    const now = this.ctx.now();
    try {
      // The model lock keeps concurrent version creators from writing under the old name.
      await withModelLock(this.ctx, name, async (trx) => {
        const clash = await trx
          .selectFrom('registered_models')
          .select('name')
          .where('name', '=', newName)
          .executeTakeFirst();
        if (clash !== undefined) throw modelExists(newName);
        await trx
          .updateTable('registered_models')
          .set({ name: newName, last_updated_time: now })
          .where('name', '=', name)
          .execute();
        await trx
          .updateTable('model_versions')
          .set({ name: newName, last_updated_time: now })
          .where('name', '=', name)
          .execute();
        for (const table of [
          'registered_model_tags',
          'registered_model_aliases',
          'model_version_tags',
        ] as const) {
          await trx.updateTable(table).set({ name: newName }).where('name', '=', name).execute();
        }
      });
    } catch (error) {
      if (error instanceof MlflowError) throw error;
      if (UNIQUE_VIOLATION.test(String(error))) throw modelExists(newName);
      throw error;
    }
    return this.get(newName);
  }

  async update(name: string, description: string | undefined): Promise<RegisteredModel> {
    const row = await this.row(name);
    const changes = {
      description: description === '' ? null : (description ?? null),
      last_updated_time: this.ctx.now(),
    };
    await this.ctx.db.updateTable('registered_models').set(changes).where('name', '=', name).execute();
    return this.entity({ ...row, ...changes });
  }

  async delete(name: string): Promise<void> {
    await withModelLock(this.ctx, name, async (trx) => {
      for (const table of [
        'model_version_tags',
        'model_versions',
        'registered_model_aliases',
        'registered_model_tags',
        'registered_models',
      ] as const) {
        await trx.deleteFrom(table).where('name', '=', name).execute();
      }
    });
  }

  async search(input: SearchRegistryInput): Promise<Page<RegisteredModel>> {
    const conditions = parseRegisteredModelFilter(input.filter);
    const limit = checkMaxResults(input.maxResults, DEFAULT_MODEL_RESULTS, MAX_MODEL_RESULTS);
    const offset = decodePageToken(input.pageToken);
    const spec = {
      conditions,
      orderBy: parseRegisteredModelOrderBy(input.orderBy),
      includePrompts: wantsPrompts(conditions),
      limit,
      offset,
      caps: this.ctx.caps,
    };
    const { rows } = await registeredModelSearchSql(spec).execute(this.ctx.db);
    const items = await toRegisteredModels(this.ctx, rows.slice(0, limit));
    return rows.length > limit ? { items, nextPageToken: encodePageToken(offset + limit) } : { items };
  }

  async latestVersions(name: string, stages: readonly string[] | undefined): Promise<ModelVersion[]> {
    const wanted = stages === undefined || stages.length === 0 ? allStages() : stages.map(parseStage);
    await this.row(name);
    const rows = await latestVersionRows(this.ctx, [name], wanted);
    return toModelVersions(this.ctx, rows, { tags: true, aliases: true });
  }

  async setTag(name: string, tag: RegisteredModelTag): Promise<void> {
    validateRegistryTag(tag);
    await this.row(name);
    await this.ctx.db
      .insertInto('registered_model_tags')
      .values({ name, key: tag.key, value: tag.value })
      .onConflict((oc) => oc.columns(['name', 'key']).doUpdateSet({ value: tag.value }))
      .execute();
  }

  async deleteTag(name: string, key: string): Promise<void> {
    await this.row(name);
    await this.ctx.db
      .deleteFrom('registered_model_tags')
      .where('name', '=', name)
      .where('key', '=', key)
      .execute();
  }
}
