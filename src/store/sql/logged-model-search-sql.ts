import { sql, type RawBuilder } from 'kysely';
import { MlflowError } from '../../core/mlflow-error.js';
import { loggedModelColumn, type LoggedModelCondition } from '../search/logged-model-filter.js';
import type { LoggedModelDatasetFilter, LoggedModelOrderBy } from '../tracking-store.js';
import type { LoggedModelsTable } from './database.js';
import { compareSql } from './sql-compare.js';
import type { StoreDialectCapabilities } from './store-dialect.js';

/** A checked search_logged_models request, ready to become SQL. */
export interface LoggedModelSearchSpec {
  experimentIds: number[];
  conditions: LoggedModelCondition[];
  datasets: LoggedModelDatasetFilter[];
  orderBy: LoggedModelOrderBy[];
  limit: number;
  offset: number;
  caps: StoreDialectCapabilities;
}

const STATUS_NUMBERS: Record<string, number> = {
  LOGGED_MODEL_STATUS_UNSPECIFIED: 0,
  LOGGED_MODEL_PENDING: 1,
  LOGGED_MODEL_READY: 2,
  LOGGED_MODEL_UPLOAD_FAILED: 3,
};

function datasetSql(
  datasets: readonly { dataset_name?: string; dataset_digest?: string }[],
): RawBuilder<unknown> {
  if (datasets.length === 0) return sql``;
  const one = datasets.map((d) =>
    d.dataset_digest === undefined
      ? sql`x.dataset_name = ${d.dataset_name ?? ''}`
      : sql`(x.dataset_name = ${d.dataset_name ?? ''} AND x.dataset_digest = ${d.dataset_digest})`,
  );
  return sql` AND (${sql.join(one, sql` OR `)})`;
}

function conditionSql(c: LoggedModelCondition, spec: LoggedModelSearchSpec): RawBuilder<unknown> {
  if (c.target === 'attribute') {
    const value =
      c.key === 'status' && typeof c.value === 'string' ? (STATUS_NUMBERS[c.value] ?? c.value) : c.value;
    return compareSql(sql.ref(`m.${c.key}`), c.comparator, value, spec.caps);
  }
  if (c.target === 'metric') {
    // Any recorded point of the model matches, not only the latest.
    const match = compareSql(sql.ref('x.metric_value'), c.comparator, c.value, spec.caps);
    return sql`EXISTS (SELECT 1 FROM logged_model_metrics x WHERE x.model_id = m.model_id AND x.metric_name = ${c.key}
      AND x.is_nan = 0 AND ${match}${datasetSql(spec.datasets)})`;
  }
  const table = sql.table(c.target === 'param' ? 'logged_model_params' : 'logged_model_tags');
  const match = compareSql(sql.ref('x.value'), c.comparator, c.value, spec.caps);
  return sql`EXISTS (SELECT 1 FROM ${table} x WHERE x.model_id = m.model_id AND x.key = ${c.key} AND ${match})`;
}

function orderTerms(o: LoggedModelOrderBy): RawBuilder<unknown>[] {
  const dir = sql.raw(o.ascending === false ? 'DESC' : 'ASC');
  if (o.field_name.startsWith('metrics.')) {
    const name = o.field_name.slice('metrics.'.length);
    const filter =
      o.dataset_name === undefined
        ? []
        : [
            {
              dataset_name: o.dataset_name,
              ...(o.dataset_digest === undefined ? {} : { dataset_digest: o.dataset_digest }),
            },
          ];
    const latest = sql`(SELECT x.metric_value FROM logged_model_metrics x WHERE x.model_id = m.model_id AND x.metric_name = ${name}${datasetSql(filter)}
      ORDER BY x.metric_timestamp_ms DESC, x.metric_step DESC LIMIT 1)`;
    return [sql`CASE WHEN ${latest} IS NULL THEN 1 ELSE 0 END`, sql`${latest} ${dir}`];
  }
  if (o.field_name.includes('.')) {
    throw new MlflowError(
      `Invalid order by field name: ${o.field_name}. Only metrics are supported.`,
      'INVALID_PARAMETER_VALUE',
    );
  }
  const column = sql.ref(`m.${loggedModelColumn(o.field_name)}`);
  return [sql`CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END`, sql`${column} ${dir}`];
}

/**
 * The search_logged_models query: experiments, filter, dataset restriction, order and page in SQL.
 *
 * @example await loggedModelSearchSql(spec).execute(db)
 */
export function loggedModelSearchSql(spec: LoggedModelSearchSpec): RawBuilder<LoggedModelsTable> {
  const ids = spec.experimentIds.length === 0 ? sql`NULL` : sql.join(spec.experimentIds);
  const where = [
    sql`m.experiment_id IN (${ids})`,
    sql`m.lifecycle_stage = 'active'`,
    ...spec.conditions.map((c) => conditionSql(c, spec)),
  ];
  if (spec.datasets.length > 0 && !spec.conditions.some((c) => c.target === 'metric')) {
    where.push(
      sql`EXISTS (SELECT 1 FROM logged_model_metrics x WHERE x.model_id = m.model_id${datasetSql(spec.datasets)})`,
    );
  }
  const terms = spec.orderBy.flatMap(orderTerms);
  const byCreation = spec.orderBy.some(
    (o) => !o.field_name.includes('.') && loggedModelColumn(o.field_name) === 'creation_timestamp_ms',
  );
  if (!byCreation) terms.push(sql`m.creation_timestamp_ms DESC`);
  terms.push(sql`m.model_id ASC`);
  return sql<LoggedModelsTable>`SELECT m.* FROM logged_models m WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${sql.join(terms)} LIMIT ${spec.limit} OFFSET ${spec.offset}`;
}

export { STATUS_NUMBERS };
