import { sql, type Kysely } from 'kysely';
import { MlflowError } from '../../core/mlflow-error.js';
import { decodePageToken, encodePageToken } from '../search/page-token.js';
import type { LogBatchInput, Metric, MetricHistoryInput, Page, Param, RunTag } from '../tracking-store.js';
import type { RunsTable, TrackingDatabase } from './database.js';
import { metricFromRow, storedValue } from './run-rows.js';
import { insertMetricRows } from './insert-metric-rows.js';
import type { SqlContext } from './sql-context.js';
import type { SqlRunStore } from './sql-run-store.js';
import {
  MAX_PARAM_VALUE_LENGTH,
  MAX_RUN_TAG_VALUE_LENGTH,
  truncate,
  validateKey,
  validateMetric,
} from './validation.js';

type Db = Kysely<TrackingDatabase>;

function bad(message: string): MlflowError {
  return new MlflowError(message, 'INVALID_PARAMETER_VALUE');
}

function checkBatchLimits(input: LogBatchInput): void {
  const [metrics, params, tags] = [
    input.metrics?.length ?? 0,
    input.params?.length ?? 0,
    input.tags?.length ?? 0,
  ];
  const limit = (n: number, max: number, what: string): void => {
    if (n > max) {
      throw bad(
        `A batch logging request can contain at most ${max} ${what}. Got ${n} ${what}. ` +
          'Please split up metrics, params, and tags across multiple requests and try again.',
      );
    }
  };
  limit(metrics, 1000, 'metrics');
  limit(params, 100, 'params');
  limit(tags, 100, 'tags');
  limit(metrics + params + tags, 1000, 'total metrics, params, and tags');
}

/** The per-key latest point of a batch: max of (step, timestamp, value), as MLflow defines "latest". */
function latestPerKey(metrics: readonly Metric[]): Metric[] {
  const latest = new Map<string, Metric>();
  for (const m of metrics) {
    const cur = latest.get(m.key);
    const newer =
      cur === undefined ||
      m.step > cur.step ||
      (m.step === cur.step &&
        (m.timestamp > cur.timestamp || (m.timestamp === cur.timestamp && m.value > cur.value)));
    if (newer) latest.set(m.key, m);
  }
  return [...latest.values()];
}

/** Metric points, latest metrics, params and tags written together for one run. */
export class SqlMetricStore {
  constructor(
    private readonly ctx: SqlContext,
    private readonly runs: SqlRunStore,
  ) {}

  async logMetric(runId: string, metric: Metric): Promise<void> {
    await this.logBatch(runId, { metrics: [metric] });
  }

  async logBatch(runId: string, input: LogBatchInput): Promise<void> {
    checkBatchLimits(input);
    const run = await this.runs.activeRow(runId);
    const metrics = (input.metrics ?? []).map((m) => ({ ...m, step: m.step ?? 0 }));
    metrics.forEach(validateMetric);
    for (const item of [...(input.params ?? []), ...(input.tags ?? [])]) validateKey(item.key);
    const params = await this.newParams(runId, input.params ?? []);
    await this.ctx.db.transaction().execute(async (trx) => {
      await this.insertMetrics(trx, run, metrics);
      if (params.length > 0) await trx.insertInto('params').values(params).execute();
      for (const tag of input.tags ?? []) await this.upsertTag(trx, runId, tag);
    });
  }

  /** Params not yet logged; a key logged with another value is MLflow's "Changing param values" error. */
  private async newParams(
    runId: string,
    params: readonly Param[],
  ): Promise<{ run_uuid: string; key: string; value: string }[]> {
    if (params.length === 0) return [];
    const keys = params.map((p) => p.key);
    const dup = keys.filter((k, i) => keys.indexOf(k) !== i);
    if (dup.length > 0) {
      throw bad(
        `Duplicate parameter keys have been submitted: [${[...new Set(dup)].map((k) => `'${k}'`).join(', ')}]. ` +
          'Please ensure the request contains only one param value per param key.',
      );
    }
    const existing = new Map(
      (
        await this.ctx.db
          .selectFrom('params')
          .select(['key', 'value'])
          .where('run_uuid', '=', runId)
          .where('key', 'in', keys)
          .execute()
      ).map((r) => [r.key, r.value]),
    );
    const values = params.map((p) => ({ key: p.key, value: truncate(p.value, MAX_PARAM_VALUE_LENGTH) }));
    const changed = values.filter((p) => existing.has(p.key) && existing.get(p.key) !== p.value);
    if (changed.length > 0) {
      const list = changed.map(
        (p) => `{'key': '${p.key}', 'old_value': '${existing.get(p.key)}', 'new_value': '${p.value}'}`,
      );
      throw bad(
        `Changing param values is not allowed. Params were already logged='[${list.join(', ')}]' for run ID='${runId}'.`,
      );
    }
    return values.filter((p) => !existing.has(p.key)).map((p) => ({ run_uuid: runId, ...p }));
  }

  private async upsertTag(trx: Db, runId: string, tag: RunTag): Promise<void> {
    const value = truncate(tag.value, MAX_RUN_TAG_VALUE_LENGTH);
    await trx
      .insertInto('tags')
      .values({ run_uuid: runId, key: tag.key, value })
      .onConflict((oc) => oc.columns(['run_uuid', 'key']).doUpdateSet({ value }))
      .execute();
    if (tag.key === 'mlflow.runName')
      await trx.updateTable('runs').set({ name: value }).where('run_uuid', '=', runId).execute();
  }

  private async insertMetrics(trx: Db, run: RunsTable, metrics: readonly Metric[]): Promise<void> {
    if (metrics.length === 0) return;
    const rows = metrics.map((m) => ({
      run_uuid: run.run_uuid,
      key: m.key,
      timestamp: m.timestamp,
      step: m.step,
      ...storedValue(m.value),
    }));
    await insertMetricRows(trx, rows, this.ctx.caps);
    const latest = latestPerKey(metrics).map((m) => ({
      run_uuid: run.run_uuid,
      key: m.key,
      timestamp: m.timestamp,
      step: m.step,
      experiment_id: run.experiment_id,
      ...storedValue(m.value),
    }));
    await trx
      .insertInto('latest_metrics')
      .values(latest)
      .onConflict((oc) =>
        oc
          .columns(['run_uuid', 'key'])
          .doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            timestamp: eb.ref('excluded.timestamp'),
            step: eb.ref('excluded.step'),
            is_nan: eb.ref('excluded.is_nan'),
          }))
          .where(
            sql<boolean>`(excluded.step, excluded.timestamp, excluded.value) > (latest_metrics.step, latest_metrics.timestamp, latest_metrics.value)`,
          ),
      )
      .execute();
    await this.linkModelMetrics(trx, run, metrics);
  }

  /** Points carrying a `model_id` also belong to that logged model's metrics. */
  private async linkModelMetrics(trx: Db, run: RunsTable, metrics: readonly Metric[]): Promise<void> {
    const linked = metrics.filter((m) => m.model_id !== undefined && m.model_id !== '');
    if (linked.length === 0) return;
    const rows = linked.map((m) => {
      const stored = storedValue(m.value);
      return {
        model_id: m.model_id ?? '',
        metric_name: m.key,
        metric_timestamp_ms: m.timestamp,
        metric_step: m.step,
        metric_value: stored.value,
        is_nan: stored.is_nan,
        experiment_id: run.experiment_id,
        run_id: run.run_uuid,
        dataset_name: m.dataset_name ?? null,
        dataset_digest: m.dataset_digest ?? null,
      };
    });
    await trx.insertInto('logged_model_metrics').values(rows).execute();
  }

  async history(runId: string, metricKey: string, input: MetricHistoryInput = {}): Promise<Page<Metric>> {
    await this.runs.row(runId);
    const offset = decodePageToken(input.pageToken);
    const max = input.maxResults === undefined || input.maxResults <= 0 ? undefined : input.maxResults;
    let query = this.ctx.db
      .selectFrom('metrics')
      .select(['key', 'value', 'timestamp', 'step', 'is_nan'])
      .where('run_uuid', '=', runId)
      .where('key', '=', metricKey)
      .orderBy('timestamp')
      .orderBy('step')
      .orderBy('value');
    if (max !== undefined) query = query.limit(max + 1).offset(offset);
    else if (offset > 0) query = query.limit(Number.MAX_SAFE_INTEGER).offset(offset);
    const rows = await query.execute();
    const items = rows.slice(0, max ?? rows.length).map(metricFromRow);
    return max !== undefined && rows.length > max
      ? { items, nextPageToken: encodePageToken(offset + max) }
      : { items };
  }
}
