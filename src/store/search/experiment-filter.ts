import { MlflowError } from '../../core/mlflow-error.js';
import {
  checkDuplicateOrderBy,
  parseClauses,
  parseOrderByItem,
  pythonSet,
  type RawClause,
} from './parse-clauses.js';
import { NUMERIC_COMPARATORS, STRING_COMPARATORS, numericValue, stringValue } from './run-filter.js';

/** A checked search_experiments clause: an experiments column or a tag. */
export interface ExperimentCondition {
  target: 'attribute' | 'tag';
  key: string;
  comparator: string;
  value: string | number;
}

export interface ExperimentOrderBy {
  key: string;
  ascending: boolean;
}

const FILTER_ATTRIBUTES = ['creation_time', 'name', 'last_update_time'];
const ORDER_ATTRIBUTES = ['last_update_time', 'creation_time', 'name', 'experiment_id'];

function bad(message: string): MlflowError {
  return new MlflowError(message, 'INVALID_PARAMETER_VALUE');
}

function checkComparator(comparator: string, allowed: readonly string[]): void {
  if (!allowed.includes(comparator))
    // MLflow's message opens a quote before the set and never closes it; clients may match on it.
    throw bad(`Invalid comparator '${comparator}' not one of '${pythonSet(allowed)}`);
}

function entityOf(entity: string | undefined): 'attribute' | 'tag' {
  if (entity === undefined || entity === 'attribute') return 'attribute';
  if (entity === 'tag' || entity === 'tags') return 'tag';
  throw bad(`Invalid entity type '${entity}'. Valid values are ['tag', 'attribute']`);
}

function toCondition(clause: RawClause): ExperimentCondition {
  const target = entityOf(clause.entity);
  const { key, comparator, value } = clause;
  if (target === 'tag') {
    checkComparator(comparator, STRING_COMPARATORS);
    return { target, key, comparator, value: stringValue(value, 'tag') };
  }
  if (!FILTER_ATTRIBUTES.includes(key)) {
    throw bad(`Invalid attribute key '${key}' specified. Valid keys are '${pythonSet(FILTER_ATTRIBUTES)}'`);
  }
  if (key === 'name') {
    checkComparator(comparator, STRING_COMPARATORS);
    return { target, key, comparator, value: stringValue(value, 'attribute') };
  }
  checkComparator(comparator, NUMERIC_COMPARATORS);
  return { target, key, comparator, value: numericValue(value, 'attribute') };
}

/**
 * Parses and checks a search_experiments filter.
 *
 * @example parseExperimentFilter("name LIKE 'exp-%'") // [{ target: 'attribute', key: 'name', ... }]
 */
export function parseExperimentFilter(filter: string | undefined): ExperimentCondition[] {
  return parseClauses(filter).map(toCondition);
}

function toOrderBy(item: string): ExperimentOrderBy {
  const raw = parseOrderByItem(item);
  if (raw.entity !== undefined && raw.entity !== 'attribute') {
    throw bad(`Invalid order_by entity '${raw.entity}' in '${item}'.`);
  }
  if (!ORDER_ATTRIBUTES.includes(raw.key)) {
    throw bad(
      `Invalid attribute key '${raw.key}' specified. Valid keys are '${pythonSet(ORDER_ATTRIBUTES)}'`,
    );
  }
  return { key: raw.key, ascending: raw.ascending };
}

/**
 * Parses search_experiments order_by items and appends MLflow's tie-breaks.
 *
 * @example parseExperimentOrderBy([]) // creation_time DESC, experiment_id ASC
 */
export function parseExperimentOrderBy(items: readonly string[] | undefined): ExperimentOrderBy[] {
  const parsed = (items ?? []).filter((i) => i.trim() !== '').map(toOrderBy);
  checkDuplicateOrderBy(parsed.map((o) => o.key));
  if (parsed.length === 0) {
    return [
      { key: 'creation_time', ascending: false },
      { key: 'experiment_id', ascending: true },
    ];
  }
  if (!parsed.some((o) => o.key === 'experiment_id')) parsed.push({ key: 'experiment_id', ascending: false });
  return parsed;
}
