import { sql, type RawBuilder } from 'kysely';
import type { ExperimentCondition, ExperimentOrderBy } from '../search/experiment-filter.js';
import type { ViewType } from '../tracking-store.js';
import type { ExperimentsTable } from './database.js';
import { compareSql } from './sql-compare.js';
import type { StoreDialectCapabilities } from './store-dialect.js';

/** A checked search_experiments request, ready to become SQL. */
export interface ExperimentSearchSpec {
  conditions: ExperimentCondition[];
  orderBy: ExperimentOrderBy[];
  viewType: ViewType;
  limit: number;
  offset: number;
  caps: StoreDialectCapabilities;
}

type Row = Omit<ExperimentsTable, 'experiment_id'> & { experiment_id: number };

/** The lifecycle predicate of a view type, for any table with a `lifecycle_stage` column. */
export function lifecycleSql(viewType: ViewType, column: RawBuilder<unknown>): RawBuilder<unknown> {
  if (viewType === 'ALL') return sql`1 = 1`;
  return sql`${column} = ${viewType === 'DELETED_ONLY' ? 'deleted' : 'active'}`;
}

function conditionSql(c: ExperimentCondition, caps: StoreDialectCapabilities): RawBuilder<unknown> {
  if (c.target === 'attribute') return compareSql(sql.ref(`e.${c.key}`), c.comparator, c.value, caps);
  const match = compareSql(sql.ref('t.value'), c.comparator, c.value, caps);
  return sql`EXISTS (SELECT 1 FROM experiment_tags t WHERE t.experiment_id = e.experiment_id AND t.key = ${c.key} AND ${match})`;
}

/**
 * The search_experiments query: filter, lifecycle, order and page, all in SQL.
 *
 * @example await experimentSearchSql(spec).execute(db)
 */
export function experimentSearchSql(spec: ExperimentSearchSpec): RawBuilder<Row> {
  const where = [
    lifecycleSql(spec.viewType, sql.ref('e.lifecycle_stage')),
    ...spec.conditions.map((c) => conditionSql(c, spec.caps)),
  ];
  const order = spec.orderBy.map(
    (o) => sql`${sql.ref(`e.${o.key}`)} ${sql.raw(o.ascending ? 'ASC' : 'DESC')}`,
  );
  return sql<Row>`SELECT e.* FROM experiments e WHERE ${sql.join(where, sql` AND `)} ORDER BY ${sql.join(order)} LIMIT ${spec.limit} OFFSET ${spec.offset}`;
}
