import { MlflowError } from '../../core/mlflow-error.js';
import { parseLoggedModelFilter } from '../search/logged-model-filter.js';
import { checkMaxResults } from '../search/page-token.js';
import type {
  CreateLoggedModelInput,
  LoggedModel,
  LoggedModelStatus,
  LoggedModelTag,
  LoggedModelParameter,
  Page,
  SearchLoggedModelsInput,
} from '../tracking-store.js';
import type { LoggedModelsTable } from './database.js';
import { STATUS_NUMBERS, loggedModelSearchSql } from './logged-model-search-sql.js';
import { decodeModelPageToken, encodeModelPageToken } from './logged-model-page-token.js';
import { randomHexId, randomName } from './random-names.js';
import { experimentIdToInt, type SqlContext } from './sql-context.js';
import type { SqlExperimentStore } from './sql-experiment-store.js';
import { checkLength, joinArtifactUri, validateKey } from './validation.js';

const STATUS_NAMES = Object.fromEntries(Object.entries(STATUS_NUMBERS).map(([k, v]) => [v, k])) as Record<
  number,
  LoggedModelStatus
>;
const FORBIDDEN_NAME_CHARS = ['/', ':', '.', '%', '"', "'"];

function notFound(modelId: string): MlflowError {
  return new MlflowError(`Logged model with ID '${modelId}' not found.`, 'RESOURCE_DOES_NOT_EXIST');
}

function checkName(name: string): void {
  checkLength('name', name, 500);
  if (name === '' || FORBIDDEN_NAME_CHARS.some((c) => name.includes(c))) {
    throw new MlflowError(
      `Invalid model name ('${name}') provided. Model name must be a non-empty string and cannot contain the ` +
        `following characters: ${FORBIDDEN_NAME_CHARS.map((c) => `'${c}'`).join(', ')}`,
      'INVALID_PARAMETER_VALUE',
    );
  }
}

/** MLflow 3 logged models, their tags, params and linked metrics in the SQL store. */
export class SqlLoggedModelStore {
  constructor(
    private readonly ctx: SqlContext,
    private readonly experiments: SqlExperimentStore,
  ) {}

  async create(input: CreateLoggedModelInput): Promise<LoggedModel> {
    const experiment = await this.experiments.activeRow(input.experimentId);
    const name = input.name ?? randomName();
    checkName(name);
    for (const kv of [...(input.params ?? []), ...(input.tags ?? [])]) validateKey(kv.key);
    const modelId = `m-${randomHexId()}`;
    const now = this.ctx.now();
    const row: LoggedModelsTable = {
      model_id: modelId,
      experiment_id: experiment.experiment_id,
      name,
      artifact_location: joinArtifactUri(experiment.artifact_location, 'models', modelId, 'artifacts'),
      creation_timestamp_ms: now,
      last_updated_timestamp_ms: now,
      status: STATUS_NUMBERS.LOGGED_MODEL_PENDING ?? 1,
      lifecycle_stage: 'active',
      model_type: input.modelType ?? null,
      source_run_id: input.sourceRunId ?? null,
      status_message: null,
    };
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('logged_models').values(row).execute();
      const params = (input.params ?? []).map((p) => ({ model_id: modelId, key: p.key, value: p.value }));
      if (params.length > 0)
        await trx
          .insertInto('logged_model_params')
          .values(params)
          .onConflict((oc) => oc.doNothing())
          .execute();
      const tags = (input.tags ?? []).map((t) => ({ model_id: modelId, key: t.key, value: t.value }));
      if (tags.length > 0)
        await trx
          .insertInto('logged_model_tags')
          .values(tags)
          .onConflict((oc) => oc.doNothing())
          .execute();
    });
    return this.get(modelId);
  }

  private async row(modelId: string): Promise<LoggedModelsTable> {
    const row = await this.ctx.db
      .selectFrom('logged_models')
      .selectAll()
      .where('model_id', '=', modelId)
      .where('lifecycle_stage', '=', 'active')
      .executeTakeFirst();
    if (row === undefined) throw notFound(modelId);
    return row;
  }

  async get(modelId: string): Promise<LoggedModel> {
    const [model] = await this.load([await this.row(modelId)]);
    if (model === undefined) throw notFound(modelId);
    return model;
  }

  async finalize(modelId: string, status: LoggedModelStatus): Promise<LoggedModel> {
    await this.row(modelId);
    if (status !== 'LOGGED_MODEL_READY' && status !== 'LOGGED_MODEL_UPLOAD_FAILED') {
      throw new MlflowError(
        `Invalid status '${status}' for finalizing a logged model.`,
        'INVALID_PARAMETER_VALUE',
      );
    }
    await this.ctx.db
      .updateTable('logged_models')
      .set({ status: STATUS_NUMBERS[status] ?? 0, last_updated_timestamp_ms: this.ctx.now() })
      .where('model_id', '=', modelId)
      .execute();
    return this.get(modelId);
  }

  async delete(modelId: string): Promise<void> {
    await this.row(modelId);
    await this.ctx.db
      .updateTable('logged_models')
      .set({ lifecycle_stage: 'deleted', last_updated_timestamp_ms: this.ctx.now() })
      .where('model_id', '=', modelId)
      .execute();
  }

  async setTags(modelId: string, tags: readonly LoggedModelTag[]): Promise<void> {
    await this.row(modelId);
    tags.forEach((t) => validateKey(t.key));
    await this.upsert('logged_model_tags', modelId, tags);
  }

  async deleteTag(modelId: string, key: string): Promise<void> {
    await this.row(modelId);
    const result = await this.ctx.db
      .deleteFrom('logged_model_tags')
      .where('model_id', '=', modelId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) {
      throw new MlflowError(
        `No tag with key '${key}' found for model with ID '${modelId}'.`,
        'RESOURCE_DOES_NOT_EXIST',
      );
    }
  }

  async logParams(modelId: string, params: readonly LoggedModelParameter[]): Promise<void> {
    await this.row(modelId);
    params.forEach((p) => validateKey(p.key));
    await this.upsert('logged_model_params', modelId, params);
  }

  private async upsert(
    table: 'logged_model_tags' | 'logged_model_params',
    modelId: string,
    items: readonly LoggedModelTag[],
  ): Promise<void> {
    for (const item of items) {
      await this.ctx.db
        .insertInto(table)
        .values({ model_id: modelId, key: item.key, value: item.value })
        .onConflict((oc) => oc.columns(['model_id', 'key']).doUpdateSet({ value: item.value }))
        .execute();
    }
  }

  async search(input: SearchLoggedModelsInput): Promise<Page<LoggedModel>> {
    const maxResults = checkMaxResults(input.maxResults, 50, Number.MAX_SAFE_INTEGER);
    const offset = decodeModelPageToken(input);
    for (const d of input.datasets ?? []) {
      if (d.dataset_name === undefined || d.dataset_name === '') {
        throw new MlflowError(
          '`dataset_name` in the `datasets` clause must be specified.',
          'INVALID_PARAMETER_VALUE',
        );
      }
    }
    const query = loggedModelSearchSql({
      experimentIds: input.experimentIds.map(experimentIdToInt).filter((id) => id !== undefined),
      conditions: parseLoggedModelFilter(input.filter),
      datasets: input.datasets ?? [],
      orderBy: input.orderBy ?? [],
      limit: maxResults + 1,
      offset,
      caps: this.ctx.caps,
    });
    const { rows } = await query.execute(this.ctx.db);
    const items = await this.load(rows.slice(0, maxResults));
    return rows.length > maxResults
      ? { items, nextPageToken: encodeModelPageToken(input, offset + maxResults) }
      : { items };
  }

  private async load(rows: LoggedModelsTable[]): Promise<LoggedModel[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.model_id);
    const [tags, params, metrics] = await Promise.all([
      this.ctx.db.selectFrom('logged_model_tags').selectAll().where('model_id', 'in', ids).execute(),
      this.ctx.db.selectFrom('logged_model_params').selectAll().where('model_id', 'in', ids).execute(),
      this.ctx.db
        .selectFrom('logged_model_metrics')
        .selectAll()
        .where('model_id', 'in', ids)
        .orderBy('metric_timestamp_ms')
        .execute(),
    ]);
    return rows.map((r) => ({
      info: {
        model_id: r.model_id,
        experiment_id: String(r.experiment_id),
        name: r.name,
        creation_timestamp_ms: r.creation_timestamp_ms,
        last_updated_timestamp_ms: r.last_updated_timestamp_ms,
        artifact_uri: r.artifact_location,
        status: STATUS_NAMES[r.status] ?? 'LOGGED_MODEL_STATUS_UNSPECIFIED',
        ...(r.model_type === null ? {} : { model_type: r.model_type }),
        ...(r.source_run_id === null ? {} : { source_run_id: r.source_run_id }),
        ...(r.status_message === null ? {} : { status_message: r.status_message }),
        tags: tags.filter((t) => t.model_id === r.model_id).map((t) => ({ key: t.key, value: t.value })),
      },
      data: {
        params: params.filter((p) => p.model_id === r.model_id).map((p) => ({ key: p.key, value: p.value })),
        metrics: metrics
          .filter((m) => m.model_id === r.model_id)
          .map((m) => ({
            key: m.metric_name,
            value: m.is_nan === 1 ? Number.NaN : m.metric_value,
            timestamp: m.metric_timestamp_ms,
            step: m.metric_step,
            run_id: m.run_id,
            model_id: m.model_id,
            ...(m.dataset_name === null ? {} : { dataset_name: m.dataset_name }),
            ...(m.dataset_digest === null ? {} : { dataset_digest: m.dataset_digest }),
          })),
      },
    }));
  }
}
