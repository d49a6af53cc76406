import { sql, type Kysely } from 'kysely';
import type { MetricsTable, TrackingDatabase } from './database.js';
import { chunked } from './sql-context.js';
import type { StoreDialectCapabilities } from './store-dialect.js';

/**
 * Inserts metric points, skipping ones already recorded (identical re-logs are no-ops). Where the
 * dialect binds arrays, the whole batch is six array parameters through `unnest`, which PostgreSQL
 * parses far faster than thousands of scalar parameters.
 *
 * @example await insertMetricRows(trx, rows, caps);
 */
export async function insertMetricRows(
  db: Kysely<TrackingDatabase>,
  rows: readonly MetricsTable[],
  caps: StoreDialectCapabilities,
): Promise<void> {
  if (rows.length === 0) return;
  if (caps.supportsArrayParameters) {
    await sql`INSERT INTO metrics (run_uuid, key, timestamp, step, value, is_nan)
      SELECT * FROM unnest(${rows.map((r) => r.run_uuid)}::varchar[], ${rows.map((r) => r.key)}::varchar[],
        ${rows.map((r) => r.timestamp)}::bigint[], ${rows.map((r) => r.step)}::bigint[],
        ${rows.map((r) => r.value)}::float8[], ${rows.map((r) => r.is_nan)}::smallint[])
      ON CONFLICT DO NOTHING`.execute(db);
    return;
  }
  for (const chunk of chunked(rows, 6, caps)) {
    await db
      .insertInto('metrics')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
