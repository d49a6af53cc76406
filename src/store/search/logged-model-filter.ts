import { MlflowError } from '../../core/mlflow-error.js';
import type { FilterToken } from './filter-lexer.js';
import { parseClauses, type RawClause } from './parse-clauses.js';

/** A checked search_logged_models clause; attribute keys are `logged_models` columns. */
export interface LoggedModelCondition {
  target: 'attribute' | 'metric' | 'param' | 'tag';
  key: string;
  comparator: string;
  value: string | number | string[];
}

const ENTITIES = { attributes: 'attribute', metrics: 'metric', params: 'param', tags: 'tag' } as const;

/** Attribute names (with aliases) to columns. */
export const LOGGED_MODEL_ATTRIBUTES: Record<string, string> = {
  model_id: 'model_id',
  experiment_id: 'experiment_id',
  name: 'name',
  artifact_location: 'artifact_location',
  status: 'status',
  lifecycle_stage: 'lifecycle_stage',
  model_type: 'model_type',
  source_run_id: 'source_run_id',
  status_message: 'status_message',
  creation_timestamp_ms: 'creation_timestamp_ms',
  creation_time: 'creation_timestamp_ms',
  creation_timestamp: 'creation_timestamp_ms',
  last_updated_timestamp_ms: 'last_updated_timestamp_ms',
  last_updated_timestamp: 'last_updated_timestamp_ms',
};
const NUMERIC_COLUMNS = new Set(['creation_timestamp_ms', 'last_updated_timestamp_ms']);
const NUMERIC_OPS = ['<', '<=', '>', '>=', '=', '!='];
const STRING_OPS = ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'];

function bad(message: string): MlflowError {
  return new MlflowError(message, 'INVALID_PARAMETER_VALUE');
}

function checkOp(what: string, op: string, allowed: readonly string[]): void {
  if (!allowed.includes(op)) {
    throw bad(
      `Invalid comparison operator for ${what}: '${op}'. Expected one of (${allowed.map((a) => `'${a}'`).join(', ')})`,
    );
  }
}

function scalar(token: FilterToken): string {
  if (token.kind === 'string') return token.value;
  return token.text;
}

function numeric(token: FilterToken, what: string): number {
  const value = Number(scalar(token));
  if (Number.isNaN(value)) throw bad(`Invalid numeric value for ${what}: ${token.text}`);
  return value;
}

/** Maps an attribute name or alias to its column; an unknown name is a 400 (MLflow crashes with a 500). */
export function loggedModelColumn(name: string): string {
  const column = LOGGED_MODEL_ATTRIBUTES[name];
  if (column === undefined) throw bad(`Invalid attribute name: ${name}`);
  return column;
}

function toCondition(clause: RawClause): LoggedModelCondition {
  const entity = clause.entity === undefined ? 'attribute' : ENTITIES[clause.entity as keyof typeof ENTITIES];
  if (entity === undefined) {
    throw bad(
      `Invalid entity type '${clause.entity}'. Valid entity types are ${Object.keys(ENTITIES).join(', ')}`,
    );
  }
  const key = entity === 'attribute' ? loggedModelColumn(clause.key) : clause.key;
  const what = entity === 'attribute' ? key : `${entity}s.${key}`;
  if (entity === 'metric' || NUMERIC_COLUMNS.has(key)) {
    checkOp(what, clause.comparator, NUMERIC_OPS);
    return { target: entity, key, comparator: clause.comparator, value: numeric(clause.value, what) };
  }
  checkOp(what, clause.comparator, STRING_OPS);
  const list = clause.comparator === 'IN' || clause.comparator === 'NOT IN';
  if (list && clause.value.kind !== 'list')
    throw bad(`Expected a list value for ${what}, got ${clause.value.text}`);
  const value = clause.value.kind === 'list' ? clause.value.values.map(scalar) : scalar(clause.value);
  return { target: entity, key, comparator: clause.comparator, value };
}

/**
 * Parses and checks a search_logged_models filter.
 *
 * @example parseLoggedModelFilter("metrics.acc > 0.5 AND name = 'model'")
 */
export function parseLoggedModelFilter(filter: string | undefined): LoggedModelCondition[] {
  return parseClauses(filter).map(toCondition);
}
