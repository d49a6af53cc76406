import { sql, type RawBuilder } from 'kysely';
import type { StoreDialectCapabilities } from './store-dialect.js';

const OPERATORS = new Set(['=', '!=', '>', '>=', '<', '<=']);

/**
 * `column <comparator> value` as SQL for a checked comparator: LIKE is case-sensitive on both
 * dialects and ILIKE falls back to `lower() LIKE lower()` where the dialect lacks it.
 *
 * @example compareSql(sql.ref('runs.name'), 'LIKE', 'a%', caps)
 */
export function compareSql(
  column: RawBuilder<unknown>,
  comparator: string,
  value: string | number | readonly string[],
  caps: StoreDialectCapabilities,
): RawBuilder<unknown> {
  if (Array.isArray(value)) {
    if (value.length === 0) return comparator === 'IN' ? sql`1 = 0` : sql`1 = 1`;
    const list = sql.join(value.map((v) => sql`${v}`));
    return comparator === 'IN' ? sql`${column} IN (${list})` : sql`${column} NOT IN (${list})`;
  }
  if (comparator === 'LIKE') return sql`${column} LIKE ${value}`;
  if (comparator === 'ILIKE') {
    return caps.supportsIlike ? sql`${column} ILIKE ${value}` : sql`lower(${column}) LIKE lower(${value})`;
  }
  if (!OPERATORS.has(comparator)) throw new Error(`unchecked comparator ${comparator}`);
  return sql`${column} ${sql.raw(comparator)} ${value}`;
}
