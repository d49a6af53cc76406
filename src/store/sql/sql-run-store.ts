import { MlflowError } from '../../core/mlflow-error.js';
import { checkMaxResults, decodePageToken, encodePageToken } from '../search/page-token.js';
import { parseRunFilter, parseRunOrderBy } from '../search/run-filter.js';
import type {
  CreateRunInput,
  Page,
  Param,
  Run,
  RunInfo,
  RunTag,
  SearchRunsInput,
  UpdateRunInput,
} from '../tracking-store.js';
import type { RunsTable } from './database.js';
import { randomHexId, randomName } from './random-names.js';
import { loadRuns, runInfoFromRow } from './run-rows.js';
import { metricOrderSearch } from './metric-order-search.js';
import { runSearchSql } from './run-search-sql.js';
import { experimentIdToInt, noRun, type SqlContext } from './sql-context.js';
import type { SqlExperimentStore } from './sql-experiment-store.js';
import {
  MAX_PARAM_VALUE_LENGTH,
  MAX_RUN_TAG_VALUE_LENGTH,
  joinArtifactUri,
  truncate,
  validateKey,
} from './validation.js';

const RUN_NAME_TAG = 'mlflow.runName';

function runNameFor(input: CreateRunInput): string {
  const tagName = input.tags?.find((t) => t.key === RUN_NAME_TAG)?.value;
  if (
    input.runName !== undefined &&
    input.runName !== '' &&
    tagName !== undefined &&
    tagName !== input.runName
  ) {
    throw new MlflowError(
      `Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values ` +
        `(run_name='${input.runName}', mlflow.runName='${tagName}').`,
      'INVALID_PARAMETER_VALUE',
    );
  }
  return input.runName || tagName || randomName();
}

/** Runs, their tags and params, and run search in the SQL store. */
export class SqlRunStore {
  constructor(
    private readonly ctx: SqlContext,
    private readonly experiments: SqlExperimentStore,
  ) {}

  async create(input: CreateRunInput): Promise<Run> {
    const experiment = await this.experiments.activeRow(input.experimentId ?? '0');
    const name = runNameFor(input);
    const tags = (input.tags ?? []).filter((t) => t.key !== RUN_NAME_TAG);
    for (const tag of tags) validateKey(tag.key);
    const runId = randomHexId();
    const row: RunsTable = {
      run_uuid: runId,
      name,
      experiment_id: experiment.experiment_id,
      user_id: input.userId ?? '',
      status: 'RUNNING',
      start_time: input.startTime ?? this.ctx.now(),
      end_time: null,
      artifact_uri: joinArtifactUri(experiment.artifact_location, runId, 'artifacts'),
      lifecycle_stage: 'active',
      deleted_time: null,
    };
    const tagRows = [...tags, { key: RUN_NAME_TAG, value: name }].map((t) => ({
      run_uuid: runId,
      key: t.key,
      value: truncate(t.value, MAX_RUN_TAG_VALUE_LENGTH),
    }));
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('runs').values(row).execute();
      await trx.insertInto('tags').values(tagRows).execute();
    });
    // A new run has only its tags, so it is returned without reading it back.
    return {
      info: runInfoFromRow(row),
      data: { metrics: [], params: [], tags: tagRows.map((t) => ({ key: t.key, value: t.value })) },
      inputs: { dataset_inputs: [], model_inputs: [] },
      outputs: { model_outputs: [] },
    };
  }

  async row(runId: string): Promise<RunsTable> {
    const row = await this.ctx.db
      .selectFrom('runs')
      .selectAll()
      .where('run_uuid', '=', runId)
      .executeTakeFirst();
    if (row === undefined) throw noRun(runId);
    return row;
  }

  /** The row of a run that must be active to be written to. */
  async activeRow(runId: string): Promise<RunsTable> {
    const row = await this.row(runId);
    if (row.lifecycle_stage !== 'active') {
      throw new MlflowError(
        `The run ${runId} must be in the 'active' state. Current state is ${row.lifecycle_stage}.`,
        'INVALID_PARAMETER_VALUE',
      );
    }
    return row;
  }

  async get(runId: string): Promise<Run> {
    const [run] = await loadRuns(this.ctx, [await this.row(runId)]);
    if (run === undefined) throw noRun(runId);
    return run;
  }

  async update(runId: string, input: UpdateRunInput): Promise<RunInfo> {
    const row = await this.activeRow(runId);
    const changes: Partial<RunsTable> = {};
    if (input.status !== undefined) changes.status = input.status;
    if (input.endTime !== undefined) changes.end_time = input.endTime;
    if (input.runName !== undefined && input.runName !== '') changes.name = input.runName;
    await this.ctx.db.transaction().execute(async (trx) => {
      if (Object.keys(changes).length > 0)
        await trx.updateTable('runs').set(changes).where('run_uuid', '=', runId).execute();
      if (changes.name !== undefined) {
        await trx
          .insertInto('tags')
          .values({ run_uuid: runId, key: RUN_NAME_TAG, value: changes.name })
          .onConflict((oc) => oc.columns(['run_uuid', 'key']).doUpdateSet({ value: changes.name ?? '' }))
          .execute();
      }
    });
    return runInfoFromRow({ ...row, ...changes });
  }

  async setLifecycle(runId: string, to: 'active' | 'deleted'): Promise<void> {
    await this.row(runId);
    await this.ctx.db
      .updateTable('runs')
      .set({ lifecycle_stage: to, deleted_time: to === 'deleted' ? this.ctx.now() : null })
      .where('run_uuid', '=', runId)
      .execute();
  }

  async search(input: SearchRunsInput): Promise<Page<Run>> {
    const maxResults = checkMaxResults(input.maxResults, 1000, 50_000);
    const offset = decodePageToken(input.pageToken);
    const spec = {
      experimentIds: input.experimentIds.map(experimentIdToInt).filter((id) => id !== undefined),
      conditions: parseRunFilter(input.filter),
      orderBy: parseRunOrderBy(input.orderBy),
      viewType: input.runViewType ?? 'ACTIVE_ONLY',
      limit: maxResults,
      offset,
      caps: this.ctx.caps,
    };
    const [only, ...more] = spec.orderBy;
    const rows =
      only?.target === 'metric' && more.length === 0
        ? await metricOrderSearch(this.ctx.db, spec, only)
        : (await runSearchSql(spec).execute(this.ctx.db)).rows;
    const items = await loadRuns(this.ctx, rows);
    // Like MLflow's SQL store: a full page carries a token even when it happens to be the last one.
    return rows.length === maxResults
      ? { items, nextPageToken: encodePageToken(offset + maxResults) }
      : { items };
  }

  async setTag(runId: string, tag: RunTag): Promise<void> {
    await this.activeRow(runId);
    validateKey(tag.key);
    await this.writeTags(runId, [tag]);
  }

  /** Upserts tags; `mlflow.runName` also renames the run. */
  async writeTags(runId: string, tags: readonly RunTag[]): Promise<void> {
    for (const tag of tags) {
      const value = truncate(tag.value, MAX_RUN_TAG_VALUE_LENGTH);
      await this.ctx.db
        .insertInto('tags')
        .values({ run_uuid: runId, key: tag.key, value })
        .onConflict((oc) => oc.columns(['run_uuid', 'key']).doUpdateSet({ value }))
        .execute();
      if (tag.key === RUN_NAME_TAG)
        await this.ctx.db.updateTable('runs').set({ name: value }).where('run_uuid', '=', runId).execute();
    }
  }

  async deleteTag(runId: string, key: string): Promise<void> {
    await this.activeRow(runId);
    const result = await this.ctx.db
      .deleteFrom('tags')
      .where('run_uuid', '=', runId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) {
      throw new MlflowError(`No tag with name: ${key} in run with id ${runId}`, 'RESOURCE_DOES_NOT_EXIST');
    }
  }

  async logParam(runId: string, param: Param): Promise<void> {
    await this.activeRow(runId);
    validateKey(param.key);
    const value = truncate(param.value, MAX_PARAM_VALUE_LENGTH);
    const existing = await this.ctx.db
      .selectFrom('params')
      .select('value')
      .where('run_uuid', '=', runId)
      .where('key', '=', param.key)
      .executeTakeFirst();
    if (existing === undefined) {
      await this.ctx.db
        .insertInto('params')
        .values({ run_uuid: runId, key: param.key, value })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else if (existing.value !== value) {
      throw new MlflowError(
        `Changing param values is not allowed. Param with key='${param.key}' was already logged with value='${existing.value}' ` +
          `for run ID='${runId}'. Attempted logging new value '${value}'.`,
        'INVALID_PARAMETER_VALUE',
      );
    }
  }
}
