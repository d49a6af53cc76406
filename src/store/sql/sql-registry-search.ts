import { sql, type RawBuilder } from 'kysely';
import { PROMPT_TAG, type RegistryCondition, type RegistryOrderBy } from '../search/registry-filter.js';
import type { ModelVersionsTable, RegisteredModelsTable } from './sql-registry-database.js';
import { compareSql } from './sql-compare.js';
import type { StoreDialectCapabilities } from './store-dialect.js';
import { DELETED_STAGE } from './sql-registry-rows.js';

/** A checked registry search, ready to become SQL. */
export interface RegistrySearchSpec {
  conditions: RegistryCondition[];
  orderBy: RegistryOrderBy[];
  /** Whether models tagged as prompts stay in the results. */
  includePrompts: boolean;
  limit: number;
  offset: number;
  caps: StoreDialectCapabilities;
}

// A model without the prompt tag counts as `'false'`, so `!= 'true'` keeps it (MLflow's special case).
function promptTagSql(owner: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`COALESCE((SELECT p.value FROM registered_model_tags p WHERE p.name = ${owner} AND p.key = ${PROMPT_TAG}), 'false')`;
}

function modelTagSql(
  c: RegistryCondition,
  caps: StoreDialectCapabilities,
  owner: RawBuilder<unknown>,
): RawBuilder<unknown> {
  if (c.key === PROMPT_TAG) return compareSql(promptTagSql(owner), c.comparator, c.value, caps);
  const match = compareSql(sql.ref('t.value'), c.comparator, c.value, caps);
  return sql`EXISTS (SELECT 1 FROM registered_model_tags t WHERE t.name = ${owner} AND t.key = ${c.key} AND ${match})`;
}

function orderSql(alias: string, orderBy: readonly RegistryOrderBy[]): RawBuilder<unknown> {
  return sql.join(
    orderBy.map((o) => sql`${sql.ref(`${alias}.${o.column}`)} ${sql.raw(o.ascending ? 'ASC' : 'DESC')}`),
  );
}

function promptFilter(spec: RegistrySearchSpec, owner: RawBuilder<unknown>): RawBuilder<unknown>[] {
  return spec.includePrompts ? [] : [sql`${promptTagSql(owner)} != 'true'`];
}

/**
 * The search_registered_models query (one row past the page, to know whether another page exists).
 *
 * @example await registeredModelSearchSql(spec).execute(db)
 */
export function registeredModelSearchSql(spec: RegistrySearchSpec): RawBuilder<RegisteredModelsTable> {
  const owner = sql.ref('m.name');
  const where = [
    sql`1 = 1`,
    ...promptFilter(spec, owner),
    ...spec.conditions.map((c) =>
      c.target === 'tag'
        ? modelTagSql(c, spec.caps, owner)
        : compareSql(sql.ref(`m.${c.key}`), c.comparator, c.value, spec.caps),
    ),
  ];
  return sql<RegisteredModelsTable>`SELECT m.* FROM registered_models m WHERE ${sql.join(where, sql` AND `)} ORDER BY ${orderSql('m', spec.orderBy)} LIMIT ${spec.limit + 1} OFFSET ${spec.offset}`;
}

function versionTagSql(c: RegistryCondition, caps: StoreDialectCapabilities): RawBuilder<unknown> {
  const match = compareSql(sql.ref('t.value'), c.comparator, c.value, caps);
  return sql`EXISTS (SELECT 1 FROM model_version_tags t WHERE t.name = v.name AND t.version = v.version AND t.key = ${c.key} AND ${match})`;
}

/**
 * The search_model_versions query; deleted versions never match.
 *
 * @example await modelVersionSearchSql(spec).execute(db)
 */
export function modelVersionSearchSql(spec: RegistrySearchSpec): RawBuilder<ModelVersionsTable> {
  const where = [
    sql`v.current_stage != ${DELETED_STAGE}`,
    ...promptFilter(spec, sql.ref('v.name')),
    ...spec.conditions.map((c) =>
      c.target === 'tag'
        ? versionTagSql(c, spec.caps)
        : compareSql(sql.ref(`v.${c.key}`), c.comparator, c.value, spec.caps),
    ),
  ];
  return sql<ModelVersionsTable>`SELECT v.* FROM model_versions v WHERE ${sql.join(where, sql` AND `)} ORDER BY ${orderSql('v', spec.orderBy)} LIMIT ${spec.limit + 1} OFFSET ${spec.offset}`;
}
