import type { Kysely } from 'kysely';
import { MlflowError } from '../../core/mlflow-error.js';
import { checkMaxResults, decodePageToken, encodePageToken } from '../search/page-token.js';
import {
  parseModelVersionFilter,
  parseModelVersionOrderBy,
  wantsPrompts,
} from '../search/registry-filter.js';
import type {
  CreateModelVersionInput,
  ModelVersion,
  ModelVersionTag,
  SearchRegistryInput,
} from '../registry-store.js';
import type { Page } from '../tracking-store.js';
import type { ModelVersionsTable, RegistryDatabase, SqlRegistryContext } from './sql-registry-database.js';
import { withModelLock } from './sql-registry-lock.js';
import { DELETED_STAGE, toModelVersions } from './sql-registry-rows.js';
import {
  noModelVersion,
  parseStage,
  parseVersion,
  validateModelName,
  validateRegistryTag,
} from './sql-registry-rules.js';
import { modelVersionSearchSql } from './sql-registry-search.js';
import { recordVersionOnLoggedModel, resolveSource } from './sql-registry-sources.js';

const MAX_VERSION_RESULTS = 200_000;
const ACTIVE_STAGES = ['Staging', 'Production'];
const ALL_EXTRAS = { tags: true, aliases: true };

/** Model versions, their tags, stages and soft deletion in the SQL registry store. */
/** A version change also changes its model: bump the registered model's last_updated_time. */
async function touchModel(db: Kysely<RegistryDatabase>, name: string, now: number): Promise<void> {
  await db
    .updateTable('registered_models')
    .set({ last_updated_time: now })
    .where('name', '=', name)
    .execute();
}

export class SqlModelVersionStore {
  constructor(private readonly ctx: SqlRegistryContext) {}

  /** The live (non-deleted) row of a version, or 404. */
  async row(name: string, version: string): Promise<ModelVersionsTable> {
    const number = parseVersion(version);
    const row = await this.ctx.db
      .selectFrom('model_versions')
      .selectAll()
      .where('name', '=', name)
      .where('version', '=', number)
      .where('current_stage', '!=', DELETED_STAGE)
      .executeTakeFirst();
    if (row === undefined) throw noModelVersion(name, number);
    return row;
  }

  async entity(row: ModelVersionsTable): Promise<ModelVersion> {
    const [version] = await toModelVersions(this.ctx, [row], ALL_EXTRAS);
    if (version === undefined) throw noModelVersion(row.name, row.version);
    return version;
  }

  async create(input: CreateModelVersionInput): Promise<ModelVersion> {
    validateModelName(input.name);
    const tags = new Map((input.tags ?? []).map((t) => [t.key, t.value]));
    for (const [key, value] of tags) validateRegistryTag({ key, value });
    const resolved = await resolveSource(this.ctx, input.source, input.modelId);
    const runId = input.runId ?? resolved.runId;
    const now = this.ctx.now();
    const row = await withModelLock(this.ctx, input.name, async (db) => {
      const max = await db
        .selectFrom('model_versions')
        .select((eb) => eb.fn.max('version').as('max'))
        .where('name', '=', input.name)
        .executeTakeFirst();
      const values: ModelVersionsTable = {
        name: input.name,
        version: Number(max?.max ?? 0) + 1,
        creation_time: now,
        last_updated_time: now,
        description: input.description ?? null,
        user_id: null,
        current_stage: 'None',
        source: input.source,
        storage_location: resolved.storageLocation,
        run_id: runId ?? null,
        run_link: input.runLink ?? null,
        status: 'READY',
        status_message: null,
        model_id: input.modelId ?? null,
      };
      await db.insertInto('model_versions').values(values).execute();
      if (tags.size > 0) {
        const rows = [...tags].map(([key, value]) => ({
          name: input.name,
          version: values.version,
          key,
          value,
        }));
        await db.insertInto('model_version_tags').values(rows).execute();
      }
      await touchModel(db, input.name, now);
      if (input.modelId !== undefined)
        await recordVersionOnLoggedModel(db, input.modelId, input.name, values.version);
      return values;
    });
    return this.entity(row);
  }

  async get(name: string, version: string): Promise<ModelVersion> {
    return this.entity(await this.row(name, version));
  }

  async update(name: string, version: string, description: string | undefined): Promise<ModelVersion> {
    const row = await this.row(name, version);
    const changes = {
      description: description === '' ? null : (description ?? null),
      last_updated_time: this.ctx.now(),
    };
    await this.ctx.db
      .updateTable('model_versions')
      .set(changes)
      .where('name', '=', name)
      .where('version', '=', row.version)
      .execute();
    return this.entity({ ...row, ...changes });
  }

  async delete(name: string, version: string): Promise<void> {
    const number = parseVersion(version);
    const now = this.ctx.now();
    await withModelLock(this.ctx, name, async (db) => {
      const updated = await db
        .updateTable('model_versions')
        .set({
          current_stage: DELETED_STAGE,
          source: 'REDACTED-SOURCE-PATH',
          storage_location: 'REDACTED-SOURCE-PATH',
          run_id: 'REDACTED-RUN-ID',
          run_link: 'REDACTED-RUN-LINK',
          description: null,
          user_id: null,
          status_message: null,
          last_updated_time: now,
        })
        .where('name', '=', name)
        .where('version', '=', number)
        .where('current_stage', '!=', DELETED_STAGE)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw noModelVersion(name, number);
      await db
        .deleteFrom('registered_model_aliases')
        .where('name', '=', name)
        .where('version', '=', number)
        .execute();
      await db
        .deleteFrom('model_version_tags')
        .where('name', '=', name)
        .where('version', '=', number)
        .execute();
      await touchModel(db, name, now);
    });
  }

  async transition(name: string, version: string, stage: string, archive: boolean): Promise<ModelVersion> {
    const target = parseStage(stage);
    if (archive && !ACTIVE_STAGES.includes(target)) {
      throw new MlflowError(
        `Model version transition cannot archive existing model versions because '${target}' is not an Active stage. ` +
          `Valid stages are ['Staging', 'Production']`,
        'INVALID_PARAMETER_VALUE',
      );
    }
    const number = (await this.row(name, version)).version;
    const now = this.ctx.now();
    const row = await withModelLock(this.ctx, name, async (db) => {
      if (archive) {
        await db
          .updateTable('model_versions')
          .set({ current_stage: 'Archived', last_updated_time: now })
          .where('name', '=', name)
          .where('current_stage', '=', target)
          .where('version', '!=', number)
          .execute();
      }
      await db
        .updateTable('model_versions')
        .set({ current_stage: target, last_updated_time: now })
        .where('name', '=', name)
        .where('version', '=', number)
        .execute();
      await touchModel(db, name, now);
      return db
        .selectFrom('model_versions')
        .selectAll()
        .where('name', '=', name)
        .where('version', '=', number)
        .executeTakeFirstOrThrow();
    });
    return this.entity(row);
  }

  async search(input: SearchRegistryInput): Promise<Page<ModelVersion>> {
    const conditions = parseModelVersionFilter(input.filter);
    const limit = checkMaxResults(input.maxResults, MAX_VERSION_RESULTS, MAX_VERSION_RESULTS);
    const offset = decodePageToken(input.pageToken);
    const spec = {
      conditions,
      orderBy: parseModelVersionOrderBy(input.orderBy),
      includePrompts: wantsPrompts(conditions),
      limit,
      offset,
      caps: this.ctx.caps,
    };
    const { rows } = await modelVersionSearchSql(spec).execute(this.ctx.db);
    const page = rows.slice(0, limit);
    const items = await toModelVersions(this.ctx, page, { tags: true, aliases: false });
    return rows.length > limit ? { items, nextPageToken: encodePageToken(offset + limit) } : { items };
  }

  async downloadUri(name: string, version: string): Promise<string> {
    return (await this.row(name, version)).storage_location;
  }

  async setTag(name: string, version: string, tag: ModelVersionTag): Promise<void> {
    validateRegistryTag(tag);
    const row = await this.row(name, version);
    await this.ctx.db
      .insertInto('model_version_tags')
      .values({ name, version: row.version, key: tag.key, value: tag.value })
      .onConflict((oc) => oc.columns(['name', 'version', 'key']).doUpdateSet({ value: tag.value }))
      .execute();
  }

  async deleteTag(name: string, version: string, key: string): Promise<void> {
    const row = await this.row(name, version);
    await this.ctx.db
      .deleteFrom('model_version_tags')
      .where('name', '=', name)
      .where('version', '=', row.version)
      .where('key', '=', key)
      .execute();
  }
}
