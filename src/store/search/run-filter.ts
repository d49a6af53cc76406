import { MlflowError } from '../../core/mlflow-error.js';
import type { FilterToken } from './filter-lexer.js';
import {
  checkDuplicateOrderBy,
  parseClauses,
  parseOrderByItem,
  pythonSet,
  type RawClause,
} from './parse-clauses.js';

export type RunFilterTarget = 'metric' | 'param' | 'tag' | 'attribute' | 'dataset';

/** A checked search_runs clause; attribute keys are already mapped to `runs` columns. */
export interface RunCondition {
  target: RunFilterTarget;
  key: string;
  comparator: string;
  value: string | number | string[];
}

export interface RunOrderBy {
  target: Exclude<RunFilterTarget, 'dataset'>;
  key: string;
  ascending: boolean;
}

const ENTITIES: Record<string, RunFilterTarget> = {
  metrics: 'metric',
  metric: 'metric',
  params: 'param',
  param: 'param',
  parameters: 'param',
  parameter: 'param',
  tags: 'tag',
  tag: 'tag',
  attributes: 'attribute',
  attribute: 'attribute',
  attr: 'attribute',
  run: 'attribute',
  datasets: 'dataset',
  dataset: 'dataset',
};

export const NUMERIC_COMPARATORS = ['=', '!=', '>', '>=', '<', '<='];
export const STRING_COMPARATORS = ['=', '!=', 'LIKE', 'ILIKE'];
const LIST_COMPARATORS = ['IN', 'NOT IN'];

const STRING_ATTRIBUTES: Record<string, string> = {
  run_id: 'run_uuid',
  run_name: 'name',
  'run name': 'name',
  'Run name': 'name',
  'Run Name': 'name',
  user_id: 'user_id',
  status: 'status',
  artifact_uri: 'artifact_uri',
};
const NUMERIC_ATTRIBUTES: Record<string, string> = {
  start_time: 'start_time',
  end_time: 'end_time',
  created: 'start_time',
  Created: 'start_time',
};
const DATASET_FIELDS = ['name', 'digest', 'context'];

function bad(message: string): MlflowError {
  return new MlflowError(message, 'INVALID_PARAMETER_VALUE');
}

/** Maps an entity word to its target, with MLflow's message for unknown ones. */
export function runEntity(entity: string | undefined): RunFilterTarget {
  const target = entity === undefined ? 'attribute' : ENTITIES[entity];
  if (target === undefined) {
    throw bad(
      `Invalid entity type '${entity}'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']`,
    );
  }
  return target;
}

function checkComparator(comparator: string, allowed: readonly string[]): void {
  if (!allowed.includes(comparator))
    // MLflow's message opens a quote before the set and never closes it; clients may match on it.
    throw bad(`Invalid comparator '${comparator}' not one of '${pythonSet(allowed)}`);
}

/**
 * The number of a numeric comparison, or MLflow's message when the value is quoted or not a number.
 *
 * @example numericValue(token, 'metric')
 */
export function numericValue(token: FilterToken, what: string): number {
  if (token.kind !== 'number') throw bad(`Expected numeric value type for ${what}. Found ${token.text}`);
  return token.value;
}

/**
 * The string of a string comparison, or MLflow's message when the value is unquoted.
 *
 * @example stringValue(token, 'tag')
 */
export function stringValue(token: FilterToken, what: string): string {
  if (token.kind !== 'string') {
    throw bad(`Expected a quoted string value for ${what} (e.g. 'my-value'). Got value ${token.text}`);
  }
  return token.value;
}

/**
 * The strings of an `IN (...)` list; it must be non-empty and all quoted.
 *
 * @example listValue(token) // ['a', 'b']
 */
export function listValue(token: FilterToken): string[] {
  if (token.kind !== 'list' || token.values.length === 0 || token.values.some((v) => v.kind !== 'string')) {
    throw bad(
      `While parsing a list in the query, expected a non-empty list of string values, but got ${token.text}`,
    );
  }
  return token.values.map((v) => (v.kind === 'string' ? v.value : ''));
}

function attributeCondition(clause: RawClause): RunCondition {
  const { key, comparator, value } = clause;
  const numeric = NUMERIC_ATTRIBUTES[key];
  if (numeric !== undefined) {
    checkComparator(comparator, NUMERIC_COMPARATORS);
    return { target: 'attribute', key: numeric, comparator, value: numericValue(value, 'attribute') };
  }
  const column = STRING_ATTRIBUTES[key];
  if (column === undefined) {
    const valid = [...Object.keys(STRING_ATTRIBUTES), ...Object.keys(NUMERIC_ATTRIBUTES)];
    throw bad(`Invalid attribute key '${key}' specified. Valid keys are '${pythonSet(valid)}'`);
  }
  if (LIST_COMPARATORS.includes(comparator)) {
    if (column !== 'run_uuid') {
      throw bad("Only the 'run_id' attribute supports comparison with a list of quoted string values.");
    }
    // Run ids are lowercase hex; MLflow silently drops values with uppercase letters.
    const ids = listValue(value).filter((v) => v === v.toLowerCase());
    return { target: 'attribute', key: column, comparator, value: ids };
  }
  checkComparator(comparator, STRING_COMPARATORS);
  return { target: 'attribute', key: column, comparator, value: stringValue(value, 'attribute') };
}

function datasetCondition(clause: RawClause): RunCondition {
  if (!DATASET_FIELDS.includes(clause.key)) {
    throw bad(`Invalid dataset key '${clause.key}' specified. Valid keys are '${pythonSet(DATASET_FIELDS)}'`);
  }
  checkComparator(clause.comparator, [...STRING_COMPARATORS, ...LIST_COMPARATORS]);
  const value = LIST_COMPARATORS.includes(clause.comparator)
    ? listValue(clause.value)
    : stringValue(clause.value, 'dataset');
  return { target: 'dataset', key: clause.key, comparator: clause.comparator, value };
}

function toCondition(clause: RawClause): RunCondition {
  const target = runEntity(clause.entity);
  if (target === 'attribute') return attributeCondition(clause);
  if (target === 'dataset') return datasetCondition(clause);
  if (target === 'metric') {
    checkComparator(clause.comparator, NUMERIC_COMPARATORS);
    return {
      target,
      key: clause.key,
      comparator: clause.comparator,
      value: numericValue(clause.value, 'metric'),
    };
  }
  checkComparator(clause.comparator, STRING_COMPARATORS);
  const what = target === 'param' ? 'parameter' : 'tag';
  return { target, key: clause.key, comparator: clause.comparator, value: stringValue(clause.value, what) };
}

/**
 * Parses and checks a search_runs filter.
 *
 * @example parseRunFilter("metrics.acc > 0.9") // [{ target: 'metric', key: 'acc', comparator: '>', value: 0.9 }]
 */
export function parseRunFilter(filter: string | undefined): RunCondition[] {
  return parseClauses(filter).map(toCondition);
}

const ORDER_ATTRIBUTES: Record<string, string> = {
  run_id: 'run_uuid',
  run_name: 'name',
  user_id: 'user_id',
  status: 'status',
  artifact_uri: 'artifact_uri',
  ...NUMERIC_ATTRIBUTES,
};

function toOrderBy(item: string): RunOrderBy {
  const raw = parseOrderByItem(item);
  const target = runEntity(raw.entity);
  if (target === 'dataset') throw bad(`Invalid order_by entity 'dataset' in '${item}'.`);
  if (target !== 'attribute') return { target, key: raw.key, ascending: raw.ascending };
  const column = ORDER_ATTRIBUTES[raw.key];
  if (column === undefined) {
    throw bad(
      `Invalid order by key '${raw.key}' specified. Valid keys are '${pythonSet(Object.keys(ORDER_ATTRIBUTES))}'`,
    );
  }
  return { target, key: column, ascending: raw.ascending };
}

/**
 * Parses search_runs order_by items.
 *
 * @example parseRunOrderBy(['metrics.acc DESC']) // [{ target: 'metric', key: 'acc', ascending: false }]
 */
export function parseRunOrderBy(items: readonly string[] | undefined): RunOrderBy[] {
  const parsed = (items ?? []).filter((i) => i.trim() !== '').map(toOrderBy);
  checkDuplicateOrderBy(parsed.map((o) => `${o.target}.${o.key}`));
  return parsed;
}
