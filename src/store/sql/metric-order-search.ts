import { sql, type Kysely } from 'kysely';
import type { RunOrderBy } from '../search/run-filter.js';
import type { RunsTable, TrackingDatabase } from './database.js';
import { runWhereSql, type RunSearchSpec } from './run-search-sql.js';

type Db = Kysely<TrackingDatabase>;

// Ordering by one metric is the UI's most common sort. The general query joins every run of the
// experiment and sorts them all; here each group is read in index order and stops at the page end:
// runs with a real value (by value, then start_time DESC, run_uuid), then NaN, then runs without it.
// The tie-break terms after the indexed value cost little: SQLite sorts only the last terms ("temp
// b-tree for last 2 terms") and PostgreSQL does an incremental sort, both stopping at the LIMIT.

async function realValues(
  db: Db,
  spec: RunSearchSpec,
  order: RunOrderBy,
  want: number,
): Promise<RunsTable[]> {
  const dir = sql.raw(order.ascending ? 'ASC' : 'DESC');
  const { rows } =
    await sql<RunsTable>`SELECT r.* FROM latest_metrics lm JOIN runs r ON r.run_uuid = lm.run_uuid
    WHERE lm.experiment_id IN (${sql.join(spec.experimentIds)}) AND lm.key = ${order.key} AND lm.is_nan = 0 AND ${runWhereSql(spec)}
    ORDER BY lm.value ${dir}, r.start_time DESC, r.run_uuid ASC LIMIT ${want}`.execute(db);
  return rows;
}

async function nanValues(db: Db, spec: RunSearchSpec, key: string, want: number): Promise<RunsTable[]> {
  const { rows } =
    await sql<RunsTable>`SELECT r.* FROM latest_metrics lm JOIN runs r ON r.run_uuid = lm.run_uuid
    WHERE lm.experiment_id IN (${sql.join(spec.experimentIds)}) AND lm.key = ${key} AND lm.is_nan = 1 AND ${runWhereSql(spec)}
    ORDER BY r.start_time DESC, r.run_uuid ASC LIMIT ${want}`.execute(db);
  return rows;
}

async function missingValues(db: Db, spec: RunSearchSpec, key: string, want: number): Promise<RunsTable[]> {
  const { rows } = await sql<RunsTable>`SELECT r.* FROM runs r WHERE ${runWhereSql(spec)}
    AND NOT EXISTS (SELECT 1 FROM latest_metrics lm WHERE lm.run_uuid = r.run_uuid AND lm.key = ${key})
    ORDER BY r.start_time DESC, r.run_uuid ASC LIMIT ${want}`.execute(db);
  return rows;
}

/**
 * One page of runs ordered by a single metric, read group by group in index order.
 *
 * @example await metricOrderSearch(db, spec, { target: 'metric', key: 'acc', ascending: false })
 */
export async function metricOrderSearch(
  db: Db,
  spec: RunSearchSpec,
  order: RunOrderBy,
): Promise<RunsTable[]> {
  const want = spec.offset + spec.limit;
  const rows: RunsTable[] = [];
  if (spec.experimentIds.length === 0) return rows;
  rows.push(...(await realValues(db, spec, order, want)));
  if (rows.length < want) rows.push(...(await nanValues(db, spec, order.key, want - rows.length)));
  if (rows.length < want) rows.push(...(await missingValues(db, spec, order.key, want - rows.length)));
  return rows.slice(spec.offset, want);
}
