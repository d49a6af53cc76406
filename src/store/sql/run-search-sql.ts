import { sql, type RawBuilder } from 'kysely';
import type { RunCondition, RunOrderBy } from '../search/run-filter.js';
import type { ViewType } from '../tracking-store.js';
import type { RunsTable } from './database.js';
import { lifecycleSql } from './experiment-search-sql.js';
import { compareSql } from './sql-compare.js';
import type { StoreDialectCapabilities } from './store-dialect.js';

/** A checked search_runs request, ready to become SQL. */
export interface RunSearchSpec {
  experimentIds: number[];
  conditions: RunCondition[];
  orderBy: RunOrderBy[];
  viewType: ViewType;
  limit: number;
  offset: number;
  caps: StoreDialectCapabilities;
}

const KEYED_TABLE = { metric: 'latest_metrics', param: 'params', tag: 'tags' } as const;

function datasetCondition(c: RunCondition, caps: StoreDialectCapabilities): RawBuilder<unknown> {
  if (c.key === 'context') {
    const match = compareSql(sql.ref('it.value'), c.comparator, c.value, caps);
    return sql`EXISTS (SELECT 1 FROM run_dataset_inputs i JOIN input_tags it ON it.input_uuid = i.input_uuid
      WHERE i.run_uuid = r.run_uuid AND it.name = 'mlflow.data.context' AND ${match})`;
  }
  const match = compareSql(sql.ref(`d.${c.key}`), c.comparator, c.value, caps);
  return sql`EXISTS (SELECT 1 FROM run_dataset_inputs i JOIN datasets d ON d.dataset_uuid = i.dataset_uuid
    WHERE i.run_uuid = r.run_uuid AND ${match})`;
}

function conditionSql(c: RunCondition, caps: StoreDialectCapabilities): RawBuilder<unknown> {
  if (c.target === 'attribute') return compareSql(sql.ref(`r.${c.key}`), c.comparator, c.value, caps);
  if (c.target === 'dataset') return datasetCondition(c, caps);
  const table = sql.table(KEYED_TABLE[c.target]);
  const match = compareSql(sql.ref('x.value'), c.comparator, c.value, caps);
  // Entity clauses are existence joins: a run without the key never matches, even for `!=`.
  const finite = c.target === 'metric' ? sql` AND x.is_nan = 0` : sql``;
  return sql`EXISTS (SELECT 1 FROM ${table} x WHERE x.run_uuid = r.run_uuid AND x.key = ${c.key}${finite} AND ${match})`;
}

function direction(ascending: boolean): RawBuilder<unknown> {
  return sql.raw(ascending ? 'ASC' : 'DESC');
}

/** Join and ORDER BY terms for one order key; missing keys sort last both ways, NaN just before them. */
function orderTerms(
  o: RunOrderBy,
  index: number,
): { join: RawBuilder<unknown>; terms: RawBuilder<unknown>[] } {
  if (o.target === 'attribute') {
    const column = sql.ref(`r.${o.key}`);
    return {
      join: sql``,
      terms: [sql`CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END`, sql`${column} ${direction(o.ascending)}`],
    };
  }
  const alias = sql.id(`o${index}`);
  const join = sql` LEFT JOIN ${sql.table(KEYED_TABLE[o.target])} ${alias} ON ${alias}.run_uuid = r.run_uuid AND ${alias}.key = ${o.key}`;
  const rank =
    o.target === 'metric'
      ? sql`CASE WHEN ${alias}.run_uuid IS NULL THEN 2 WHEN ${alias}.is_nan = 1 THEN 1 ELSE 0 END`
      : sql`CASE WHEN ${alias}.run_uuid IS NULL THEN 1 ELSE 0 END`;
  return { join, terms: [rank, sql`${alias}.value ${direction(o.ascending)}`] };
}

/**
 * The search_runs query: filter, lifecycle, order (with MLflow's tie-breaks) and page, all in SQL.
 *
 * @example await runSearchSql(spec).execute(db)
 */
export function runSearchSql(spec: RunSearchSpec): RawBuilder<RunsTable> {
  const parts = spec.orderBy.map(orderTerms);
  const terms = parts.flatMap((p) => p.terms);
  if (!spec.orderBy.some((o) => o.target === 'attribute' && o.key === 'start_time')) {
    terms.push(sql`r.start_time DESC`);
  }
  terms.push(sql`r.run_uuid ASC`);
  const joins = sql.join(
    parts.map((p) => p.join),
    sql``,
  );
  return sql<RunsTable>`SELECT r.* FROM runs r${joins} WHERE ${runWhereSql(spec)}
    ORDER BY ${sql.join(terms)} LIMIT ${spec.limit} OFFSET ${spec.offset}`;
}

/**
 * The WHERE clause of a run search over `runs r`: experiments, lifecycle and filter conditions.
 *
 * @example sql`SELECT r.* FROM runs r WHERE ${runWhereSql(spec)}`
 */
export function runWhereSql(spec: RunSearchSpec): RawBuilder<unknown> {
  const ids = spec.experimentIds.length === 0 ? sql`NULL` : sql.join(spec.experimentIds);
  const where = [
    sql`r.experiment_id IN (${ids})`,
    lifecycleSql(spec.viewType, sql.ref('r.lifecycle_stage')),
    ...spec.conditions.map((c) => conditionSql(c, spec.caps)),
  ];
  return sql.join(where, sql` AND `);
}
