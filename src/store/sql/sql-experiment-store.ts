import { sql } from 'kysely';
import { MlflowError } from '../../core/mlflow-error.js';
import { parseExperimentFilter, parseExperimentOrderBy } from '../search/experiment-filter.js';
import { checkMaxResults, decodePageToken, encodePageToken } from '../search/page-token.js';
import type {
  CreateExperimentInput,
  Experiment,
  ExperimentTag,
  LifecycleStage,
  Page,
  SearchExperimentsInput,
} from '../tracking-store.js';
import type { ExperimentsTable } from './database.js';
import { experimentSearchSql } from './experiment-search-sql.js';
import { experimentIdToInt, noExperiment, type SqlContext } from './sql-context.js';
import {
  MAX_EXPERIMENT_NAME_LENGTH,
  MAX_EXPERIMENT_TAG_VALUE_LENGTH,
  checkLength,
  joinArtifactUri,
  validateArtifactLocation,
  validateKey,
} from './validation.js';

type ExperimentRow = Omit<ExperimentsTable, 'experiment_id'> & { experiment_id: number };

function alreadyExists(name: string): MlflowError {
  return new MlflowError(`Experiment(name=${name}) already exists.`, 'RESOURCE_ALREADY_EXISTS');
}

/** Maps a unique-name violation (two requests racing past the existence check) to MLflow's error. */
async function orAlreadyExists<T>(name: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (/unique|duplicate key/i.test(String(error))) throw alreadyExists(name);
    throw error;
  }
}

/** Experiments and their tags in the SQL store. */
export class SqlExperimentStore {
  constructor(private readonly ctx: SqlContext) {}

  async ensureDefaultExperiment(): Promise<void> {
    const now = this.ctx.now();
    await this.ctx.db
      .insertInto('experiments')
      .values({
        experiment_id: 0,
        name: 'Default',
        artifact_location: joinArtifactUri(this.ctx.defaultArtifactRoot, '0'),
        lifecycle_stage: 'active',
        creation_time: now,
        last_update_time: now,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async create(input: CreateExperimentInput): Promise<string> {
    const { name } = input;
    if (name === '') throw new MlflowError("Invalid experiment name: ''", 'INVALID_PARAMETER_VALUE');
    checkLength('name', name, MAX_EXPERIMENT_NAME_LENGTH);
    if (input.artifactLocation !== undefined) validateArtifactLocation(input.artifactLocation);
    for (const tag of input.tags ?? []) this.checkTag(tag);
    const existing = await this.ctx.db
      .selectFrom('experiments')
      .select('experiment_id')
      .where('name', '=', name)
      .executeTakeFirst();
    if (existing !== undefined) throw alreadyExists(name);
    const created = this.ctx.db.transaction().execute(async (trx) => {
      const now = this.ctx.now();
      const { experiment_id: id } = await trx
        .insertInto('experiments')
        .values({
          name,
          artifact_location: input.artifactLocation ?? '',
          lifecycle_stage: 'active',
          creation_time: now,
          last_update_time: now,
        })
        .returning('experiment_id')
        .executeTakeFirstOrThrow();
      if (input.artifactLocation === undefined) {
        const location = joinArtifactUri(this.ctx.defaultArtifactRoot, String(id));
        await trx
          .updateTable('experiments')
          .set({ artifact_location: location })
          .where('experiment_id', '=', id)
          .execute();
      }
      const tags = input.tags ?? [];
      if (tags.length > 0) {
        await trx
          .insertInto('experiment_tags')
          .values(tags.map((t) => ({ experiment_id: id, key: t.key, value: t.value })))
          .execute();
      }
      return String(id);
    });
    return orAlreadyExists(name, created);
  }

  /** The experiment row, deleted or not; unknown or malformed ids are RESOURCE_DOES_NOT_EXIST. */
  async row(experimentId: string): Promise<ExperimentRow> {
    const id = experimentIdToInt(experimentId);
    const row =
      id === undefined
        ? undefined
        : await this.ctx.db
            .selectFrom('experiments')
            .selectAll()
            .where('experiment_id', '=', id)
            .executeTakeFirst();
    if (row === undefined) throw noExperiment(experimentId);
    return row;
  }

  /** The row of an experiment that must be active (runs and logged models are created in it). */
  async activeRow(experimentId: string): Promise<ExperimentRow> {
    const row = await this.row(experimentId);
    if (row.lifecycle_stage !== 'active') {
      throw new MlflowError(
        `The experiment ${experimentId} must be in the 'active' state. Current state is ${row.lifecycle_stage}.`,
        'INVALID_PARAMETER_VALUE',
      );
    }
    return row;
  }

  async get(experimentId: string): Promise<Experiment> {
    const [experiment] = await this.withTags([await this.row(experimentId)]);
    if (experiment === undefined) throw noExperiment(experimentId);
    return experiment;
  }

  async getByName(name: string): Promise<Experiment> {
    const row = await this.ctx.db
      .selectFrom('experiments')
      .selectAll()
      .where('name', '=', name)
      .orderBy(sql`case when lifecycle_stage = 'active' then 0 else 1 end`)
      .executeTakeFirst();
    if (row === undefined)
      throw new MlflowError(`Could not find experiment with name '${name}'`, 'RESOURCE_DOES_NOT_EXIST');
    const [experiment] = await this.withTags([row]);
    if (experiment === undefined) throw noExperiment(String(row.experiment_id));
    return experiment;
  }

  async search(input: SearchExperimentsInput): Promise<Page<Experiment>> {
    const maxResults = checkMaxResults(input.maxResults, 1000, 50_000);
    const offset = decodePageToken(input.pageToken);
    const query = experimentSearchSql({
      conditions: parseExperimentFilter(input.filter),
      orderBy: parseExperimentOrderBy(input.orderBy),
      viewType: input.viewType ?? 'ACTIVE_ONLY',
      limit: maxResults + 1,
      offset,
      caps: this.ctx.caps,
    });
    const { rows } = await query.execute(this.ctx.db);
    const items = await this.withTags(rows.slice(0, maxResults));
    return rows.length > maxResults
      ? { items, nextPageToken: encodePageToken(offset + maxResults) }
      : { items };
  }

  async rename(experimentId: string, newName: string): Promise<void> {
    const row = await this.row(experimentId);
    if (row.lifecycle_stage !== 'active')
      throw new MlflowError('Cannot rename a non-active experiment.', 'INVALID_STATE');
    if (newName === '') throw new MlflowError("Invalid experiment name: ''", 'INVALID_PARAMETER_VALUE');
    checkLength('name', newName, MAX_EXPERIMENT_NAME_LENGTH);
    if (newName === row.name) return;
    const clash = await this.ctx.db
      .selectFrom('experiments')
      .select('experiment_id')
      .where('name', '=', newName)
      .executeTakeFirst();
    if (clash !== undefined) throw alreadyExists(newName);
    const renamed = this.ctx.db
      .updateTable('experiments')
      .set({ name: newName, last_update_time: this.ctx.now() })
      .where('experiment_id', '=', row.experiment_id)
      .execute();
    await orAlreadyExists(newName, renamed);
  }

  async setLifecycle(experimentId: string, to: LifecycleStage): Promise<void> {
    const row = await this.row(experimentId);
    // MLflow answers "does not exist" for deleting a deleted experiment and restoring an active one.
    if (row.lifecycle_stage === to) throw noExperiment(experimentId);
    const now = this.ctx.now();
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('experiments')
        .set({ lifecycle_stage: to, last_update_time: now })
        .where('experiment_id', '=', row.experiment_id)
        .execute();
      await trx
        .updateTable('runs')
        .set({ lifecycle_stage: to, deleted_time: to === 'deleted' ? now : null })
        .where('experiment_id', '=', row.experiment_id)
        .execute();
    });
  }

  async setTag(experimentId: string, tag: ExperimentTag): Promise<void> {
    const row = await this.activeRow(experimentId);
    this.checkTag(tag);
    await this.ctx.db
      .insertInto('experiment_tags')
      .values({ experiment_id: row.experiment_id, key: tag.key, value: tag.value })
      .onConflict((oc) => oc.columns(['experiment_id', 'key']).doUpdateSet({ value: tag.value }))
      .execute();
  }

  async deleteTag(experimentId: string, key: string): Promise<void> {
    const row = await this.activeRow(experimentId);
    const result = await this.ctx.db
      .deleteFrom('experiment_tags')
      .where('experiment_id', '=', row.experiment_id)
      .where('key', '=', key)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) {
      throw new MlflowError(
        `No tag with name: ${key} in experiment with id ${experimentId}`,
        'RESOURCE_DOES_NOT_EXIST',
      );
    }
  }

  private checkTag(tag: ExperimentTag): void {
    validateKey(tag.key);
    checkLength('value', tag.value, MAX_EXPERIMENT_TAG_VALUE_LENGTH);
  }

  private async withTags(rows: ExperimentRow[]): Promise<Experiment[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.experiment_id);
    const tags = await this.ctx.db
      .selectFrom('experiment_tags')
      .selectAll()
      .where('experiment_id', 'in', ids)
      .execute();
    return rows.map((r) => ({
      experiment_id: String(r.experiment_id),
      name: r.name,
      artifact_location: r.artifact_location,
      lifecycle_stage: r.lifecycle_stage as LifecycleStage,
      creation_time: r.creation_time,
      last_update_time: r.last_update_time,
      tags: tags
        .filter((t) => t.experiment_id === r.experiment_id)
        .map((t) => ({ key: t.key, value: t.value })),
    }));
  }
}
